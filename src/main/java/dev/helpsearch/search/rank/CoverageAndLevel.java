package dev.helpsearch.search.rank;

import java.io.IOException;

/** The reranker's first two steps ({@link Reranker#boosted}): coverage constant and level factor. */
public final class CoverageAndLevel implements RankStage {

    private final Reranker reranker;

    public CoverageAndLevel(Reranker reranker) {
        this.reranker = reranker;
    }

    @Override
    public String name() {
        return "coverage and level";
    }

    @Override
    public Candidates rerank(Candidates candidates, RankContext context) throws IOException {
        return candidates.withHits(reranker.boosted(context.facts(), candidates.hits()));
    }

    @Override
    public String explain(Candidates before, Candidates after, int doc, RankContext context) throws IOException {
        return reranker.explain(context.facts(), doc);
    }
}
