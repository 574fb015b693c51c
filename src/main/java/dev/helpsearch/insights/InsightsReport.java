package dev.helpsearch.insights;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What editors see for a period: the busiest queries, those that failed (no results, results but
 * no click, no confident in-app answer), click-through, article ratings, and the failing queries
 * grouped into content gaps. Problem queries carry what the search answers for them today.
 */
public record InsightsReport(
        Instant from,
        Instant to,
        Totals totals,
        Map<String, Long> bySource,
        List<QueryStats> topQueries,
        List<Problem> noResults,
        List<Problem> noClicks,
        List<Problem> lowConfidence,
        List<ArticleRating> helpfulness,
        List<ContentGaps.Gap> gaps) {

    public InsightsReport {
        bySource = Map.copyOf(bySource);
        topQueries = List.copyOf(topQueries);
        noResults = List.copyOf(noResults);
        noClicks = List.copyOf(noClicks);
        lowConfidence = List.copyOf(lowConfidence);
        helpfulness = List.copyOf(helpfulness);
        gaps = List.copyOf(gaps);
    }

    /**
     * @param clickable searches from clients that show hits to click (the search page and the widget)
     * @param clicked   those of them with at least one click
     */
    public record Totals(
            long searches,
            long zeroResults,
            long clickable,
            long clicked,
            long clicks,
            double averagePosition,
            long lookups,
            long answered) {

        /** Clicked searches per clickable search, 0 to 1; 0 when there were none. */
        public double clickThrough() {
            return clickable == 0 ? 0 : (double) clicked / clickable;
        }
    }

    /** One normalised query over the period; positions are 1-based ranks. */
    public record QueryStats(
            String query,
            long searches,
            long zeroResults,
            long clickable,
            long clicked,
            long clicks,
            long positionSum,
            long lookups,
            long answered) {

        public double clickThrough() {
            return clickable == 0 ? 0 : (double) clicked / clickable;
        }

        /** The mean rank of the hits clicked, 0 without clicks. */
        public double averagePosition() {
            return clicks == 0 ? 0 : (double) positionSum / clicks;
        }
    }

    /** A failing query with its best hits as the search ranks them now. */
    public record Problem(QueryStats stats, List<BestHit> bestHits) {

        public Problem {
            bestHits = List.copyOf(bestHits);
        }
    }

    /** A hit as a problem query gets it today. */
    public record BestHit(String url, String title, String heading) {}

    public record ArticleRating(String path, long helpful, long notHelpful) {}
}
