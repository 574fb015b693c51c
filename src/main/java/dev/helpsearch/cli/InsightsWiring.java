package dev.helpsearch.cli;

import dev.helpsearch.insights.InsightsReport;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.SearchRequest;
import dev.helpsearch.search.rank.SemanticModel;
import java.util.List;
import java.util.function.Function;

/**
 * What the insights reports ask of the search core, as plain functions: the insights package
 * knows records, not the index or the model.
 */
public final class InsightsWiring {

    /** Hits shown beside each problem query. */
    static final int BEST_HITS = 3;

    private InsightsWiring() {}

    /** A query's first few hits as the search ranks them now; none when it cannot be searched. */
    public static Function<String, List<InsightsReport.BestHit>> bestHits(HelpSearch search) {
        return query -> {
            try {
                return search.search(new SearchRequest(query, BEST_HITS, 0, (String) null)).hits().stream()
                        .map(h -> new InsightsReport.BestHit(h.url(), h.title(), h.heading()))
                        .toList();
            } catch (RuntimeException e) {
                // a stored query the search now refuses (rules tightened since) simply has no hits to show
                return List.of();
            }
        };
    }

    /** A query's embedding while the model is ready, else null (gaps are then grouped by shared words). */
    public static Function<String, float[]> embedding(SemanticModel model) {
        return query -> model.embedder().map(e -> e.embedQuery(query)).orElse(null);
    }
}
