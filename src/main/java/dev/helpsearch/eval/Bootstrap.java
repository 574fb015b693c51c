package dev.helpsearch.eval;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals over queries: how far a mean could move with another sample of
 * queries of the same kind. A fixed seed, so two runs of the same ranking print the same interval.
 */
public final class Bootstrap {

    public static final int RESAMPLES = 2000;
    private static final long SEED = 20261203L;

    /** A mean and its 95% interval. */
    public record Interval(double mean, double low, double high) {}

    private Bootstrap() {}

    public static Interval of(List<QueryOutcome> outcomes, ToDoubleFunction<QueryOutcome> metric) {
        double[] values = outcomes.stream().mapToDouble(metric).toArray();
        return of(values);
    }

    public static Interval of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Interval(0, 0, 0);
        }
        double mean = Arrays.stream(values).average().orElse(0);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new Interval(mean, means[(int) (0.025 * RESAMPLES)], means[(int) Math.ceil(0.975 * RESAMPLES) - 1]);
    }
}
