package dev.helpsearch.cli;

import dev.helpsearch.http.Reindexing;
import dev.helpsearch.index.Reindexer;

/** The indexer as the admin endpoint sees it: the one place the HTTP layer is joined to the indexer. */
public final class AdminReindexing {

    private AdminReindexing() {
    }

    public static Reindexing of(Reindexer reindexer) {
        return () -> {
            Reindexer.Outcome outcome = reindexer.reindex();
            return outcome.replaced()
                    ? new Reindexing.Outcome(true, outcome.metadata().articles(), outcome.metadata().sections(),
                            outcome.metadata().version(), outcome.millis(), outcome.problems())
                    : new Reindexing.Outcome(false, 0, 0, 0, outcome.millis(), outcome.problems());
        };
    }
}
