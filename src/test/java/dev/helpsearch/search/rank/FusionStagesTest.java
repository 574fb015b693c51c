package dev.helpsearch.search.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.helpsearch.search.build.QueryBuilder;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.SmallIndex;
import dev.helpsearch.search.query.QueryText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages from the semantic side's arrival to the fused order, on hand-made candidates: the
 * no-results rule, the similarity floor and the fitted score take the fitted model's decisions
 * one each, and by words alone they change nothing.
 */
class FusionStagesTest {

    @TempDir
    static Path work;

    private static LiveIndex live;
    private static final Ranking RANKING = Ranking.defaults();

    private static final int LEXICAL_RANK = FusionFeatures.NAMES.indexOf("lexicalRank");
    private static final int SEMANTIC_RANK = FusionFeatures.NAMES.indexOf("semanticRank");
    private static final int STRICT = FusionFeatures.NAMES.indexOf("strictMatch");

    /** Off-topic level of the hand-made candidates; a document found by meaning alone needs 0.6. */
    private static final double OFF_TOPIC = 0.5;

    private static final LearnedFusion FUSION = fusion("""
            {"weights": {"lexicalRank": 1, "semanticRank": 2},
             "noResults": {"minSimilarityAboveOffTopic": 0.1, "minKnownShare": 0.5}}""");

