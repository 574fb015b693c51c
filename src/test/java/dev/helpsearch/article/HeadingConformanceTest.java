package dev.helpsearch.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.helpsearch.article.markdown.Heading;
import dev.helpsearch.article.markdown.MarkdownParser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every heading id of the real parser's tricky-heading fixtures, reproduced exactly. */
class HeadingConformanceTest {

    private static final MarkdownParser PARSER = new MarkdownParser();

    static Stream<Arguments> documents() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode doc : Fixtures.json("conformance/headings.json")) {
            cases.add(Arguments.of(doc.get("name").asText(), doc));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void headingIdsMatchTheHelpCenter(String name, JsonNode doc) {
        List<Heading> expected = new ArrayList<>();
        for (JsonNode h : doc.get("expected")) {
            expected.add(new Heading(
                    h.get("depth").asInt(), h.get("text").asText(), h.get("id").asText()));
        }
        List<Heading> actual = PARSER.parse(doc.get("markdown").asText()).headings();
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
