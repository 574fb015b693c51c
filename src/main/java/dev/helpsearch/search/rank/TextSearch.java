package dev.helpsearch.search.rank;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;

/** The first stage: Lucene's best documents by text score (BM25) for the query by words. */
public final class TextSearch implements RankStage {

    /** Hits by text score the reranker looks at; measured: 30 to 200 rank the same (eval/README.md). */
    static final int RERANK_DEPTH = 50;
    /** Exact hit counts up to this many; "at least" beyond. */
    static final int EXACT_TOTAL_UP_TO = 10_000;

    @Override
    public String name() {
        return "text search";
    }

    /** Every hit of the query holds enough of its words: they are all strict. */
    @Override
    public Candidates rerank(Candidates ignored, RankContext context) throws IOException {
        TopDocs top = context.snapshot().search(context.built().query(), collector(context.window()));
        return new Candidates(
                top.scoreDocs,
                new Candidates.Words(context.built().query(), top.totalHits, top.scoreDocs.length),
                Optional.empty());
    }

    /**
     * Collects more than the page: the reranker reorders the best hits by text score, and
     * duplicate removal must never leave the page short.
     */
    private static TopScoreDocCollectorManager collector(int window) {
        return new TopScoreDocCollectorManager(Math.max(2 * window, RERANK_DEPTH), EXACT_TOTAL_UP_TO);
    }

    @Override
    public String summary(Candidates before, Candidates after, RankContext context) {
        return String.format(
                Locale.ROOT,
                "the best %d of %d%s documents matching the query by words",
                after.hits().length,
                after.words().total().value(),
                after.words().total().relation() == TotalHits.Relation.EQUAL_TO ? "" : "+");
    }

    /** Lucene's explanation of the text score. */
    @Override
    public String explain(Candidates before, Candidates after, int doc, RankContext context) throws IOException {
        return context.snapshot().explain(context.built().query(), doc).toString();
    }
}
