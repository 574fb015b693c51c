package dev.helpsearch.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics themselves, on rankings small enough to work out by hand. */
class QueryOutcomeTest {

    private static final JudgedQuery QUERY =
            new JudgedQuery("q1", "port in use", "short", Map.of("/a#x", 2, "/a#y", 1, "/b", 2));

    @Test
    void answerSecond() {
        QueryOutcome outcome = new QueryOutcome(QUERY, List.of("/a#y", "/a#x", "/c"));
        assertThat(outcome.successAt(1)).isZero();
        assertThat(outcome.successAt(3)).isEqualTo(1);
        assertThat(outcome.reciprocalRank()).isEqualTo(0.5);
        assertThat(outcome.recall()).isEqualTo(0.5);
        assertThat(outcome.pageSuccessAt1()).isEqualTo(1);
        // DCG = 1/log2(2) + 3/log2(3); ideal = 3 + 3/log2(3) + 1/log2(4)
        double dcg = 1 + 3 / (Math.log(3) / Math.log(2));
        double ideal = 3 + 3 / (Math.log(3) / Math.log(2)) + 0.5;
        assertThat(outcome.ndcg()).isCloseTo(dcg / ideal, within(1e-9));
    }

    @Test
    void nothingRelevant() {
        QueryOutcome outcome = new QueryOutcome(QUERY, List.of("/c", "/d#e"));
        assertThat(outcome.reciprocalRank()).isZero();
        assertThat(outcome.ndcg()).isZero();
        assertThat(outcome.pageSuccessAt1()).isZero();
        assertThat(new QueryOutcome(QUERY, List.of()).successAt(1)).isZero();
    }

    @Test
    void metricsAverageOverQueries() {
        Metrics metrics =
                Metrics.of(List.of(new QueryOutcome(QUERY, List.of("/b")), new QueryOutcome(QUERY, List.of("/c"))));
        assertThat(metrics.queries()).isEqualTo(2);
        assertThat(metrics.s1()).isEqualTo(0.5);
        assertThat(metrics.mrr10()).isEqualTo(0.5);
    }
}
