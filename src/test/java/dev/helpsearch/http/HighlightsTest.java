package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Titles and headings come highlighted beside the snippet, escaped and marked by the same rules. */
class HighlightsTest {

    @TempDir
    static Path work;

    static RunningServer server;

    @BeforeAll
    static void start() throws IOException {
        server = RunningServer.start(work);
        Files.createDirectories(server.articles.resolve("security"));
        // the heading's tags are Markdown's inline HTML, so only its text reaches the heading
        Files.writeString(server.articles.resolve("security/01.tags.md"), """
                ---
                title: Pasting <script> tags & "quotes"
                ---

                ## When <b>bold</b> breaks the console

                Pasting script tags into the console breaks it.
                """);
        assertThat(server.reindexer.reindex().replaced()).isTrue();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static List<JsonNode> hits(String query) {
        List<JsonNode> hits = new ArrayList<>();
        server.json("/_/v1/search?q=" + RunningServer.encode(query) + "&limit=50")
                .get("hits")
                .forEach(hits::add);
        return hits;
    }

    @Test
    void matchedWordsAreMarkedInTheTitleAndHeading() {
        JsonNode first = hits("port conflict").get(0);
        assertThat(first.get("heading").asText()).isEqualTo("Port conflict");
        assertThat(first.get("highlighted").get("heading").asText())
                .isEqualTo("<mark>Port</mark> <mark>conflict</mark>");
        assertThat(first.get("highlighted").get("title").asText()).isEqualTo("Gateway fails to start");
    }

    @Test
    void stemmedFormsAreMarkedWhole() {
        JsonNode hit = hits("conflicting ports ").get(0);
        assertThat(hit.get("highlighted").get("heading").asText()).isEqualTo("<mark>Port</mark> <mark>conflict</mark>");
    }

    @Test
    void aWordBeingTypedMarksOnlyWhatWasTypedThereAndInTheSnippet() {
        List<String> highlighted = new ArrayList<>();
        for (JsonNode hit : hits("in")) {
            highlighted.add(hit.get("highlighted").get("heading").asText());
            highlighted.add(hit.get("highlighted").get("title").asText());
        }
        assertThat(highlighted)
                .contains("<mark>In</mark>stance is stopped", "<mark>In</mark>ternet connection is unavailable");
        for (JsonNode hit : hits("in")) {
            assertThat(hit.get("snippet").asText())
                    .as(hit.get("url").asText())
                    .doesNotContainPattern("(?i)<mark>in\\p{L}+</mark>");
        }
        assertThat(hits("in").stream().map(h -> h.get("snippet").asText()))
                .anyMatch(snippet -> snippet.contains("<mark>in</mark>vite"));
        assertThat(String.join("\n", highlighted))
                .doesNotContain("<mark>Instance</mark>")
                .doesNotContain("<mark>Internet</mark>")
                .doesNotContain("<mark>invalid</mark>")
                .doesNotContain("<mark>inaccessible</mark>");
    }

    @Test
    void markupInTitlesAndHeadingsIsEscaped() {
        JsonNode hit = hits("pasting script tags console").stream()
                .filter(h -> h.get("path").asText().equals("/security/tags")
                        && !h.get("anchor").asText().isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(hit.get("highlighted").get("title").asText())
                .isEqualTo(
                        "<mark>Pasting</mark> &lt;<mark>script</mark>&gt; <mark>tags</mark> &amp; &quot;quotes&quot;");
        assertThat(hit.get("highlighted").get("heading").asText())
                .isEqualTo("When bold breaks the <mark>console</mark>");
    }
}
