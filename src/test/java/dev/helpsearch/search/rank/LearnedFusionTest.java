package dev.helpsearch.search.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

/** The fusion stage on hand-made candidates: its order, its floor, its no-results rule and its explanation. */
class LearnedFusionTest {

    private static final int LEXICAL_RANK = FusionFeatures.NAMES.indexOf("lexicalRank");
    private static final int SEMANTIC_RANK = FusionFeatures.NAMES.indexOf("semanticRank");
    private static final int STRICT = FusionFeatures.NAMES.indexOf("strictMatch");

    private static LearnedFusion fusion(String json) throws Exception {
        return new LearnedFusion(LearnedFusion.Model.parse(new ObjectMapper().readTree(json)));
    }

    private static FusionFeatures.Candidate candidate(
            int doc, boolean lexical, double similarity, double lexicalRank, double semanticRank, boolean strict) {
        double[] features = new double[FusionFeatures.NAMES.size()];
        features[LEXICAL_RANK] = lexicalRank;
        features[SEMANTIC_RANK] = semanticRank;
        features[STRICT] = strict ? 1 : 0;
        features[FusionFeatures.NAMES.indexOf("similarity")] = similarity;
        return new FusionFeatures.Candidate(doc, lexical, similarity, features);
    }

    @Test
    void candidatesAreOrderedByTheWeightedSumOfTheirFeatures() throws Exception {
        LearnedFusion fusion = fusion("{\"weights\": {\"lexicalRank\": 1, \"semanticRank\": 2}}");
        List<FusionFeatures.Candidate> candidates = List.of(
                candidate(1, true, 0.7, 1.0, 0.0, true),
                candidate(2, true, 0.8, 0.5, 0.4, true),
                candidate(3, false, 0.9, 0.0, 0.9, false));

        LearnedFusion.Fused fused = fusion.fuse(candidates, 1, 0);

        // 1.0, 0.5 + 0.8 = 1.3, 1.8
        assertThat(Arrays.stream(fused.ranked()).mapToInt(d -> d.doc)).containsExactly(3, 2, 1);
        assertThat(fused.ranked()[0].score).isEqualTo(1.8f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(fused.semanticOnly()).isEqualTo(1);
    }

    @Test
    void onATieTheLexicalOrderStands() throws Exception {
        LearnedFusion fusion = fusion("{\"weights\": {\"strictMatch\": 1}}");
        LearnedFusion.Fused fused = fusion.fuse(
                List.of(
                        candidate(7, true, 0, 0.9, 0, true),
                        candidate(3, true, 0, 0.8, 0, true),
                        candidate(5, true, 0, 0.7, 0, true)),
                1,
                0.5);
        assertThat(Arrays.stream(fused.ranked()).mapToInt(d -> d.doc)).containsExactly(7, 3, 5);
    }

    @Test
    void aDocumentFoundByMeaningAloneNeedsTheMinimumSimilarity() throws Exception {
        LearnedFusion fusion = fusion("""
                {"weights": {"semanticRank": 1}, "noResults": {"minSimilarityAboveOffTopic": 0.1, "minKnownShare": 0}}""");
        LearnedFusion.Fused fused = fusion.fuse(
                List.of(
                        candidate(1, true, 0.2, 0.9, 0.5, true),
                        candidate(2, false, 0.59, 0, 0.9, false),
                        candidate(3, false, 0.61, 0, 0.8, false)),
                1,
                0.5);

        assertThat(Arrays.stream(fused.ranked()).mapToInt(d -> d.doc)).containsExactly(3, 1);
        assertThat(fused.semanticOnly()).isEqualTo(1);
    }

    @Test
    void aQuestionWithNeitherEnoughKnownWordsNorASimilarDocumentHasNoResults() throws Exception {
        LearnedFusion fusion = fusion("""
                {"weights": {"lexicalRank": 1}, "noResults": {"minSimilarityAboveOffTopic": 0.16, "minKnownShare": 0.34}}""");
        List<FusionFeatures.Candidate> oneWordMatched =
                List.of(candidate(1, true, 0.6, 1, 0, true), candidate(2, false, 0.62, 0, 1, false));

        // "kubernetes helm chart": only "chart" is a word of the index
        assertThat(fusion.fuse(oneWordMatched, 1.0 / 3, 0.5).ranked()).isEmpty();
        // the same matches for a question whose words the index knows; the document found by
        // meaning alone is not close enough to count
        assertThat(fusion.fuse(oneWordMatched, 1, 0.5).ranked())
                .extracting(d -> d.doc)
                .containsExactly(1);
        // the same similarity on a corpus whose off-topic level is higher is not enough
        assertThat(fusion.fuse(oneWordMatched, 1.0 / 3, 0.45).ranked()).hasSize(2);
        // a document close enough in meaning is enough on its own
        assertThat(fusion.fuse(List.of(candidate(2, false, 0.7, 0, 1, false)), 0, 0.5)
                        .ranked())
                .hasSize(1);
        // matches of single words (not strict) never make a question answerable
        assertThat(fusion.fuse(List.of(candidate(1, true, 0.5, 1, 0, false)), 1, 0.5)
                        .ranked())
                .isEmpty();
    }

    @Test
    void anUnknownFeatureInTheModelIsRefused() {
        assertThatThrownBy(() -> fusion("{\"weights\": {\"clickThrough\": 1}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clickThrough");
    }

    @Test
    void theShippedModelLoadsAndUsesBothSides() {
        LearnedFusion.Model model = LearnedFusion.Model.load();
        // first places on either side count
        assertThat(model.weights()[FusionFeatures.NAMES.indexOf("lexicalTop")]).isPositive();
        assertThat(model.weights()[FusionFeatures.NAMES.indexOf("semanticTop")]).isPositive();
        assertThat(model.answer().threshold()).isBetween(0.0, 1.0);
        assertThat(model.noResults().minSimilarityAboveOffTopic()).isBetween(0.0, 1.0);
    }

    @Test
    void explainShowsEachContributionLargestFirst() throws Exception {
        LearnedFusion fusion = fusion("{\"weights\": {\"lexicalRank\": 1, \"semanticRank\": 3}}");
        String explained = fusion.explain(candidate(1, true, 0.75, 0.5, 0.9, true));
        assertThat(explained).startsWith("fused 3.200 (words, similarity 0.750)");
        assertThat(explained.indexOf("semanticRank")).isLessThan(explained.indexOf("lexicalRank"));
        assertThat(explained).contains("semanticRank 0.900 x 3.000 = +2.700");
    }

    @Test
    void answerConfidenceGrowsWithAgreementOfBothSides() {
        LearnedFusion.AnswerModel model =
                new LearnedFusion.AnswerModel(Map.of("bias", -2.0, "lexicalFirst", 1.5, "semanticFirst", 1.0), 0.5);
        double neither = model.confidence(new Answers.FusedSignals(1, 0.1, 0, false, false, 0.7, true));
        double both = model.confidence(new Answers.FusedSignals(1, 0.1, 0, true, true, 0.7, true));
        assertThat(neither).isEqualTo(1 / (1 + Math.exp(2.0)), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(both).isGreaterThan(model.threshold()).isGreaterThan(neither);
    }

    @Test
    void scoresDoNotDependOnCandidateOrder() throws Exception {
        LearnedFusion fusion = fusion("{\"weights\": {\"lexicalRank\": 1, \"semanticRank\": 1}}");
        FusionFeatures.Candidate a = candidate(1, true, 0.7, 0.9, 0.2, true);
        FusionFeatures.Candidate b = candidate(2, true, 0.7, 0.3, 0.95, true);
        ScoreDoc[] one = fusion.fuse(List.of(a, b), 1, 0.5).ranked();
        ScoreDoc[] other = fusion.fuse(List.of(b, a), 1, 0.5).ranked();
        assertThat(one[0].doc).isEqualTo(other[0].doc).isEqualTo(2);
    }
}
