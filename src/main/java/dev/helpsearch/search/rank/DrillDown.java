package dev.helpsearch.search.rank;

import java.io.IOException;

/** The reranker's third step ({@link Reranker#drilledDown}): a section above its own article. */
public final class DrillDown implements RankStage {

    private final Reranker reranker;

    public DrillDown(Reranker reranker) {
        this.reranker = reranker;
    }

    @Override
    public String name() {
        return "drill-down";
    }

    @Override
    public Candidates rerank(Candidates candidates, RankContext context) throws IOException {
        return candidates.withHits(reranker.drilledDown(context.facts(), candidates.hits()));
    }

    @Override
    public String explain(Candidates before, Candidates after, int doc, RankContext context) {
        int was = before.position(doc);
        int is = after.position(doc);
        return is >= 0 && was > is ? "holds more of the query than its article: taken its place and score" : "";
    }
}
