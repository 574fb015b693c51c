package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording that cannot write never costs a search: with the data folder unwritable from the
 * start, or the database locked by another process midway, searches answer 200 and /healthz and
 * /metrics say insights are degraded and count what was dropped; once writes succeed again, so
 * does recording. Also: fake events are refused with 4xx and never reach the database.
 */
class InsightsFaultsTest {

    @TempDir
    Path work;

    private static double metric(RunningServer server, String family, Map<String, String> labels) {
        var parsed = PrometheusText.parse(server.get("/_/metrics").body()).get(family);
        assertThat(parsed).as(family).isNotNull();
        return parsed.samples().stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(family + labels))
                .value();
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void anUnwritableDataFolderKeepsSearchWorkingAndSaysSoInHealthzAndMetrics() throws Exception {
        // a file where the folder should be: unwritable for every user, root included
        Path blocker = Files.writeString(work.resolve("blocker"), "not a folder");
        try (RunningServer server = RunningServer.withInsights(
                work.resolve("server"), new ServerSettings(List.of(), null, 2_000), blocker.resolve("data"))) {
            for (int i = 0; i < 3; i++) {
                var answer = server.get("/_/v1/search?q=port+in+use&source=page");
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(RunningServer.parse(answer.body()).get("hits").size())
                        .isPositive();
            }
            assertThat(server.get("/_/v1/answer?q=port+in+use").statusCode()).isEqualTo(200);
            server.insights.flush(Duration.ofSeconds(30));
            JsonNode health = server.json("/_/healthz");
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("insights").get("state").asText()).isEqualTo("degraded");
            assertThat(health.get("insights").get("reason").asText())
                    .contains("data folder")
                    .doesNotContain(work.toString());
            assertThat(metric(server, "helpsearch_insights_up", Map.of())).isZero();
            assertThat(metric(server, "helpsearch_insights_events_dropped_total", Map.of("reason", "unavailable")))
                    .isEqualTo(4);
            assertThat(metric(server, "helpsearch_insights_events_recorded_total", Map.of("kind", "search")))
                    .isZero();
        }
    }

    @Test
    void aDatabaseLockedMidwayDegradesThenRecoversWithoutFailingASearch() throws Exception {
        try (RunningServer server =
                RunningServer.withInsights(work.resolve("server"), new ServerSettings(List.of(), null, 2_000), null)) {
            assertThat(server.get("/_/v1/search?q=gateway").statusCode()).isEqualTo(200);
            server.insights.flush(Duration.ofSeconds(30));
            assertThat(server.json("/_/healthz").get("insights").get("state").asText())
                    .isEqualTo("ok");
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + server.data.resolve("insights.db"));
                    Statement statement = other.createStatement()) {
                statement.execute("BEGIN EXCLUSIVE"); // another process holding the write lock
                // answered while the lock is held: the search never waits for the database
                assertThat(server.get("/_/v1/search?q=port+in+use").statusCode())
                        .isEqualTo(200);
                await(
                        "insights degraded",
                        () -> "degraded"
                                .equals(server.json("/_/healthz")
                                        .get("insights")
                                        .get("state")
                                        .asText()));
                assertThat(metric(server, "helpsearch_insights_events_dropped_total", Map.of("reason", "write_failed")))
                        .isPositive();
                statement.execute("ROLLBACK");
            }
            assertThat(server.get("/_/v1/search?q=black+screen").statusCode()).isEqualTo(200);
            server.insights.flush(Duration.ofSeconds(30));
            await(
                    "insights recover",
                    () -> "ok"
                            .equals(server.json("/_/healthz")
                                    .get("insights")
                                    .get("state")
                                    .asText()));
            assertThat(metric(server, "helpsearch_insights_up", Map.of())).isEqualTo(1);
        }
    }

    @Test
    void fakeEventsAreRefusedAndAFloodIsRateLimited() throws Exception {
        try (RunningServer server =
                RunningServer.withInsights(work.resolve("server"), new ServerSettings(List.of(), null, 2_000), null)) {
            JsonNode searched = RunningServer.parse(
                    server.get("/_/v1/search?q=gateway&source=page").body());
            String id = searched.get("queryId").asText();
            String url = searched.get("hits").get(0).get("url").asText();
            var refused = server.post(
                    "/_/v1/insights/click",
                    "{\"queryId\":\"" + id + "\",\"url\":\"javascript:alert(1)\",\"position\":1}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(RunningServer.parse(refused.body())
                            .get("error")
                            .get("code")
                            .asText())
                    .isEqualTo("unknown_url");
            var extra = server.post(
                    "/_/v1/insights/click",
                    "{\"queryId\":\"" + id + "\",\"url\":\"" + url + "\",\"position\":1,\"ip\":\"1.2.3.4\"}");
            assertThat(RunningServer.parse(extra.body())
                            .get("error")
                            .get("code")
                            .asText())
                    .isEqualTo("unknown_field");
            int limited = 0;
            for (int i = 0; i < 200 && limited == 0; i++) {
                var response = server.post(
                        "/_/v1/insights/click", "{\"queryId\":\"" + id + "\",\"url\":\"" + url + "\",\"position\":1}");
                assertThat(response.statusCode()).isIn(204, 429);
                if (response.statusCode() == 429) {
                    limited++;
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                }
            }
            assertThat(limited).as("a flood from one address hits the limit").isPositive();
            server.insights.flush(Duration.ofSeconds(30));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.data.resolve("insights.db"));
                    var rs = c.createStatement().executeQuery("SELECT COUNT(*), MIN(url) FROM clicks")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the same hit counts once").isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo(url);
            }
        }
    }
}
