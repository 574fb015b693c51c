package dev.helpsearch.search;

import java.util.List;

/**
 * The answer to a search, as the API returns it.
 *
 * @param total      how many documents matched (sections and articles)
 * @param tookMs     time spent in the search core
 * @param didYouMean a better-spelled query when this one matched poorly, else null
 */
public record SearchResults(String query, long total, double tookMs, String didYouMean, List<SearchHit> hits) {

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
