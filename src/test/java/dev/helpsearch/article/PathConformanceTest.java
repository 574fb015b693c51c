package dev.helpsearch.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Page paths and fallback titles from file names, as the real Nuxt Content derives them. */
class PathConformanceTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : Fixtures.json("conformance/paths.json")) {
            cases.add(Arguments.of(
                    c.get("prefix").asText(),
                    c.get("key").asText(),
                    c.get("path").asText(),
                    c.get("fallbackTitle").asText()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("cases")
    void pathAndFallbackTitle(String prefix, String key, String path, String fallbackTitle) {
        assertThat(ContentPaths.path(prefix, key)).isEqualTo(path);
        assertThat(ContentPaths.fallbackTitle(key)).isEqualTo(fallbackTitle);
    }
}