    @BeforeAll
    static void index() throws IOException {
        live = SmallIndex.of(work, SmallIndex.GATEWAY);
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    private static LearnedFusion fusion(String json) {
        try {
            return new LearnedFusion(LearnedFusion.Model.parse(new ObjectMapper().readTree(json)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static FusionFeatures.Candidate candidate(
            int doc, boolean lexical, double similarity, double lexicalRank, double semanticRank, boolean strict) {
        double[] features = new double[FusionFeatures.NAMES.size()];
        features[LEXICAL_RANK] = lexicalRank;
        features[SEMANTIC_RANK] = semanticRank;
        features[STRICT] = strict ? 1 : 0;
        return new FusionFeatures.Candidate(doc, lexical, similarity, features);
    }

    /** As the semantic stage leaves them: every candidate a hit, in the features' order. */
    private static Candidates joined(List<FusionFeatures.Candidate> features) {
        ScoreDoc[] hits = features.stream().map(c -> new ScoreDoc(c.doc(), 0f)).toArray(ScoreDoc[]::new);
        ScoreDoc[] lexical = features.stream()
                .filter(FusionFeatures.Candidate::lexical)
                .map(c -> new ScoreDoc(c.doc(), 1f))
                .toArray(ScoreDoc[]::new);
        return new Candidates(
                hits,
                Candidates.NONE.words(),
                Optional.of(new Candidates.Meaning(lexical, new ScoreDoc[0], features, OFF_TOPIC)));
    }

    /** "gateway port": both words are known, so the known share is 1. */
    private static <T> T withContext(String typed, java.util.function.Function<RankContext, T> check) {
        return live.withSnapshot(snapshot -> check.apply(RankContext.of(
                snapshot, new QueryBuilder(RANKING), typed, QueryText.parse(typed), List.of(), null, 10)));
    }

    private static Candidates fused(Candidates joined, RankContext context) {
        Candidates ruled = new NoResultsRule(FUSION, RANKING).rerank(joined, context);
        Candidates floored = new SimilarityFloor(FUSION).rerank(ruled, context);
        return new FusedScore(FUSION).rerank(floored, context);
    }

    private static int[] docs(Candidates candidates) {
        return Arrays.stream(candidates.hits()).mapToInt(d -> d.doc).toArray();
    }

    @Test
    void theThreeStagesInARowRankAsTheFittedModelDoes() {
        List<FusionFeatures.Candidate> features = List.of(
                candidate(1, true, 0.7, 1.0, 0.0, true),
                candidate(2, true, 0.8, 0.5, 0.4, true),
                candidate(3, false, 0.9, 0.0, 0.9, false),
                candidate(4, false, 0.55, 0.0, 0.95, false));

        withContext("gateway port ", context -> {
            Candidates fused = fused(joined(features), context);
            LearnedFusion.Fused expected = FUSION.fuse(features, NoResultsRule.knownShare(RANKING, context), OFF_TOPIC);

            // 1.0, 0.5 + 0.8 = 1.3, 1.8; document 4 is below the floor
            assertThat(docs(fused)).containsExactly(3, 2, 1);
            assertThat(fused.hits())
                    .extracting(d -> d.score)
                    .containsExactly(
                            Arrays.stream(expected.ranked()).map(d -> d.score).toArray(Float[]::new));
            return null;
        });
    }

    @Test
    void theFloorDropsOnlyWhatMeaningAloneFoundBelowIt() {
        List<FusionFeatures.Candidate> features = List.of(
                candidate(1, true, 0.1, 1.0, 0.0, true),
                candidate(2, false, 0.65, 0.0, 0.5, false),
                candidate(3, false, 0.55, 0.0, 0.9, false));

        withContext("gateway port ", context -> {
            Candidates joined = joined(features);
            Candidates floored = new SimilarityFloor(FUSION).rerank(joined, context);

            // in the order it was given: the floor decides what counts, not where
            assertThat(docs(floored)).containsExactly(1, 2);
            assertThat(new SimilarityFloor(FUSION).explain(joined, floored, 3, context))
                    .isEqualTo("found by meaning alone: similarity 0.550 < 0.600");
            assertThat(new SimilarityFloor(FUSION).explain(joined, floored, 1, context))
                    .isEmpty();
            return null;
        });
    }

    @Test
    void aQuestionWithNeitherEnoughKnownWordsNorACloseDocumentLosesEveryHit() {
        // one word matched of a query whose other words the index does not know
        List<FusionFeatures.Candidate> features =
                List.of(candidate(1, true, 0.3, 1.0, 0.0, true), candidate(2, false, 0.55, 0.0, 1.0, false));

        withContext("gateway kubernetes helm chart ", context -> {
            assertThat(NoResultsRule.knownShare(RANKING, context)).isLessThan(0.5);
            Candidates ruled = new NoResultsRule(FUSION, RANKING).rerank(joined(features), context);

            assertThat(ruled.hits()).isEmpty();
            // the candidates stay known, for the answer's features and --explain
            assertThat(ruled.meaning().orElseThrow().features()).hasSize(2);
            return null;
        });
        withContext("gateway port ", context -> {
            assertThat(new NoResultsRule(FUSION, RANKING)
                            .rerank(joined(features), context)
                            .hits())
                    .hasSize(2);
            return null;
        });
    }

    @Test
    void byWordsAloneTheFusionStagesChangeNothing() {
        withContext("gateway port ", context -> {
            Candidates lexical = Candidates.NONE.withHits(new ScoreDoc[] {new ScoreDoc(1, 2f), new ScoreDoc(0, 1f)});

            assertThat(fused(lexical, context)).isSameAs(lexical);
            return null;
        });
    }

    @Test
    void withoutAQueryVectorTheSemanticSideSitsOutOrGivesFeaturesByWordsAlone() {
        HybridRanking off = new HybridRanking(SemanticModel.off(), new QueryVectors(4));
        withContext("gateway port ", context -> {
            try {
                Candidates lexical = new TextSearch().rerank(Candidates.NONE, context);
                assertThat(lexical.hits()).isNotEmpty();

                assertThat(SemanticCandidates.whenAvailable(off).rerank(lexical, context))
                        .isSameAs(lexical);

                Candidates offline = SemanticCandidates.always(off).rerank(lexical, context);
                Candidates.Meaning meaning = offline.meaning().orElseThrow();
                assertThat(docs(offline)).containsExactly(docs(lexical));
                assertThat(meaning.lexical()).isSameAs(lexical.hits());
                assertThat(meaning.nearest()).isEmpty();
                assertThat(meaning.offTopic()).isZero();
                assertThat(meaning.features())
                        .allSatisfy(c -> assertThat(c.lexical()).isTrue())
                        .allSatisfy(c -> assertThat(c.similarity()).isZero());
                assertThat(meaning.features().get(0).features()[FusionFeatures.LEXICAL_TOP])
                        .isEqualTo(1.0);
                return null;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }
}
