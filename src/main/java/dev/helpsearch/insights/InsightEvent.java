package dev.helpsearch.insights;

import java.time.Instant;
import java.util.List;

/** What the recorder queues and the writer stores: a search, a click on one of its hits, or an article rated. */
public sealed interface InsightEvent {

    Instant at();

    /**
     * One search as answered.
     *
     * @param query      normalised ({@link QueryNormalizer}), never the raw text
     * @param topUrl     the first hit's url (or the in-app answer's), null without hits
     * @param confidence the in-app answer's confidence, null when none was shown or for a plain search
     * @param refines    the query id of the search this one replaced while the person was still typing, or null
     */
    record Search(
            String queryId,
            Instant at,
            String query,
            String mode,
            Source source,
            int hits,
            long total,
            String topUrl,
            Double confidence,
            boolean answered,
            double tookMs,
            String refines)
            implements InsightEvent {}

    /** A hit opened from a search; {@code position} is its 1-based rank in that search. */
    record Click(String queryId, Instant at, String url, int position) implements InsightEvent {}

    /** "Was this helpful?" answered on an article page. */
    record Feedback(Instant at, String path, boolean helpful) implements InsightEvent {}

    /** The parts of an answered search the recorder needs: the hits' urls, best first, for validating clicks. */
    record Answered(
            String query,
            String mode,
            Source source,
            long total,
            List<String> urls,
            int offset,
            Double confidence,
            boolean answered,
            double tookMs) {

        public Answered {
            urls = List.copyOf(urls);
        }
    }
}
