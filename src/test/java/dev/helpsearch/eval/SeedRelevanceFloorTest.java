package dev.helpsearch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Urls;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps a floor under ranking quality on the seed help center: the judged query set in eval/
 * through the real indexer and search core. A change that makes users' answers rank worse fails
 * here, not in production. (eval/run reports the full picture.)
 */
class SeedRelevanceFloorTest {

    @TempDir
    Path index;

    @Test
    void rankingStaysAboveTheMeasuredFloor() throws IOException {
        new Reindexer(Path.of("articles"), index, false, new IndexBuilder(), metadata -> {}).reindex();
        List<JudgedQuery> queries = QuerySet.read(Path.of("eval/queries/seed.jsonl"));
        assertThat(queries).hasSizeGreaterThanOrEqualTo(80);
        try (LiveIndex live = LiveIndex.open(index)) {
            Evaluation.Report report = Evaluation.run(new HelpSearch(live, Urls.relative()), queries);
            Metrics all = report.overall();
            assertThat(all.s1()).as("S@1").isGreaterThanOrEqualTo(0.78);
            assertThat(all.mrr10()).as("MRR@10").isGreaterThanOrEqualTo(0.85);
            assertThat(all.pageS1()).as("page S@1").isGreaterThanOrEqualTo(0.90);
            assertThat(all.recall10()).as("Recall@10").isGreaterThanOrEqualTo(0.95);
            assertThat(report.byType().get("identifier").s1())
                    .as("identifier S@1")
                    .isGreaterThanOrEqualTo(0.9);
            assertThat(report.byType().get("prefix").mrr10())
                    .as("prefix MRR@10")
                    .isGreaterThanOrEqualTo(0.85);
        }
    }
}
