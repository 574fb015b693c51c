package dev.helpsearch.search.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.search.build.QueryBuilder;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.SmallIndex;
import dev.helpsearch.search.query.QueryText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cascade runs its stages in order, each on the last one's output, and explains every one of them. */
class RankCascadeTest {

    @TempDir
    static Path work;

    private static LiveIndex live;
    private static final Ranking RANKING = Ranking.defaults();

    @BeforeAll
    static void index() throws IOException {
        live = SmallIndex.of(work, SmallIndex.GATEWAY);
    }

    @AfterAll
    static void close() throws IOException {
        live.close();
    }

    /** A stage that appends its document to whatever it is given. */
    private record Appends(int doc, List<String> calls) implements RankStage {
        @Override
        public String name() {
            return "appends " + doc;
        }

        @Override
        public Candidates rerank(Candidates candidates, RankContext context) {
            calls.add(name());
            ScoreDoc[] more = Arrays.copyOf(candidates.hits(), candidates.hits().length + 1);
            more[more.length - 1] = new ScoreDoc(doc, 1f);
            return candidates.withHits(more);
        }
    }

    private static RankContext context(String typed) {
        return live.withSnapshot(snapshot -> RankContext.of(
                snapshot, new QueryBuilder(RANKING), typed, QueryText.parse(typed), List.of(), null, 10));
    }

    @Test
    void eachStageRunsOnWhatTheOneBeforeItLeft() throws IOException {
        List<String> calls = new ArrayList<>();
        RankCascade first = new RankCascade(new Appends(1, calls), new Appends(2, calls));
        RankCascade both = first.then(new Appends(3, calls));

        Candidates ranked = both.run(context("gateway "));

        assertThat(calls).containsExactly("appends 1", "appends 2", "appends 3");
        assertThat(ranked.hits()).extracting(d -> d.doc).containsExactly(1, 2, 3);
        assertThat(first.stages()).hasSize(2);
    }

    @Test
    void aTraceKeepsWhatEachStageWasGivenAndHandedOn() throws IOException {
        RankCascade cascade = new RankCascade(new Appends(1, new ArrayList<>()), new Appends(2, new ArrayList<>()));

        List<RankCascade.Step> steps = cascade.trace(context("gateway "));

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).before()).isSameAs(Candidates.NONE);
        assertThat(steps.get(1).before()).isSameAs(steps.get(0).after());
        assertThat(steps.get(0).after().hits()).hasSize(1);
        assertThat(steps.get(1).after().hits()).hasSize(2);
    }

    @Test
    void theExplanationWalksEveryStageThenEachHitsStagesLastFirst() {
        Reranker reranker = new Reranker(RANKING);
        RankCascade lexical =
                new RankCascade(new TextSearch(), new CoverageAndLevel(reranker), new DrillDown(reranker));
        RankCascade cascade = lexical.then(new Relaxation(new QueryBuilder(RANKING), RANKING, lexical));
        String explained = live.withSnapshot(snapshot -> {
            try {
                String typed = "gateway permission denied ";
                RankContext context = RankContext.of(
                        snapshot, new QueryBuilder(RANKING), typed, QueryText.parse(typed), List.of(), null, 10);
                List<RankCascade.Step> steps = cascade.trace(context);
                return CascadeExplanation.of(
                        steps, Arrays.asList(steps.get(3).after().hits()), context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> lines = explained.lines().toList();

        assertThat(lines.get(0)).startsWith("query: ");
        assertThat(lines)
                .filteredOn(line -> line.matches("\\d\\. .*"))
                .extracting(line -> line.replaceAll(":.*", ""))
                .containsExactly("1. text search", "2. coverage and level", "3. drill-down", "4. relaxation");
        // per hit, only the stages that say something of it, the last first
        String section = "/troubleshooting/gateway#permission-denied";
        int hit = lines.indexOf(lines.stream()
                .filter(line -> line.startsWith(section + "  score "))
                .findFirst()
                .orElseThrow());
        assertThat(lines.get(hit + 1)).matches("  coverage and level: contains 2 of the query's 2 word groups .*");
        assertThat(lines.get(hit + 2)).isEqualTo("  text search: ");
        assertThat(lines.get(hit + 3)).matches("    [0-9.]+ = .*");
    }
}
