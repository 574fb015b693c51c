package dev.helpsearch.search.rank;

/**
 * A stage that only means something once words and meaning are fused: by words alone it hands its
 * candidates on untouched and says so in {@code --explain}.
 */
interface FusionStage extends RankStage {

    Candidates rerank(Candidates candidates, Candidates.Meaning meaning, RankContext context);

    /** What the stage did to a fused ranking, one line; "" when there is nothing to add. */
    default String summary(Candidates before, Candidates after, Candidates.Meaning meaning, RankContext context) {
        return "";
    }

    @Override
    default Candidates rerank(Candidates candidates, RankContext context) {
        return candidates.meaning().isEmpty()
                ? candidates
                : rerank(candidates, candidates.meaning().get(), context);
    }

    @Override
    default String summary(Candidates before, Candidates after, RankContext context) {
        return before.meaning().isEmpty()
                ? "not applied: by words alone"
                : summary(before, after, before.meaning().get(), context);
    }
}
