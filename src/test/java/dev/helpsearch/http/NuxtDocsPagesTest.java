package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.search.rank.SemanticModel;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page of a real docs site opens from its Nuxt path, API reference under /api/ included,
 * with the heading ids the real Nuxt parser gives it. The corpus is the Nuxt documentation (a copy
 * in test resources, with its licence in SOURCE.md); the expected paths and ids were extracted
 * from the real parser's output for it (shared/conformance/fixtures/nuxt-docs-expected.jsonl).
 */
class NuxtDocsPagesTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpora/nuxt-docs");
    private static final Path EXPECTED = Path.of("src/test/resources/corpora/nuxt-docs-pages.jsonl");

    @TempDir
    static Path work;

    static RunningServer server;

    record Page(String file, String path, List<String> ids, String redirect) {}

    @BeforeAll
    static void start() throws IOException {
        server = RunningServer.start(
                work,
                CORPUS,
                null,
                new ServerSettings(List.of(), null, 2_000),
                new IndexBuilder(),
                SemanticModel.off());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    static List<Page> expected() throws IOException {
        List<Page> pages = new ArrayList<>();
        for (String line : Files.readAllLines(EXPECTED)) {
            JsonNode node = RunningServer.parse(line);
            List<String> ids = new ArrayList<>();
            node.get("ids").forEach(id -> ids.add(id.asText()));
            pages.add(new Page(
                    node.get("file").asText(),
                    node.get("path").asText(),
                    ids,
                    node.has("redirect") ? node.get("redirect").asText() : null));
        }
        return pages;
    }

    @Test
    void everyPageIsServedWithTheRealParsersHeadingIds() throws IOException {
        List<Page> pages = expected();
        int served = 0;
        int underApi = 0;
        List<String> failures = new ArrayList<>();
        for (Page page : pages) {
            if (page.redirect() != null) {
                HttpResponse<String> response = server.get(page.path());
                assertThat(response.statusCode()).as(page.path()).isEqualTo(301);
                assertThat(response.headers().firstValue("Location"))
                        .as(page.path())
                        .contains(page.redirect());
                continue;
            }
            HttpResponse<String> response = server.get(page.path());
            if (response.statusCode() != 200) {
                failures.add(page.file() + " -> " + page.path() + ": " + response.statusCode());
                continue;
            }
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(page.path())
                    .startsWith("text/html");
            Set<String> ids = new HashSet<>();
            for (Element element : Jsoup.parse(response.body()).select("article [id]")) {
                ids.add(element.id());
            }
            List<String> missing =
                    page.ids().stream().filter(id -> !ids.contains(id)).toList();
            if (!missing.isEmpty()) {
                failures.add(page.file() + " -> " + page.path() + ": no element with id " + missing);
            }
            served++;
            if (page.path().startsWith("/api/")) {
                underApi++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(served).isEqualTo(pages.size() - 1);
        // the API reference, which used to answer a JSON 404 from behind the API routes
        assertThat(underApi).isEqualTo(116);
    }

    @Test
    void theApiFindsThePagesUnderApiAndTheyOpen() {
        JsonNode body = server.json("/_/v1/search?q=" + RunningServer.encode("useFetch") + "&limit=5");
        String path = body.get("hits").get(0).get("path").asText();
        assertThat(path).startsWith("/api/");
        assertThat(server.get(path).statusCode()).isEqualTo(200);
        assertThat(server.send(java.net.http.HttpRequest.newBuilder(server.uri(path))
                                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(200);
        assertThat(server.json("/_/v1/articles" + path).get("path").asText()).isEqualTo(path);
    }
}
