package dev.helpsearch.http;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters and latency histograms, written in the Prometheus text format. Hand-written
 * rather than a client library: a handful of counters and one histogram family fit in this class,
 * and the service keeps no dependency it does not need.
 *
 * <p>Labels stay bounded whatever clients send: the endpoint is one of the API's routes (article
 * paths fold into their route, anything else is "other" or "page"), the status is a number.
 */
final class Metrics {

    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final Set<String> ROUTES = Set.of("/api/search", "/api/answer", "/api/suggest", "/api/admin/reindex",
            "/healthz", "/metrics");
    /** Endpoints whose empty answers count as zero-result queries. */
    private static final Set<String> QUERIES = Set.of("/api/search", "/api/answer", "/api/suggest");

    private record Key(String endpoint, int status) {
    }

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> zeroResults = new ConcurrentHashMap<>();
    private final LongAdder rateLimited = new LongAdder();
    private final AtomicLong slowestNanos = new AtomicLong();

    /** The route a path belongs to, from a fixed, small set. */
    static String endpoint(String path) {
        // the labels keep the names they had before the API moved under /_/v1, so dashboards keep working
        if (path.startsWith("/_/v1/related/")) {
            return "/api/articles/{path}/related";
        }
        if (path.startsWith("/_/v1/")) {
            path = "/api/" + path.substring("/_/v1/".length());
        } else if (path.equals("/_/healthz") || path.equals("/_/metrics")) {
            path = path.substring(2);
        }
        if (ROUTES.contains(path)) {
            return path;
        }
        if (path.startsWith("/api/articles/")) {
            return path.endsWith("/related") ? "/api/articles/{path}/related" : "/api/articles/{path}";
        }
        return path.startsWith("/_/") ? "other" : "page";
    }

    void record(String path, int status, double millis, Integer hits) {
        String endpoint = endpoint(path);
        requests.computeIfAbsent(new Key(endpoint, status), k -> new LongAdder()).increment();
        latency.computeIfAbsent(endpoint, k -> new Histogram()).observe(millis / 1000);
        slowestNanos.accumulateAndGet((long) (millis * 1_000_000), Math::max);
        if (status == 200 && hits != null && hits == 0 && QUERIES.contains(endpoint)) {
            zeroResults.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
        }
        if (status == 429) {
            rateLimited.increment();
        }
    }

    /** The slowest request seen since start, in milliseconds, as the server measured it. */
    double slowestMillis() {
        return slowestNanos.get() / 1_000_000.0;
    }

    /** What the service is serving, sampled when metrics are scraped. */
    record IndexGauges(int articles, int sections, long bytes, double ageSeconds, long version, String semantic, String mode) {
    }

    String render(IndexGauges index) {
        StringBuilder out = new StringBuilder(4096);
        header(out, "helpsearch_http_requests_total", "counter", "HTTP requests answered, by endpoint and status.");
        new TreeMap<String, Long>(requests.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> "endpoint=\"" + e.getKey().endpoint() + "\",status=\"" + e.getKey().status() + "\"", e -> e.getValue().sum())))
                .forEach((labels, count) -> out.append("helpsearch_http_requests_total{").append(labels).append("} ").append(count).append('\n'));

        header(out, "helpsearch_http_request_duration_seconds", "histogram", "Time to answer a request, by endpoint.");
        new TreeMap<>(latency).forEach((endpoint, h) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.counts[i].sum();
                out.append("helpsearch_http_request_duration_seconds_bucket{endpoint=\"").append(endpoint).append("\",le=\"")
                        .append(number(BUCKETS[i])).append("\"} ").append(cumulative).append('\n');
            }
            long count = h.count.sum();
            out.append("helpsearch_http_request_duration_seconds_bucket{endpoint=\"").append(endpoint).append("\",le=\"+Inf\"} ")
                    .append(count).append('\n');
            out.append("helpsearch_http_request_duration_seconds_sum{endpoint=\"").append(endpoint).append("\"} ")
                    .append(number(h.sum.sum())).append('\n');
            out.append("helpsearch_http_request_duration_seconds_count{endpoint=\"").append(endpoint).append("\"} ")
                    .append(count).append('\n');
        });
        gauge(out, "helpsearch_http_request_duration_max_seconds", "The slowest request since the server started.",
                slowestMillis() / 1000);

        header(out, "helpsearch_zero_result_queries_total", "counter", "Queries answered with no hit, by endpoint.");
        for (String endpoint : new TreeMap<>(Map.of("/api/search", 0, "/api/answer", 0, "/api/suggest", 0)).keySet()) {
            LongAdder zero = zeroResults.get(endpoint);
            out.append("helpsearch_zero_result_queries_total{endpoint=\"").append(endpoint).append("\"} ")
                    .append(zero == null ? 0 : zero.sum()).append('\n');
        }
        header(out, "helpsearch_rate_limited_total", "counter", "Requests refused with 429 by the per-client rate limit.");
        out.append("helpsearch_rate_limited_total ").append(rateLimited.sum()).append('\n');

        gauge(out, "helpsearch_index_articles", "Articles in the index being served.", index.articles());
        gauge(out, "helpsearch_index_sections", "Section documents in the index being served.", index.sections());
        gauge(out, "helpsearch_index_size_bytes", "Bytes of the index commit being served.", index.bytes());
        gauge(out, "helpsearch_index_age_seconds", "Seconds since the index being served was committed.", index.ageSeconds());
        gauge(out, "helpsearch_index_version", "Version of the index being served; increases with every rebuild.", index.version());
        header(out, "helpsearch_semantic_info", "gauge", "The embedding model's state and the query mode, as labels.");
        out.append("helpsearch_semantic_info{state=\"").append(label(index.semantic())).append("\",mode=\"").append(label(index.mode()))
                .append("\"} 1\n");
        return out.toString();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        header(out, name, "gauge", help);
        out.append(name).append(' ').append(number(value)).append('\n');
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
