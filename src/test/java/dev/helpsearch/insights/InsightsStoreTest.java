package dev.helpsearch.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real SQLite file: migrations, retention, the row bound, click validation and the report's numbers. */
class InsightsStoreTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private static InsightEvent.Search search(String id, Instant at, String query, int hits) {
        return new InsightEvent.Search(
                id, at, query, "lexical", Source.PAGE, hits, hits, hits == 0 ? null : "/a", null, false, 1.0, null);
    }

    @Test
    void aNewDatabaseGetsEveryMigrationAndReopeningChangesNothing() throws Exception {
        try (InsightsDatabase db = InsightsDatabase.open(dir)) {
            assertThat(db.schemaVersion()).isEqualTo(InsightsDatabase.MIGRATIONS.size());
            db.write(List.of(search("q1", NOW, "port in use", 3)));
            assertThat(db.query("PRAGMA journal_mode").get(0)[0]).isEqualTo("wal");
        }
        try (InsightsDatabase db = InsightsDatabase.open(dir)) {
            assertThat(db.schemaVersion()).isEqualTo(InsightsDatabase.MIGRATIONS.size());
            assertThat(db.counts()).containsEntry("searches", 1L);
        }
    }

    @Test
    void aDatabaseFromANewerReleaseIsRefusedNotRewritten() throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(InsightsDatabase.FILE));
                Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE future (x)");
            s.executeUpdate("PRAGMA user_version = " + (InsightsDatabase.MIGRATIONS.size() + 5));
        }
        assertThatThrownBy(() -> InsightsDatabase.open(dir))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("newer than this helpsearch");
    }

    @Test
    void aStepThatFailsLeavesTheFileAtItsFormerVersion() throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(InsightsDatabase.FILE));
                Statement s = c.createStatement()) {
            // a table in the way of the first step: the step fails as a whole
            s.executeUpdate("CREATE TABLE clicks (x)");
        }
        assertThatThrownBy(() -> InsightsDatabase.open(dir)).isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(InsightsDatabase.FILE))) {
            assertThat(InsightsDatabase.version(c)).isZero();
            try (var rs =
                    c.createStatement().executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'searches'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the half-done step rolled back").isZero();
            }
        }
    }

    @Test
    void retentionOnStartDeletesOldRowsAndKeepsRecentOnes() throws Exception {
        try (InsightsDatabase db = InsightsDatabase.open(dir)) {
            db.write(List.of(
                    search("old", NOW.minus(Duration.ofDays(91)), "old query", 1),
                    search("new", NOW.minus(Duration.ofDays(89)), "new query", 1),
                    new InsightEvent.Click("old", NOW.minus(Duration.ofDays(91)), "/a", 1),
                    new InsightEvent.Feedback(NOW.minus(Duration.ofDays(100)), "/a", true)));
        }
        try (InsightsRecorder recorder = InsightsRecorder.start(
                new InsightsRecorder.Settings(dir, Duration.ofDays(90)), Clock.fixed(NOW, ZoneOffset.UTC))) {
            recorder.feedback("/b", false);
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
        }
        try (InsightsDatabase db = InsightsDatabase.open(dir)) {
            assertThat(db.query("SELECT query_id FROM searches").stream()
                            .map(r -> r[0])
                            .toList())
                    .containsExactly("new");
            assertThat(db.counts()).containsEntry("clicks", 0L).containsEntry("feedback", 1L);
        }
    }

    @Test
    void aFloodOfEventsNeverGrowsATableBeyondItsBound() throws Exception {
        try (InsightsRecorder recorder =
                InsightsRecorder.start(new InsightsRecorder.Settings(dir, Duration.ofDays(90), 100, 10_000))) {
            for (int i = 0; i < 2_000; i++) {
                recorder.search(
                        new InsightEvent.Answered(
                                "flood " + i, "lexical", Source.API, 1, List.of("/a"), 0, null, false, 0.5),
                        null);
                recorder.feedback("/a", i % 2 == 0);
            }
            assertThat(recorder.flush(Duration.ofSeconds(60))).isTrue();
            assertThat(recorder.stats().dropped().values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum()
                            + recorder.stats().recorded().get("search"))
                    .isGreaterThanOrEqualTo(2_000);
        }
        try (InsightsDatabase db = InsightsDatabase.open(dir)) {
            Map<String, Long> counts = db.counts();
            assertThat(counts.get("searches")).isEqualTo(100);
            assertThat(counts.get("feedback")).isEqualTo(100);
            assertThat(db.query("SELECT MIN(query) FROM searches WHERE query = 'flood 1999'"))
                    .hasSize(1);
            assertThat(db.query("SELECT COUNT(*) FROM searches WHERE query = 'flood 0'")
                            .get(0)[0])
                    .as("the oldest went first")
                    .isEqualTo(0);
        }
    }

    @Test
    void clicksAreTakenOnlyForRecentQueryIdsTheirUrlsAndRanksOnce() throws Exception {
        try (InsightsRecorder recorder =
                InsightsRecorder.start(new InsightsRecorder.Settings(dir, Duration.ofDays(90)))) {
            String id = recorder.search(
                            new InsightEvent.Answered(
                                    "Port  in USE",
                                    "lexical",
                                    Source.PAGE,
                                    2,
                                    List.of("/a#x", "/b"),
                                    0,
                                    null,
                                    false,
                                    1.0),
                            null)
                    .orElseThrow();
            assertThat(recorder.click("AAAAAAAAAAAAAAAAAAAAAA", "/a#x", 1))
                    .isEqualTo(InsightsRecorder.ClickOutcome.UNKNOWN_QUERY);
            assertThat(recorder.click("<script>", "/a#x", 1)).isEqualTo(InsightsRecorder.ClickOutcome.UNKNOWN_QUERY);
            assertThat(recorder.click(id, "/evil", 1)).isEqualTo(InsightsRecorder.ClickOutcome.UNKNOWN_URL);
            assertThat(recorder.click(id, "/b", 1)).isEqualTo(InsightsRecorder.ClickOutcome.WRONG_POSITION);
            assertThat(recorder.click(id, "/b", 2)).isEqualTo(InsightsRecorder.ClickOutcome.RECORDED);
            assertThat(recorder.click(id, "/b", 2)).isEqualTo(InsightsRecorder.ClickOutcome.ALREADY_RECORDED);
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
        }
        try (InsightsDatabase db = InsightsDatabase.open(dir)) {
            assertThat(db.query("SELECT query FROM searches").get(0)[0]).isEqualTo("port in use");
            List<Object[]> clicks = db.query("SELECT url, position FROM clicks");
            assertThat(clicks).hasSize(1);
            assertThat(clicks.get(0)).containsExactly("/b", 2);
        }
    }

    @Test
    void queriesTypedOnTheWayAreLeftOutOfTheReport() throws Exception {
        List<String> ids = new ArrayList<>();
        try (InsightsRecorder recorder =
                InsightsRecorder.start(new InsightsRecorder.Settings(dir, Duration.ofDays(90)))) {
            String previous = null;
            for (String q : List.of("por", "port in", "port in use")) {
                previous = recorder.search(
                                new InsightEvent.Answered(
                                        q, "lexical", Source.PAGE, 1, List.of("/a"), 0, null, false, 1.0),
                                previous)
                        .orElseThrow();
                ids.add(previous);
            }
            recorder.click(previous, "/a", 1);
            recorder.search(
                    new InsightEvent.Answered(
                            "refund invoice", "lexical", Source.WIDGET, 0, List.of(), 0, null, false, 1.0),
                    null);
            recorder.search(
                    new InsightEvent.Answered(
                            "invoice refunds", "lexical", Source.PAGE, 0, List.of(), 0, null, false, 1.0),
                    null);
            recorder.search(
                    new InsightEvent.Answered(
                            "how to refund an invoice", "lexical", Source.IN_APP, 0, List.of(), 0, null, false, 1.0),
                    null);
            recorder.search(
                    new InsightEvent.Answered(
                            "black screen", "lexical", Source.PAGE, 2, List.of("/v", "/w"), 0, null, false, 1.0),
                    null);
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
        }
        InsightsReports reports = new InsightsReports(
                dir, q -> List.of(new InsightsReport.BestHit("/now", "Now", "")), ContentGaps.byTerms());
        InsightsReport report = reports.report(
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(1));
        assertThat(report.topQueries())
                .extracting(InsightsReport.QueryStats::query)
                .containsExactlyInAnyOrder(
                        "port in use", "refund invoice", "invoice refunds", "how to refund an invoice", "black screen");
        assertThat(report.totals().searches()).isEqualTo(5);
        assertThat(report.totals().clickable()).isEqualTo(4);
        assertThat(report.totals().clicked()).isEqualTo(1);
        assertThat(report.totals().clickThrough()).isEqualTo(0.25);
        assertThat(report.noResults()).extracting(p -> p.stats().query()).hasSize(3);
        assertThat(report.noResults().get(0).bestHits())
                .extracting(InsightsReport.BestHit::url)
                .containsExactly("/now");
        assertThat(report.noClicks()).extracting(p -> p.stats().query()).containsExactly("black screen");
        assertThat(report.lowConfidence())
                .extracting(p -> p.stats().query())
                .containsExactly("how to refund an invoice");
        assertThat(report.gaps().get(0).searches()).isEqualTo(3);
        assertThat(report.gaps().get(0).variants())
                .containsExactlyInAnyOrder("refund invoice", "invoice refunds", "how to refund an invoice");
        assertThat(InsightsCsv.queries(reports.allQueries(
                        Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(1))))
                .startsWith("query,searches,")
                .contains("\r\nport in use,1,0,1,1,1,1.000,1.000,0,0\r\n");
    }

    @Test
    void anUnwritableFolderDegradesTheRecorderWithAReasonAndNoPath() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        try (InsightsRecorder recorder =
                InsightsRecorder.start(new InsightsRecorder.Settings(file.resolve("data"), Duration.ofDays(90)))) {
            assertThat(recorder.health().state()).isEqualTo("degraded");
            assertThat(recorder.health().reason()).contains("data folder").doesNotContain(dir.toString());
            assertThat(recorder.search(
                            new InsightEvent.Answered("q", "lexical", Source.API, 0, List.of(), 0, null, false, 1),
                            null))
                    .isPresent();
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(recorder.stats().dropped().get("unavailable")).isEqualTo(1);
            assertThat(recorder.stats().healthy()).isFalse();
        }
    }

    @Test
    void aFullQueueDropsEventsAndCountsThemInsteadOfWaiting() throws Exception {
        try (InsightsRecorder recorder =
                        InsightsRecorder.start(new InsightsRecorder.Settings(dir, Duration.ofDays(90), 1_000, 1));
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(InsightsDatabase.FILE));
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE"); // the writer now waits for the lock, so the queue of one fills up
            int queued = 0;
            for (int i = 0; i < 50; i++) {
                queued += recorder.feedback("/a", true) ? 1 : 0;
            }
            assertThat(queued).isLessThan(50);
            assertThat(recorder.stats().dropped().get("queue_full")).isEqualTo(50 - queued);
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void csvCellsThatLookLikeFormulasStayText() {
        assertThat(InsightsCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(InsightsCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(InsightsCsv.cell("+1")).isEqualTo("'+1");
    }

    @Test
    void retentionsAreHoursDaysOrWeeks() {
        assertThat(Retention.parse("90d")).isEqualTo(Duration.ofDays(90));
        assertThat(Retention.parse("12w")).isEqualTo(Duration.ofDays(84));
        assertThat(Retention.parse("36h")).isEqualTo(Duration.ofHours(36));
        assertThatThrownBy(() -> Retention.parse("0d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Retention.parse("forever")).isInstanceOf(IllegalArgumentException.class);
    }
}
