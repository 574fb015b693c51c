package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.search.rank.SemanticModel;
import dev.helpsearch.semantic.BgeSmallEmbedder;
import dev.helpsearch.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facet counts, filters and totals through a real server on the Nuxt docs, lexical and hybrid:
 * every count is checked against a brute-force count of the hits one can actually page through.
 */
class FacetsTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpora/nuxt-docs");
    private static final List<String> QUERIES =
            List.of("useFetch", "hydration mismatch", "middleware redirect", "deploy to netlify", "typescript");

    @TempDir
    static Path lexicalWork;

    @TempDir
    static Path hybridWork;

    static RunningServer lexical;
    static RunningServer hybrid;

    @TempDir
    static Path bundledWork;

    static RunningServer bundledLexical;
    static BgeSmallEmbedder model;

    @BeforeAll
    static void start() throws IOException {
        ServerSettings settings = new ServerSettings(List.of(), null, 2_000);
        lexical = RunningServer.start(lexicalWork, CORPUS, null, settings, new IndexBuilder(), SemanticModel.off());
        model = BgeSmallEmbedder.load();
        // the bundled articles: embedding the whole Nuxt docs takes minutes on a loaded machine
        hybrid = RunningServer.start(
                hybridWork, Fixtures.HELP_CENTER, null, settings, new IndexBuilder(model), SemanticModel.ready(model));
        bundledLexical = RunningServer.start(
                bundledWork, Fixtures.HELP_CENTER, null, settings, new IndexBuilder(), SemanticModel.off());
    }

    @AfterAll
    static void stop() throws IOException {
        lexical.close();
        hybrid.close();
        bundledLexical.close();
        model.close();
    }

    /** Every hit of every page, 50 at a time, tallied by category. */
    private static Map<String, Long> pagedThrough(RunningServer server, String query, String filters) {
        Map<String, Long> counts = new TreeMap<>();
        Set<String> urls = new HashSet<>();
        for (int offset = 0; ; offset += 50) {
            JsonNode body = server.json(
                    "/_/v1/search?q=" + RunningServer.encode(query) + "&limit=50&offset=" + offset + filters);
            for (JsonNode hit : body.get("hits")) {
                assertThat(urls.add(hit.get("url").asText()))
                        .as("a hit on two pages")
                        .isTrue();
                counts.merge(hit.get("category").asText(), 1L, Long::sum);
            }
            if (body.get("hits").size() < 50) {
                return counts;
            }
        }
    }

    private static Map<String, Long> facets(JsonNode body) {
        Map<String, Long> counts = new TreeMap<>();
        body.get("facets")
                .get("category")
                .fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static void countsAreHonest(RunningServer server, List<String> queries) {
        for (String query : queries) {
            JsonNode body = server.json("/_/v1/search?q=" + RunningServer.encode(query) + "&facets=category");
            Map<String, Long> facets = facets(body);
            Map<String, Long> brute = pagedThrough(server, query, "");
            assertThat(facets).as(query).isEqualTo(brute);
            assertThat(body.get("total").asLong())
                    .as(query)
                    .isEqualTo(
                            brute.values().stream().mapToLong(Long::longValue).sum());
            assertThat(server.json("/_/v1/search?q=" + RunningServer.encode(query))
                            .get("total")
                            .asLong())
                    .as(query)
                    .isEqualTo(body.get("total").asLong());

            // filtering by a facet value finds as many as the facet said, by one value or several
            List<String> categories = facets.keySet().stream().limit(2).toList();
            for (String category : categories) {
                JsonNode one = server.json(
                        "/_/v1/search?q=" + RunningServer.encode(query) + "&category=" + category + "&facets=category");
                assertThat(one.get("total").asLong())
                        .as(query + " in " + category)
                        .isEqualTo(facets.get(category));
                assertThat(facets(one)).isEqualTo(Map.of(category, facets.get(category)));
                one.get("hits")
                        .forEach(hit -> assertThat(hit.get("category").asText()).isEqualTo(category));
            }
            if (categories.size() == 2) {
                String both = "&category=" + categories.get(0) + "&category=" + categories.get(1);
                Map<String, Long> expected = new TreeMap<>(Map.of(
                        categories.get(0),
                        facets.get(categories.get(0)),
                        categories.get(1),
                        facets.get(categories.get(1))));
                assertThat(pagedThrough(server, query, both)).as(query + both).isEqualTo(expected);
                JsonNode body2 =
                        server.json("/_/v1/search?q=" + RunningServer.encode(query) + both + "&facets=category");
                assertThat(facets(body2)).isEqualTo(expected);
            }
        }
    }

    @Test
    void lexicalFacetCountsAndTotalsEqualABruteForceCount() {
        countsAreHonest(lexical, QUERIES);
    }

    @Test
    void hybridFacetCountsAndTotalsEqualABruteForceCount() {
        // questions the vector side answers too, so that the fused ranking adds documents of its own
        countsAreHonest(
                hybrid,
                List.of(
                        "my desktop shows a black screen after connecting",
                        "how do I get my money back",
                        "the app will not start because the port is taken",
                        "gateway"));
    }

    @Test
    void theHybridTotalCountsWhatOnlyTheMeaningFound() {
        String query = "/_/v1/search?q=" + RunningServer.encode("my desktop shows a black screen after connecting");
        long words = bundledLexical.json(query).get("total").asLong();
        long both = hybrid.json(query).get("total").asLong();
        // the same articles: what hybrid adds is documents the words did not match, each counted once
        assertThat(both).isGreaterThan(words);
        assertThat(hybrid.json("/_/healthz").get("mode").asText()).isEqualTo("hybrid");
    }

    @Test
    void anUnrelatedQuestionHasNoResultsInHybridMode() {
        // about four in five unrelated questions get none (eval/README.md); "kubernetes helm chart"
        // is among those that still find something in the bundled articles
        for (String question : List.of("how do I bake a cake", "best pizza in naples", "how to knit a scarf")) {
            JsonNode body = hybrid.json("/_/v1/search?q=" + RunningServer.encode(question) + "&facets=category");
            assertThat(body.get("total").asLong()).as(question).isZero();
            assertThat(body.get("hits")).as(question).isEmpty();
            assertThat(facets(body)).as(question).isEmpty();
        }
    }

    @Test
    void pageAndOffsetAreTheSamePages() {
        JsonNode byOffset = lexical.json("/_/v1/search?q=middleware&limit=5&offset=10");
        JsonNode byPage = lexical.json("/_/v1/search?q=middleware&limit=5&page=3");
        assertThat(byPage.get("hits")).isEqualTo(byOffset.get("hits"));
        assertThat(byPage.get("hits")).hasSize(5);
    }

    @Test
    void theCategoriesOfTheIndexAreTheOnesAFilterTakes() {
        JsonNode error = RunningServer.parse(lexical.get("/_/v1/search?q=x&category=getting-started&category=nope")
                        .body())
                .get("error");
        assertThat(error.get("code").asText()).isEqualTo("unknown_category");
        assertThat(error.get("message").asText()).contains("\"nope\"").contains("getting-started");
    }
}
