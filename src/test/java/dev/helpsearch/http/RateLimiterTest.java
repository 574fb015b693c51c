package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves by hand. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aClientGetsItsBurstThenOneRequestPerRefill() {
        RateLimiter limiter = new RateLimiter(3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1", 0).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("10.0.0.1", 0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.acquire("10.0.0.2", 0).allowed())
                .as("another client has its own bucket")
                .isTrue();
        assertThat(limiter.acquire("10.0.0.1", SECOND / 3 + 1).allowed()).isTrue();
        assertThat(limiter.acquire("10.0.0.1", SECOND / 3 + 2).allowed()).isFalse();
        assertThat(limiter.acquire("10.0.0.1", 10 * SECOND).allowed()).isTrue();
    }

    @Test
    void slowRatesAskForALongerWait() {
        RateLimiter limiter = new RateLimiter(0.25);
        assertThat(limiter.acquire("c", 0).allowed()).isTrue();
        assertThat(limiter.acquire("c", 0).retryAfterSeconds()).isEqualTo(4);
    }

    @Test
    void theClientTableStaysBoundedUnderAFloodOfAddresses() {
        RateLimiter limiter = new RateLimiter(1, 100);
        for (int i = 0; i < 100_000; i++) {
            limiter.acquire("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), i);
        }
        assertThat(limiter.trackedClients()).isEqualTo(100);
    }
}
