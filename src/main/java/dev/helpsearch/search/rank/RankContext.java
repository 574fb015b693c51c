package dev.helpsearch.search.rank;

import dev.helpsearch.search.build.QueryBuilder;
import dev.helpsearch.search.core.IndexSnapshot;
import dev.helpsearch.search.query.QueryText;
import java.util.List;
import org.apache.lucene.search.Query;

/**
 * What every stage of one query's ranking may read, the same for all of them: the snapshot, the
 * query as typed and as built, and how many hits are wanted.
 *
 * @param query      the text as typed, which the semantic side embeds
 * @param categories the categories the hits must be in; empty for any
 * @param filter     the same categories as a filter query, null for any
 * @param unfiltered the query by words without the filter: whether to relax is its matter
 * @param built      the query by words, filtered
 * @param facts      what the lexical stages and the fusion features know of a hit of {@code built}
 * @param window     how many hits the page that is asked for takes, with its slack
 */
public record RankContext(
        IndexSnapshot snapshot,
        String query,
        QueryText text,
        List<String> categories,
        Query filter,
        QueryBuilder.Built unfiltered,
        QueryBuilder.Built built,
        HitFacts facts,
        int window) {

    public RankContext {
        categories = List.copyOf(categories);
    }

    /** The query built from the text, filtered by {@code filter} when there is one. */
    public static RankContext of(
            IndexSnapshot snapshot,
            QueryBuilder queries,
            String query,
            QueryText text,
            List<String> categories,
            Query filter,
            int window) {
        QueryBuilder.Built unfiltered = queries.build(snapshot, text, null);
        QueryBuilder.Built built = unfiltered.filtered(filter);
        return new RankContext(
                snapshot,
                query,
                text,
                categories,
                filter,
                unfiltered,
                built,
                new HitFacts(snapshot, built.evidence()),
                window);
    }

    /** The same query's ranking by another query by words, as when the query is relaxed. */
    RankContext searching(QueryBuilder.Built other, HitFacts otherFacts) {
        return new RankContext(snapshot, query, text, categories, filter, unfiltered, other, otherFacts, window);
    }
}
