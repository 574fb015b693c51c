package dev.helpsearch.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client address: each client may make {@code perSecond} requests a second on
 * average, in bursts of up to {@code perSecond} (at least one). The table of clients is bounded:
 * when it is full the least recently seen client is forgotten, which at worst hands a flood of
 * distinct addresses fresh buckets; it never grows the heap.
 */
final class RateLimiter {

    /** Clients remembered at once; about 100 bytes each. */
    static final int MAX_CLIENTS = 10_000;

    private final double perSecond;
    private final double burst;
    private final int maxClients;
    private final Map<String, Bucket> clients;

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    /** Whether a request may go ahead, or how long the client should wait before the next one. */
    record Decision(boolean allowed, long retryAfterSeconds) {}

    RateLimiter(double perSecond) {
        this(perSecond, MAX_CLIENTS);
    }

    RateLimiter(double perSecond, int maxClients) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("a rate limit must be positive");
        }
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond);
        this.maxClients = maxClients;
        this.clients = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > RateLimiter.this.maxClients;
            }
        };
    }

    Decision acquire(String client, long nowNanos) {
        // one short critical section per request: cheaper and simpler than a lock-free map whose
        // eviction would need its own bookkeeping
        synchronized (clients) {
            Bucket bucket = clients.get(client);
            if (bucket == null) {
                bucket = new Bucket(burst, nowNanos);
                clients.put(client, bucket);
            } else {
                double elapsed = Math.max(0, nowNanos - bucket.refilledAt) / 1e9;
                bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
                bucket.refilledAt = nowNanos;
            }
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) / perSecond);
            return new Decision(false, Math.max(1, wait));
        }
    }

    int trackedClients() {
        synchronized (clients) {
            return clients.size();
        }
    }
}
