package dev.helpsearch.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.helpsearch.article.markdown.Heading;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled articles are the seed help center: parsing articles/ gives back exactly the paths,
 * anchors, headings and searchText the help center's own payload holds.
 */
class SeedRoundTripTest {

    private static Map<String, Article> parsed;
    private static List<Map<String, Object>> seed;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        ArticleLoader.Result result = new ArticleLoader().load(Path.of("articles"), false);
        assertThat(result.problems()).isEmpty();
        parsed = result.articles().stream().collect(Collectors.toMap(Article::path, a -> a));

        Map<String, Object> payload = (Map<String, Object>) NuxtPayload.read("/seed/help-center-payload.json");
        Map<String, Object> data = (Map<String, Object>) payload.get("data");
        seed = new ArrayList<>();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            if (entry.getKey().startsWith("help-article-")) {
                seed.add((Map<String, Object>) entry.getValue());
            } else if (entry.getKey().startsWith("related-articles-")) {
                seed.addAll((List<Map<String, Object>>) entry.getValue());
            }
        }
    }

    @Test
    void everySeedArticleIsBundledAtItsPath() {
        assertThat(seed).hasSize(4);
        assertThat(parsed.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        seed.stream().map(a -> (String) a.get("path")).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anchorsHeadingsAndSearchTextEqualThePayload() {
        for (Map<String, Object> expected : seed) {
            Article article = parsed.get((String) expected.get("path"));
            assertThat(article.title()).isEqualTo(expected.get("title"));
            assertThat(article.description()).isEqualTo(expected.get("description"));
            assertThat(article.searchText()).isEqualTo(expected.get("searchText"));
            assertThat(article.category()).isEqualTo(expected.get("category"));
            assertThat(article.order()).isEqualTo(((Number) expected.get("order")).intValue());
            assertThat(article.updatedAt()).isEqualTo(expected.get("updatedAt"));

            Map<String, Object> body = (Map<String, Object>) expected.get("body");
            List<Map<String, Object>> toc =
                    (List<Map<String, Object>>) ((Map<String, Object>) body.get("toc")).get("links");
            List<Heading> expectedHeadings = toc.stream()
                    .map(l -> new Heading(
                            ((Number) l.get("depth")).intValue(), (String) l.get("text"), (String) l.get("id")))
                    .toList();
            assertThat(article.headings()).containsExactlyElementsOf(expectedHeadings);
            assertThat(article.sections())
                    .extracting(Section::anchor)
                    .containsExactlyElementsOf(
                            expectedHeadings.stream().map(Heading::id).toList());
            assertThat(article.sections())
                    .extracting(Section::heading)
                    .containsExactlyElementsOf(
                            expectedHeadings.stream().map(Heading::text).toList());
        }
    }

    @Test
    void sectionsMatchTheRealParsersSplitOfTheSeed() {
        for (JsonNode expected : Fixtures.jsonLines("conformance/seed-articles-expected.jsonl")) {
            Article article = parsed.get(expected.get("pathRelative").asText());
            JsonNode sections = expected.get("sections");
            assertThat(article.sections()).hasSize(sections.size() - 1);
            for (int i = 1; i < sections.size(); i++) {
                Section section = article.sections().get(i - 1);
                String id = sections.get(i).get("id").asText();
                assertThat(section.anchor()).isEqualTo(id.substring(id.indexOf('#') + 1));
                assertThat(section.heading())
                        .isEqualTo(sections.get(i).get("title").asText());
                assertThat(section.level())
                        .isEqualTo(sections.get(i).get("level").asInt());
                assertThat(section.titles()).containsExactly(article.title());
            }
        }
    }

    @Test
    void sectionTextKeepsEveryWordOfThePayloadBody() {
        Article gateway = parsed.get("/troubleshooting/gateway-fails-to-start");
        Section portConflict = gateway.sections().get(0);
        assertThat(portConflict.anchor()).isEqualTo("port-conflict");
        assertThat(portConflict.text())
                .contains("Another process on your machine is already using port 18789 (the default gateway port).")
                .contains("Open ~/.openclaw/openclaw.json in a text editor.")
                .contains("run lsof -i :18789 in your terminal.");
        // list items are separate lines, never glued together as Nuxt's own search text glues them
        assertThat(portConflict.text()).contains("in a text editor.\nChange the \"port\" value");
        assertThat(gateway.intro()).startsWith("If your gateway shows a red Error or Stopped status");
    }
}
