package dev.helpsearch.search.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.search.build.QueryBuilder;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.SmallIndex;
import dev.helpsearch.search.query.QueryText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The features of fusion candidates, computed over a small real index without vectors. */
class FusionFeaturesTest {

    @TempDir
    Path work;

    private static double feature(FusionFeatures.Candidate candidate, String name) {
        return candidate.features()[FusionFeatures.NAMES.indexOf(name)];
    }

    @Test
    void ranksCoverageLevelAndVersionOfEachCandidate() throws IOException {
        List<FusionFeatures.Candidate> candidates = candidates(
                Map.of("1.guide/1.routing.md", """
                ---
                title: Routing
                ---

                ## Locale prefix

                Every route gets the locale prefix, except for the default locale.

                ### Prefix strategy details

                The strategy decides whether the default locale keeps its prefix.
                """, "9.v8/1.routing.md", """
                ---
                title: Routing (v8)
                ---

                ## Locale prefix

                Every route gets the locale prefix in version 8 as well.
                """),
                "locale prefix ",
                1,
                new FusionFeatures.QueryShape(2, false, false));
        assertThat(candidates).isNotEmpty().allSatisfy(c -> {
            assertThat(c.lexical()).isTrue();
            assertThat(feature(c, "semanticRank")).isZero();
            assertThat(feature(c, "similarity")).isZero();
            // a two-word query: the semantic side's short-query feature is its rank, here none
            assertThat(feature(c, "semanticRankShort")).isZero();
        });
        FusionFeatures.Candidate first = candidates.get(0);
        assertThat(feature(first, "lexicalTop")).isEqualTo(1.0);
        assertThat(feature(first, "lexicalRank")).isEqualTo(60.0 / 61);
        assertThat(feature(first, "lexicalScore")).isEqualTo(1.0);
        assertThat(feature(first, "strictMatch")).isEqualTo(1.0);
        assertThat(feature(candidates.get(1), "lexicalTop")).isEqualTo(0.5);
        assertThat(feature(candidates.get(1), "strictMatch")).isZero();
        assertThat(candidates)
                .allSatisfy(c -> assertThat(feature(c, "coverage")).isEqualTo(1.0));
        // the v8 copy is marked as archived, the current page is not; h3 sections are deep,
        // and no candidate here is a whole article
        assertThat(candidates)
                .anySatisfy(c -> assertThat(feature(c, "archivedVersion")).isEqualTo(1.0));
        assertThat(candidates)
                .anySatisfy(c -> assertThat(feature(c, "archivedVersion")).isZero());
        assertThat(candidates)
                .anySatisfy(c -> assertThat(feature(c, "deepSection")).isEqualTo(1.0));
        assertThat(candidates).allSatisfy(c -> assertThat(feature(c, "article")).isZero());
        // every candidate of a page shares its best rank
        double best = candidates.stream()
                .mapToDouble(c -> feature(c, "pageLexicalRank"))
                .max()
                .orElseThrow();
        assertThat(best).isEqualTo(60.0 / 61);
    }

    @Test
    void lengthIsTheLogOfTheDocumentsWordCount() throws IOException {
        String longText = "The cache keeps every rendered page until its time to live runs out. ".repeat(12);
        List<FusionFeatures.Candidate> candidates = candidates(
                Map.of("1.guide/1.cache.md", """
                ---
                title: Caching
                ---

                ## Clear cache

                Clear cache now.

                ## Cache lifetime

                %s
                """.formatted(longText)),
                "cache",
                Integer.MAX_VALUE,
                new FusionFeatures.QueryShape(1, false, false));
        double[] lengths = candidates.stream()
                .mapToDouble(c -> feature(c, "length"))
                .sorted()
                .toArray();
        // three documents: the article (its title, one word: small lengths are exact in the
        // norm), the short section and the long one
        assertThat(lengths).hasSize(3);
        assertThat(lengths[0]).isEqualTo(1.0);
        assertThat(lengths[1]).isBetween(2.0, 4.0);
        // about 12 × 8 words of text after stop words, log2 ≈ 6.6 (the norm is lossy)
        assertThat(lengths[2]).isBetween(6.0, 8.0);
    }

    /**
     * The fusion candidates of a query over these articles, by words alone.
     *
     * @param strict how many of the first hits count as holding enough of the query's words
     */
    private List<FusionFeatures.Candidate> candidates(
            Map<String, String> files, String typed, int strict, FusionFeatures.QueryShape shape) throws IOException {
        QueryBuilder queries = new QueryBuilder(Ranking.defaults());
        try (LiveIndex live = SmallIndex.of(work, files)) {
            return live.withSnapshot(searcher -> {
                try {
                    QueryBuilder.Built built = queries.build(searcher, QueryText.parse(typed), null);
                    ScoreDoc[] lexical = searcher.search(built.query(), 10).scoreDocs;
                    return FusionFeatures.of(
                            searcher,
                            new HitFacts(searcher, built.evidence()),
                            lexical,
                            Math.min(strict, lexical.length),
                            new ScoreDoc[0],
                            null,
                            shape);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
