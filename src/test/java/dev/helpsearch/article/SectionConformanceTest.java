package dev.helpsearch.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search-section split of the real parser: one section per root-level heading, with its
 * anchor, title, level and breadcrumb titles; section 0 is the article itself.
 */
class SectionConformanceTest {

    private static final ArticleParser PARSER = new ArticleParser();

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : Fixtures.json("conformance/sections.json")) {
            cases.add(Arguments.of(c.get("name").asText(), c));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sectionsMatchTheHelpCenter(String name, JsonNode c) throws InvalidArticleException {
        String markdown = c.get("markdown").asText();
        JsonNode expected = c.has("sectionsIgnoreStyle") ? c.get("sectionsIgnoreStyle") : c.get("sections");
        String file = c.get("file").asText();
        if (c.get("title").asText().isEmpty()) {
            // The help center tolerates an untitled index page; helpsearch reports it, by design.
            assertThat(catchThrowable(() -> PARSER.parse(file, markdown)))
                    .isInstanceOf(InvalidArticleException.class)
                    .hasMessageContaining("missing title");
            return;
        }
        Article article = PARSER.parse(file, markdown);

        assertThat(article.path()).isEqualTo(c.get("path").asText());
        assertThat(article.title()).isEqualTo(c.get("title").asText());
        assertThat(article.description()).isEqualTo(c.get("description").asText());
        assertThat(expected.get(0).get("id").asText()).isEqualTo(article.path());

        List<String> expectedSections = new ArrayList<>();
        for (int i = 1; i < expected.size(); i++) {
            JsonNode s = expected.get(i);
            List<String> titles = new ArrayList<>();
            s.get("titles").forEach(t -> titles.add(t.asText()));
            expectedSections.add(describe(
                    s.get("id").asText(),
                    s.get("title").asText(),
                    s.get("level").asInt(),
                    titles));
        }
        List<String> actualSections = article.sections().stream()
                .map(s -> describe(article.path() + "#" + s.anchor(), s.heading(), s.level(), s.titles()))
                .toList();
        assertThat(actualSections).containsExactlyElementsOf(expectedSections);
    }

    private static String describe(String id, String title, int level, List<String> titles) {
        return id + " | " + title + " | h" + level + " | " + String.join(" > ", titles);
    }
}
