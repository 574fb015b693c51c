package dev.helpsearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.helpsearch.search.core.SearchHit;
import java.util.List;
import java.util.Map;

/**
 * The answer to a search, as the API returns it.
 *
 * @param total      how many documents matched (sections and articles)
 * @param tookMs     time spent in the search core
 * @param didYouMean a better-spelled query when this one matched poorly, else null
 * @param facets     per facet asked for, the matches per value (Meilisearch's facetDistribution);
 *                   null when none was asked for
 */
public record SearchResults(
        String query,
        long total,
        double tookMs,
        String didYouMean,
        List<SearchHit> hits,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Map<String, Long>> facets) {

    public SearchResults {
        hits = List.copyOf(hits);
    }

    public SearchResults(String query, long total, double tookMs, String didYouMean, List<SearchHit> hits) {
        this(query, total, tookMs, didYouMean, hits, null);
    }
}
