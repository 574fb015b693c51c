package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The operator's view of a running server: the rate limit, /metrics and the request log. */
class RateLimitAndMetricsTest {

    @TempDir
    Path work;

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndAJsonBody() throws IOException {
        try (RunningServer server = RunningServer.start(work, null, new ServerSettings(List.of(), null, 2_000, 5))) {
            int ok = 0;
            HttpResponse<String> limited = null;
            for (int i = 0; i < 30 && limited == null; i++) {
                HttpResponse<String> response = server.get("/api/suggest?q=po");
                if (response.statusCode() == 429) {
                    limited = response;
                } else {
                    assertThat(response.statusCode()).isEqualTo(200);
                    ok++;
                }
            }
            assertThat(limited)
                    .as("a 429 within 30 back-to-back requests at 5 a second")
                    .isNotNull();
            assertThat(ok).isGreaterThanOrEqualTo(5);
            assertThat(limited.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
            JsonNode error = RunningServer.parse(limited.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("rate_limited");
            assertThat(server.get("/healthz").statusCode())
                    .as("health checks are not limited")
                    .isEqualTo(200);
            assertThat(server.get("/metrics").body()).contains("helpsearch_rate_limited_total 1");
        }
    }

    @Test
    void noRateLimitByDefault() throws IOException {
        try (RunningServer server = RunningServer.start(work)) {
            for (int i = 0; i < 200; i++) {
                assertThat(server.get("/api/suggest?q=po").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void metricsArePrometheusTextWithRequestsLatencyIndexAndZeroResults() throws IOException {
        try (RunningServer server = RunningServer.start(work)) {
            assertThat(server.get("/api/search?q=port+conflict").statusCode()).isEqualTo(200);
            assertThat(server.get("/api/search?q=zzqxv+wqqz").statusCode()).isEqualTo(200);
            assertThat(server.get("/api/search").statusCode()).isEqualTo(400);
            assertThat(server.get("/api/articles/troubleshooting/gateway-fails-to-start")
                            .statusCode())
                    .isEqualTo(200);

            HttpResponse<String> response = server.get("/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/plain; version=0.0.4");
            String text = response.body();
            Map<String, PrometheusText.Family> families = PrometheusText.parse(text);
            assertThat(families.get("helpsearch_http_requests_total").type()).isEqualTo("counter");
            assertThat(families.get("helpsearch_http_request_duration_seconds").type())
                    .isEqualTo("histogram");
            assertThat(families.get("helpsearch_index_articles").type()).isEqualTo("gauge");
            // the client's JVM and process metrics
            assertThat(families)
                    .containsKeys(
                            "jvm_memory_used_bytes",
                            "jvm_threads_current",
                            "jvm_gc_collection_seconds",
                            "jvm_classes_currently_loaded",
                            "process_cpu_seconds_total",
                            "process_open_fds",
                            "process_resident_memory_bytes");
            assertThat(text)
                    .contains("helpsearch_http_requests_total{endpoint=\"/api/search\",status=\"200\"} 2")
                    .contains("helpsearch_http_requests_total{endpoint=\"/api/search\",status=\"400\"} 1")
                    .contains("helpsearch_http_requests_total{endpoint=\"/api/articles/{path}\",status=\"200\"} 1")
                    .contains("helpsearch_http_request_duration_seconds_bucket{endpoint=\"/api/search\",le=\"+Inf\"} 3")
                    .contains("helpsearch_http_request_duration_seconds_count{endpoint=\"/api/search\"} 3")
                    .contains("helpsearch_zero_result_queries_total{endpoint=\"/api/search\"} 1")
                    .contains("helpsearch_index_articles 4")
                    .contains("helpsearch_semantic_info{mode=\"lexical\",state=\"off\"} 1")
                    .doesNotContain("troubleshooting/gateway");
            assertThat(gauge(text, "helpsearch_index_size_bytes")).isPositive();
            assertThat(gauge(text, "helpsearch_index_age_seconds")).isNotNegative();
            assertThat(gauge(text, "helpsearch_index_sections")).isGreaterThan(4);
        }
    }

    @Test
    void oneLogLinePerRequestWithoutQueriesOrTokens() throws IOException {
        Logger requests = (Logger) LoggerFactory.getLogger("helpsearch.requests");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> all = new ListAppender<>();
        all.start();
        root.addAppender(all);
        Level quietInTests = requests.getLevel();
        requests.setLevel(Level.INFO);
        try (RunningServer server =
                RunningServer.start(work, null, new ServerSettings(List.of(), "admin-s3cret", 2_000))) {
            all.list.clear();
            // an unknown parameter is refused, so the secret rides in the query text itself
            server.get("/api/search?q=port+conflict+hunter2-secret");
            server.get("/api/suggest?q=api_key%3Dsk-live-12345");
            server.send(HttpRequest.newBuilder(server.uri("/api/admin/reindex?password=pw-in-url"))
                    .header("Authorization", "Bearer admin-s3cret")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            server.get("/nope/../etc");
        } finally {
            root.detachAppender(all);
            requests.setLevel(quietInTests);
        }
        List<String> lines = all.list.stream()
                .filter(e -> e.getLoggerName().equals(requests.getName()))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("method=GET path=/api/search status=200 ms=[0-9.]+ hits=[0-9]+");
        assertThat(lines.get(1)).matches("method=GET path=/api/suggest status=200 ms=[0-9.]+ hits=[0-9]+");
        assertThat(lines.get(2)).matches("method=POST path=/api/admin/reindex status=200 ms=[0-9.]+");
        String everything = String.join(
                "\n", all.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(everything)
                .doesNotContain("hunter2")
                .doesNotContain("sk-live")
                .doesNotContain("admin-s3cret")
                .doesNotContain("pw-in-url")
                .doesNotContain("port conflict")
                .doesNotContain("port+conflict");
    }

    private static double gauge(String text, String name) {
        return text.lines()
                .filter(l -> l.startsWith(name + " "))
                .map(l -> Double.parseDouble(l.substring(name.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }
}
