package dev.helpsearch.search.rank;

import dev.helpsearch.search.build.QueryBuilder;
import dev.helpsearch.search.core.Ranking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * When few documents contain enough of the query's words, those containing fewer follow them, so
 * a symptom described in other words still finds something. The relaxed query's hits are ranked
 * by the same lexical stages as the strict ones, then appended.
 */
public final class Relaxation implements RankStage {

    private final QueryBuilder queries;
    private final Ranking ranking;
    private final RankCascade lexical;

    /** @param lexical the stages that ranked the strict query, run again on the relaxed one */
    public Relaxation(QueryBuilder queries, Ranking ranking, RankCascade lexical) {
        this.queries = queries;
        this.ranking = ranking;
        this.lexical = lexical;
    }

    @Override
    public String name() {
        return "relaxation";
    }

    @Override
    public Candidates rerank(Candidates strict, RankContext context) throws IOException {
        if (!needed(strict, context)) {
            return strict;
        }
        RankContext relaxed = relaxed(context);
        Candidates more = lexical.run(relaxed);
        Query both = new BooleanQuery.Builder()
                .add(strict.words().query(), Occur.SHOULD)
                .add(relaxed.built().query(), Occur.SHOULD)
                .build();
        return new Candidates(
                followedBy(strict.hits(), more.hits()),
                new Candidates.Words(both, more.words().total(), strict.hits().length),
                strict.meaning());
    }

    /**
     * Whether to relax is the query's matter, not the filter's: a filter narrows the matches a
     * facet counted, it must not turn them into the looser matches of the relaxed query.
     */
    private boolean needed(Candidates strict, RankContext context) throws IOException {
        return strict.words().total().value() < ranking.relaxBelow()
                && (context.filter() == null
                        || context.snapshot().count(context.unfiltered().query()) < ranking.relaxBelow());
    }

    private RankContext relaxed(RankContext context) {
        QueryBuilder.Built relaxed =
                queries.build(context.snapshot(), context.text(), null, true).filtered(context.filter());
        // the relaxed query usually has the same word groups: their facts are then known already
        HitFacts facts = relaxed.evidence().equals(context.built().evidence())
                ? context.facts()
                : new HitFacts(context.snapshot(), relaxed.evidence());
        return context.searching(relaxed, facts);
    }

    /** The first hits, then those of the second list that are not among them. */
    private static ScoreDoc[] followedBy(ScoreDoc[] first, ScoreDoc[] second) {
        Set<Integer> seen = new HashSet<>();
        List<ScoreDoc> merged = new ArrayList<>();
        for (ScoreDoc doc : first) {
            if (seen.add(doc.doc)) {
                merged.add(doc);
            }
        }
        for (ScoreDoc doc : second) {
            if (seen.add(doc.doc)) {
                merged.add(doc);
            }
        }
        return merged.toArray(ScoreDoc[]::new);
    }

    @Override
    public String summary(Candidates before, Candidates after, RankContext context) {
        if (after == before) {
            return String.format(
                    Locale.ROOT,
                    "not needed: %d documents hold enough of the words (relaxed below %d)",
                    before.words().total().value(),
                    ranking.relaxBelow());
        }
        return String.format(
                Locale.ROOT,
                "only %d documents hold enough of the words (fewer than %d): %d more hits holding any"
                        + " one of them follow, ranked by the stages above; %d documents match either",
                before.words().total().value(),
                ranking.relaxBelow(),
                after.hits().length - before.hits().length,
                after.words().total().value());
    }

    /** For a hit only the relaxed query found: Lucene's explanation of its text score by that query. */
    @Override
    public String explain(Candidates before, Candidates after, int doc, RankContext context) throws IOException {
        int at = after.position(doc);
        if (after == before || at < after.words().strict()) {
            return "";
        }
        return "found by the relaxed query (any one known word):\n"
                + context.snapshot().explain(relaxed(context).built().query(), doc);
    }
}
