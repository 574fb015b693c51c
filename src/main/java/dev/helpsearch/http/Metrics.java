package dev.helpsearch.http;

import dev.helpsearch.insights.InsightsRecorder;
import dev.helpsearch.search.rank.QueryVectors;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Request counters, latency histograms and what the service is serving, through the official
 * Prometheus Java client, with its JVM and process metrics (memory, GC, threads, classes, CPU,
 * open files) beside them. One registry per server, so servers in one JVM (the tests) keep
 * their own counts.
 *
 * <p>Labels stay bounded whatever clients send: the endpoint is one of the API's routes (article
 * paths fold into their route, anything else is "other" or "page"), the status is a number.
 */
final class Metrics {

    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    /** The text format Prometheus scrapes (0.0.4). */
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private static final Set<String> ROUTES =
            Set.of("/api/search", "/api/answer", "/api/suggest", "/api/admin/reindex", "/healthz", "/metrics");
    /** Endpoints whose empty answers count as zero-result queries. */
    private static final Set<String> QUERIES = Set.of("/api/search", "/api/answer", "/api/suggest");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram latency;
    private final Counter zeroResults;
    private final Counter rateLimited;
    private final Info semantic;
    private final AtomicLong slowestNanos = new AtomicLong();
    /** What the index gauges report: sampled when metrics are scraped, read by their callbacks. */
    private volatile IndexGauges index =
            new IndexGauges(0, 0, 0, 0, 0, "off", "lexical", new QueryVectors.Stats(0, 0, 0));

    Metrics() {
        this(InsightsRecorder.off()::stats);
    }

    Metrics(Supplier<InsightsRecorder.Stats> insights) {
        requests = Counter.builder()
                .name("helpsearch_http_requests_total")
                .help("HTTP requests answered, by endpoint and status.")
                .labelNames("endpoint", "status")
                .register(registry);
        latency = Histogram.builder()
                .name("helpsearch_http_request_duration_seconds")
                .help("Time to answer a request, by endpoint.")
                .labelNames("endpoint")
                .classicOnly()
                .classicUpperBounds(BUCKETS)
                .register(registry);
        GaugeWithCallback.builder()
                .name("helpsearch_http_request_duration_max_seconds")
                .help("The slowest request since the server started.")
                .callback(cb -> cb.call(slowestMillis() / 1000))
                .register(registry);
        zeroResults = Counter.builder()
                .name("helpsearch_zero_result_queries_total")
                .help("Queries answered with no hit, by endpoint.")
                .labelNames("endpoint")
                .register(registry);
        for (String endpoint : QUERIES) {
            zeroResults.initLabelValues(endpoint);
        }
        rateLimited = Counter.builder()
                .name("helpsearch_rate_limited_total")
                .help("Requests refused with 429 by the per-client rate limit.")
                .register(registry);
        gauge("helpsearch_index_articles", "Articles in the index being served.", IndexGauges::articles);
        gauge("helpsearch_index_sections", "Section documents in the index being served.", IndexGauges::sections);
        gauge("helpsearch_index_size_bytes", "Bytes of the index commit being served.", IndexGauges::bytes);
        gauge(
                "helpsearch_index_age_seconds",
                "Seconds since the index being served was committed.",
                IndexGauges::ageSeconds);
        gauge(
                "helpsearch_index_version",
                "Version of the index being served; increases with every rebuild.",
                IndexGauges::version);
        CounterWithCallback.builder()
                .name("helpsearch_query_vector_cache_hits")
                .help("Queries whose vector was remembered, not embedded again.")
                .callback(cb -> cb.call(index.vectors().hits()))
                .register(registry);
        CounterWithCallback.builder()
                .name("helpsearch_query_vector_cache_misses")
                .help("Queries embedded by the model.")
                .callback(cb -> cb.call(index.vectors().misses()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("helpsearch_query_vector_cache_entries")
                .help("Query vectors remembered now.")
                .callback(cb -> cb.call(index.vectors().entries()))
                .register(registry);
        semantic = Info.builder()
                .name("helpsearch_semantic_info")
                .help("The embedding model's state and the query mode, as labels.")
                .labelNames("state", "mode")
                .register(registry);
        insightsMetrics(insights);
        JvmMetrics.builder().register(registry);
    }

    /** Read from the recorder when scraped: the request threads never touch these. */
    private void insightsMetrics(Supplier<InsightsRecorder.Stats> insights) {
        GaugeWithCallback.builder()
                .name("helpsearch_insights_up")
                .help(
                        "1 when search insights are being recorded, 0 when the database cannot be written (see /healthz), -1 when switched off.")
                .callback(cb -> {
                    InsightsRecorder.Stats stats = insights.get();
                    cb.call(!stats.enabled() ? -1 : stats.healthy() ? 1 : 0);
                })
                .register(registry);
        CounterWithCallback.builder()
                .name("helpsearch_insights_events_recorded")
                .help("Search insight events stored, by kind.")
                .labelNames("kind")
                .callback(cb -> insights.get().recorded().forEach((kind, n) -> cb.call(n, kind)))
                .register(registry);
        CounterWithCallback.builder()
                .name("helpsearch_insights_events_dropped")
                .help(
                        "Search insight events not stored, by reason: queue_full (the writer fell behind), unavailable (no database), "
                                + "write_failed. Searches are answered either way.")
                .labelNames("reason")
                .callback(cb -> insights.get().dropped().forEach((reason, n) -> cb.call(n, reason)))
                .register(registry);
        GaugeWithCallback.builder()
                .name("helpsearch_insights_queue_depth")
                .help("Search insight events waiting for the writer.")
                .callback(cb -> cb.call(insights.get().queued()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("helpsearch_insights_database_bytes")
                .help("Bytes of the insights database file (pages in use and free).")
                .callback(cb -> cb.call(insights.get().databaseBytes()))
                .register(registry);
    }

    private void gauge(String name, String help, ToDoubleFunction<IndexGauges> value) {
        GaugeWithCallback.builder()
                .name(name)
                .help(help)
                .callback(cb -> cb.call(value.applyAsDouble(index)))
                .register(registry);
    }

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
        requests.labelValues(endpoint, Integer.toString(status)).inc();
        latency.labelValues(endpoint).observe(millis / 1000);
        slowestNanos.accumulateAndGet((long) (millis * 1_000_000), Math::max);
        if (status == 200 && hits != null && hits == 0 && QUERIES.contains(endpoint)) {
            zeroResults.labelValues(endpoint).inc();
        }
        if (status == 429) {
            rateLimited.inc();
        }
    }

    /** The slowest request seen since start, in milliseconds, as the server measured it. */
    double slowestMillis() {
        return slowestNanos.get() / 1_000_000.0;
    }

    /** What the service is serving, sampled when metrics are scraped. */
    record IndexGauges(
            int articles,
            int sections,
            long bytes,
            double ageSeconds,
            long version,
            String semantic,
            String mode,
            QueryVectors.Stats vectors) {}

    /** Everything in the Prometheus text format, the index gauges as {@code index} says. */
    synchronized String render(IndexGauges index) {
        this.index = index;
        semantic.setLabelValues(index.semantic(), index.mode());
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
