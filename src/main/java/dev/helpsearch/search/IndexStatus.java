package dev.helpsearch.search;

import dev.helpsearch.article.ArticleProblem;
import java.util.List;

/**
 * What the service is serving right now.
 *
 * @param indexedAt when the served index was committed, ISO-8601
 * @param mode      "hybrid" when queries are answered by words and meaning, "lexical" by words alone
 * @param semantic  the embedding model: off, loading, ready, failed, or index-without-vectors (ready,
 *                  but the index was built without it)
 * @param problems  invalid articles found by the latest re-index (watch, admin or start-up), which
 *                  kept the last good index serving unless they were skipped
 * @param lastProblem the first of them as {@code file:line: why}, or null when there are none
 */
public record IndexStatus(
        String status,
        int articles,
        int sections,
        String indexedAt,
        long indexVersion,
        String mode,
        String semantic,
        int problems,
        String lastProblem) {

    public IndexStatus(
            String status,
            int articles,
            int sections,
            String indexedAt,
            long indexVersion,
            String mode,
            String semantic) {
        this(status, articles, sections, indexedAt, indexVersion, mode, semantic, 0, null);
    }

    /** This status with the problems of the latest re-index. */
    public IndexStatus withProblems(List<ArticleProblem> found) {
        return new IndexStatus(
                status,
                articles,
                sections,
                indexedAt,
                indexVersion,
                mode,
                semantic,
                found.size(),
                found.isEmpty() ? null : found.get(0).toString());
    }
}
