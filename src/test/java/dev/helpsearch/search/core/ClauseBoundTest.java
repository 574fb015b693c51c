package dev.helpsearch.search.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lucene's bound on a query's leaf clauses is one for the whole JVM; the search core raises it
 * when it opens an index, before any of its queries is built, whoever wired it.
 */
class ClauseBoundTest {

    @Test
    void openingALiveIndexRaisesLucenesClauseBound(@TempDir Path work) throws IOException {
        int before = IndexSearcher.getMaxClauseCount();
        IndexSearcher.setMaxClauseCount(1024);
        try (LiveIndex live = SmallIndex.of(work, SmallIndex.GATEWAY)) {
            assertThat(live).isNotNull();
            assertThat(IndexSearcher.getMaxClauseCount()).isEqualTo(LiveIndex.MAX_CLAUSES);
        } finally {
            IndexSearcher.setMaxClauseCount(Math.max(before, LiveIndex.MAX_CLAUSES));
        }
    }
}
