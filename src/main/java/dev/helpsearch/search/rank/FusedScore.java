package dev.helpsearch.search.rank;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The fitted linear model's score over each candidate's fusion features, best first. */
public final class FusedScore implements FusionStage {

    private final LearnedFusion fusion;

    public FusedScore(LearnedFusion fusion) {
        this.fusion = fusion;
    }

    @Override
    public String name() {
        return "fused score";
    }

    @Override
    public Candidates rerank(Candidates candidates, Candidates.Meaning meaning, RankContext context) {
        Map<Integer, FusionFeatures.Candidate> byDoc = SimilarityFloor.byDoc(meaning);
        List<FusionFeatures.Candidate> kept =
                Arrays.stream(candidates.hits()).map(hit -> byDoc.get(hit.doc)).toList();
        return candidates.withHits(fusion.ranked(kept));
    }

    /** Each feature's contribution ({@link LearnedFusion#explain}). */
    @Override
    public String explain(Candidates before, Candidates after, int doc, RankContext context) throws IOException {
        return after.meaning().flatMap(m -> m.of(doc)).map(fusion::explain).orElse("");
    }
}
