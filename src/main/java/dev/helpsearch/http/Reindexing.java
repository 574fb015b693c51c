package dev.helpsearch.http;

import dev.helpsearch.article.ArticleProblem;
import java.io.IOException;
import java.util.List;

/**
 * What the admin endpoint may ask of the indexer, and all the HTTP layer knows of it: the server
 * is wired to an indexer by the application, never builds or calls one itself.
 */
public interface Reindexing {

    /** Brings the index up to date with the articles; the last good index keeps serving on any problem. */
    Outcome reindex() throws IOException;

    /** The invalid articles the latest run (by any trigger: start, watch, admin) found; empty when none. */
    List<ArticleProblem> lastProblems();

    /**
     * @param replaced whether a new index was committed (false: {@code problems} say why not)
     * @param articles articles in the index now serving, when replaced
     * @param sections section documents in it
     * @param version  its version
     * @param millis   how long the run took
     * @param problems invalid articles, as {@code file:line: message}
     */
    record Outcome(
            boolean replaced, int articles, int sections, long version, long millis, List<ArticleProblem> problems) {}
}
