package dev.helpsearch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void aConstantHasNoSpread() {
        double[] ones = new double[50];
        Arrays.fill(ones, 1.0);
        Bootstrap.Interval interval = Bootstrap.of(ones);
        assertThat(interval.mean()).isEqualTo(1.0);
        assertThat(interval.low()).isEqualTo(1.0);
        assertThat(interval.high()).isEqualTo(1.0);
    }

    @Test
    void theIntervalHoldsTheMeanAndNarrowsWithMoreQueries() {
        double[] few = new double[20];
        double[] many = new double[2000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i % 2;
            if (i < few.length) {
                few[i] = i % 2;
            }
        }
        Bootstrap.Interval small = Bootstrap.of(few);
        Bootstrap.Interval large = Bootstrap.of(many);
        assertThat(small.low()).isLessThan(0.5).isGreaterThan(0.1);
        assertThat(small.high()).isGreaterThan(0.5).isLessThan(0.9);
        assertThat(large.high() - large.low()).isLessThan((small.high() - small.low()) / 5);
        assertThat(large.low()).isLessThanOrEqualTo(large.mean());
        assertThat(large.high()).isGreaterThanOrEqualTo(large.mean());
    }

    @Test
    void theSameSampleGivesTheSameInterval() {
        double[] values = {0, 0.5, 1, 0.25, 0, 1, 1, 0.33};
        assertThat(Bootstrap.of(values)).isEqualTo(Bootstrap.of(values));
    }
}
