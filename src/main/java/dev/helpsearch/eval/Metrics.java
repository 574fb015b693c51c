package dev.helpsearch.eval;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Mean ranking quality over a set of queries. */
public record Metrics(int queries, double s1, double s3, double mrr10, double ndcg10, double recall10, double pageS1) {

    public static Metrics of(List<QueryOutcome> outcomes) {
        return new Metrics(
                outcomes.size(),
                mean(outcomes, o -> o.successAt(1)),
                mean(outcomes, o -> o.successAt(3)),
                mean(outcomes, QueryOutcome::reciprocalRank),
                mean(outcomes, QueryOutcome::ndcg),
                mean(outcomes, QueryOutcome::recall),
                mean(outcomes, QueryOutcome::pageSuccessAt1));
    }

    private static double mean(List<QueryOutcome> outcomes, ToDoubleFunction<QueryOutcome> metric) {
        return outcomes.isEmpty()
                ? 0
                : outcomes.stream().mapToDouble(metric).average().orElse(0);
    }
}
