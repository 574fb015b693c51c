package dev.helpsearch.cli;

import dev.helpsearch.article.ArticleProblem;
import dev.helpsearch.http.Reindexing;
import dev.helpsearch.index.Reindexer;
import java.io.IOException;
import java.util.List;

/** The indexer as the admin endpoint sees it: the one place the HTTP layer is joined to the indexer. */
public final class AdminReindexing {

    private AdminReindexing() {}

    public static Reindexing of(Reindexer reindexer) {
        return new Reindexing() {
            @Override
            public Outcome reindex() throws IOException {
                Reindexer.Outcome outcome = reindexer.reindex();
                return outcome.replaced()
                        ? new Outcome(
                                true,
                                outcome.metadata().articles(),
                                outcome.metadata().sections(),
                                outcome.metadata().version(),
                                outcome.millis(),
                                outcome.problems())
                        : new Outcome(false, 0, 0, 0, outcome.millis(), outcome.problems());
            }

            @Override
            public List<ArticleProblem> lastProblems() {
                return reindexer.lastProblems();
            }
        };
    }
}
