package dev.helpsearch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Search insights end to end in a real headless Chromium against the real server: a hit opened
 * on the search page or in the widget (on another origin) reaches the SQLite file on disk with
 * its rank, an article's "Was this helpful?" likewise, and the insights page shows the query with
 * its click-through, markup in queries shown as text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsBrowserTest {

    private static final String TOKEN = "insights-browser-token";

    @TempDir
    static Path work;

    private String skipReason;
    private Browser browser;
    private RunningServer server;
    private HostSite hostSite;
    private String base;
    private String hostOrigin;

    @BeforeAll
    void start() throws IOException {
        skipReason = Browser.unavailable().orElse(null);
        if (skipReason != null) {
            System.err.println("InsightsBrowserTest: " + skipReason);
            return;
        }
        browser = Browser.start(Files.createDirectories(work.resolve("profile")));
        AtomicInteger apiPort = new AtomicInteger();
        hostSite = HostSite.start(
                path -> "<!doctype html><html><head><meta charset=\"utf-8\"><title>Acme</title></head><body>"
                        + "<nav id=\"slot\"><script src=\"http://127.0.0.1:" + apiPort.get()
                        + "/widget.js\"></script></nav></body></html>");
        hostOrigin = hostSite.origin();
        server = RunningServer.withInsights(
                Files.createDirectories(work.resolve("server")),
                new ServerSettings(List.of(hostOrigin), TOKEN, 2_000),
                null);
        apiPort.set(server.uri("/").getPort());
        base = "http://127.0.0.1:" + apiPort.get();
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (hostSite != null) {
            hostSite.close();
        }
    }

    @BeforeEach
    void fresh() {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        browser.driver.get(base + "/");
        browser.js("localStorage.clear()");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void type(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    /** Rows of a query on the real database file, as another process would read it. */
    private List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + server.data.resolve("insights.db"));
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls the database (the beacon and the writer are asynchronous) until the query has a row, for up to 30 s. */
    private List<Map<String, Object>> awaitRows(String what, String sql, Object... args) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            server.insights.flush(Duration.ofSeconds(5));
            List<Map<String, Object>> found = rows(sql, args);
            if (!found.isEmpty()) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static String pathAndAnchor(String href) {
        URI uri = URI.create(href);
        return uri.getRawPath() + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** The rank of {@code url} in the API's answer for {@code q}, as the page asked it. */
    private int rank(String q, String url) {
        JsonNode hits = RunningServer.parse(server.get("/_/v1/search?q=" + RunningServer.encode(q) + "&limit=20")
                        .body())
                .get("hits");
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).get("url").asText().equals(url)) {
                return i + 1;
            }
        }
        throw new AssertionError(url + " is not a hit of " + q);
    }

    // ---- tests -------------------------------------------------------------------------------

    @Test
    void aHitOpenedOnTheSearchPageIsStoredWithItsRankAndTheInsightsPageShowsItsClickThrough() throws Exception {
        browser.driver.findElement(By.id("search-input")).click();
        type("port in use");
        browser.await(
                "results",
                d -> "Port conflict"
                        .equals(
                                browser.jsString(
                                        "const o = document.querySelector('#search-panel [role=option] .hs-option-heading'); return o ? o.textContent : null")));
        WebElement first = browser.driver.findElement(By.cssSelector("#search-panel [role=option]"));
        String url = pathAndAnchor(first.getDomProperty("href"));
        first.click();
        browser.await("landed on the article", d -> d.getCurrentUrl().contains("#port-conflict"));

        List<Map<String, Object>> clicks = awaitRows("the click", """
                SELECT c.url, c.position, s.query, s.source FROM clicks c JOIN searches s ON s.query_id = c.query_id
                WHERE s.query = 'port in use'""");
        assertThat(clicks).hasSize(1);
        assertThat(clicks.get(0))
                .containsEntry("url", url)
                .containsEntry("position", 1)
                .containsEntry("source", "page");
        assertThat(rank("port in use", url)).isEqualTo(1);
        assertThat(
                        rows(
                                "SELECT COUNT(*) AS n FROM searches WHERE source = 'page' AND refined = 0 AND query <> 'port in use'"))
                .as("what was typed on the way is left out")
                .containsExactly(Map.of("n", 0));

        // an article's "Was this helpful?" goes to the same database
        browser.await(
                "the question is shown",
                d -> d.findElement(By.cssSelector(".helpful")).isDisplayed());
        browser.driver
                .findElement(By.cssSelector(".helpful button[data-helpful=no]"))
                .click();
        browser.await(
                "thanked",
                d -> !d.findElement(By.cssSelector(".helpful-thanks")).getText().isEmpty());
        assertThat(awaitRows("the rating", "SELECT path, helpful FROM feedback"))
                .containsExactly(Map.of("path", "/troubleshooting/gateway-fails-to-start", "helpful", 0));

        // the editor's page, the token sent as a browser would after asking for it (basic auth)
        String basic =
                java.util.Base64.getEncoder().encodeToString(("editor:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        browser.driver.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + basic)));
        browser.driver.get(base + "/_/insights?days=7");
        WebElement row = browser.await(
                "the query in top queries", d -> d.findElement(By.cssSelector("#top tr[data-query='port in use']")));
        assertThat(row.findElement(By.cssSelector(".ctr")).getText()).isEqualTo("100%");
        assertThat(row.findElement(By.cssSelector(".position")).getText()).isEqualTo("1.0");
        assertThat(browser.driver
                        .findElement(
                                By.cssSelector("#helpfulness tr[data-path='/troubleshooting/gateway-fails-to-start']"))
                        .getText())
                .contains("0")
                .contains("1");
        browser.screenshot("insights-page");
        assertThat(browser.consoleErrors())
                .as("no CSP violations or script errors")
                .isEmpty();
    }

    @Test
    void aHitOpenedInTheWidgetOnAnotherOriginIsStoredWithItsRank() throws Exception {
        browser.driver.get(hostOrigin + "/app.html");
        WebElement host =
                browser.await("widget ready", d -> d.findElement(By.cssSelector("helpsearch-widget[data-ready]")));
        SearchContext root = host.getShadowRoot();
        root.findElement(By.cssSelector(".hs-launch")).click();
        browser.await(
                "dialog open", d -> root.findElement(By.cssSelector("dialog")).isDisplayed());
        type("gateway");
        browser.await(
                "widget results",
                d -> root.findElements(By.cssSelector("[role=option]")).size() >= 2);
        WebElement second = root.findElements(By.cssSelector("[role=option]")).get(1);
        String url = pathAndAnchor(second.getDomProperty("href"));
        second.click();

        List<Map<String, Object>> clicks = awaitRows("the widget's click", """
                SELECT c.url, c.position FROM clicks c JOIN searches s ON s.query_id = c.query_id
                WHERE s.source = 'widget' AND s.query = 'gateway'""");
        assertThat(clicks).hasSize(1);
        assertThat(clicks.get(0)).containsEntry("url", url).containsEntry("position", rank("gateway", url));
    }

    @Test
    void markupInQueriesIsShownAsTextOnTheInsightsPage() throws Exception {
        String hostile = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
        assertThat(server.get("/_/v1/search?q=" + RunningServer.encode(hostile) + "&source=page")
                        .statusCode())
                .isEqualTo(200);
        server.insights.flush(Duration.ofSeconds(10));
        browser.driver.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Bearer " + TOKEN)));
        browser.driver.get(base + "/_/insights");
        String normalized = hostile.toLowerCase(java.util.Locale.ROOT);
        browser.await(
                "the hostile query listed",
                d -> d.findElements(By.cssSelector("td.query")).stream()
                        .anyMatch(td -> td.getText().equals(normalized)));
        assertThat(browser.js("return window.__xss")).isNull();
        assertThat(browser.jsLong("return document.querySelectorAll('main script, main img').length"))
                .isZero();
        assertThat(browser.driver.getPageSource()).doesNotContain("<script>window.__xss");
    }
}
