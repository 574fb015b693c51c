package dev.helpsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.helpsearch.insights.InsightsDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server as a child process, killed with SIGKILL while four clients keep it recording
 * searches: the insights database it leaves passes SQLite's integrity check, holds what was
 * committed, and opens again at the current schema. Then `helpsearch insights` reads it.
 */
class InsightsCrashTest {

    @TempDir
    Path work;

    @Test
    void killMinusNineDuringHeavyRecordingLeavesAReadableDatabase() throws Exception {
        Path articles = work.resolve("articles/guide");
        Files.createDirectories(articles);
        for (int i = 0; i < 20; i++) {
            Files.writeString(
                    articles.resolve(i + ".md"),
                    "---\ntitle: Guide " + i + "\n---\n\n## Setup " + i + "\n\nInstall part " + i
                            + " and configure the gateway port.\n");
        }
        Path data = work.resolve("data");
        Process server = ServeProcess.start(
                work.resolve("serve.err"),
                List.of("--enable-native-access=ALL-UNNAMED"),
                ServeProcess.lexicalOnFreePort(work.resolve("articles"), work.resolve("index"), data));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong answered = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        try {
            int port = ServeProcess.portOf(server);
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                Thread c = new Thread(() -> {
                    // bounded: at most 20,000 requests a client, and it stops once the server is gone
                    for (int i = 0; i < 20_000 && !stop.get(); i++) {
                        try {
                            HttpResponse<String> r = client.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                                    + "/_/v1/search?source=page&q=gateway+port+" + thread + "+" + i))
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                answered.incrementAndGet();
                            }
                        } catch (IOException e) {
                            return; // killed
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                c.start();
                clients.add(c);
            }
            // wait until rows are being committed, then kill in the middle of it
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (rows(data) < 500 && System.nanoTime() < deadline && server.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(rows(data)).as("recording under load before the kill").isGreaterThanOrEqualTo(500);
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no checkpoint, no close
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            stop.set(true);
            server.destroyForcibly();
            for (Thread c : clients) {
                c.join(30_000);
            }
        }
        assertThat(answered.get()).isPositive();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(InsightsDatabase.FILE))) {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs =
                    c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT query_id) FROM searches")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(500).isEqualTo(rs.getLong(2));
            }
        }
        try (InsightsDatabase reopened = InsightsDatabase.open(data)) {
            assertThat(reopened.schemaVersion()).isEqualTo(1);
        }
        CliRun report = CliRun.of(
                "insights",
                "--data",
                data.toString(),
                "--index",
                work.resolve("index").toString(),
                "--semantic",
                "off",
                "--limit",
                "3");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).contains("Top queries").contains("gateway port ");
        CliRun csv = CliRun.of(
                "insights",
                "--data",
                data.toString(),
                "--index",
                work.resolve("missing-index").toString(),
                "--csv",
                "queries");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("query,searches,");
        assertThat(csv.out().lines().count()).isGreaterThan(500);
    }

    private static long rows(Path data) {
        Path file = data.resolve(InsightsDatabase.FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM searches")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0; // not created yet
        }
    }
}
