package dev.helpsearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.helpsearch.cli.AdminReindexing;
import dev.helpsearch.cli.InsightsWiring;
import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.insights.ContentGaps;
import dev.helpsearch.insights.InsightsRecorder;
import dev.helpsearch.insights.InsightsReports;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.core.LiveIndex;
import dev.helpsearch.search.core.Urls;
import dev.helpsearch.search.rank.SemanticModel;
import dev.helpsearch.testing.Fixtures;
import dev.helpsearch.testing.Folders;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real server on a random port over a real index on disk, built from a copy of the bundled
 * articles plus whatever a test adds, and a real HTTP client to talk to it.
 */
public final class RunningServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    public final Path articles;
    public final Path index;
    final LiveIndex live;
    final Reindexer reindexer;
    /** Records into {@code work/data} when started with insights, else off. */
    public final InsightsRecorder insights;

    public final Path data;
    private final Javalin app;
    private final ApiServer api;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningServer(
            Path articles,
            Path index,
            LiveIndex live,
            Reindexer reindexer,
            ApiServer api,
            Javalin app,
            InsightsRecorder insights,
            Path data) {
        this.api = api;
        this.insights = insights;
        this.data = data;
        this.articles = articles;
        this.index = index;
        this.live = live;
        this.reindexer = reindexer;
        this.app = app;
    }

    public static RunningServer start(Path work, String siteUrl, ServerSettings settings) throws IOException {
        return start(work, siteUrl, settings, new IndexBuilder(), SemanticModel.off());
    }

    /** A server whose index is built with {@code builder} (vectors or not) and searched with {@code semantic}. */
    public static RunningServer start(
            Path work, String siteUrl, ServerSettings settings, IndexBuilder builder, SemanticModel semantic)
            throws IOException {
        return start(work, Fixtures.HELP_CENTER, siteUrl, settings, builder, semantic);
    }

    /** A server over a copy of the articles in {@code source}. */
    public static RunningServer start(
            Path work,
            Path source,
            String siteUrl,
            ServerSettings settings,
            IndexBuilder builder,
            SemanticModel semantic)
            throws IOException {
        return start(work, source, siteUrl, settings, builder, semantic, null);
    }

    /** A server over the bundled articles that records search insights into {@code data} (or {@code work/data}). */
    public static RunningServer withInsights(Path work, ServerSettings settings, Path data) throws IOException {
        return start(
                work,
                Fixtures.HELP_CENTER,
                null,
                settings,
                new IndexBuilder(),
                SemanticModel.off(),
                new InsightsRecorder.Settings(
                        data == null ? work.resolve("data") : data, java.time.Duration.ofDays(90)));
    }

    private static RunningServer start(
            Path work,
            Path source,
            String siteUrl,
            ServerSettings settings,
            IndexBuilder builder,
            SemanticModel semantic,
            InsightsRecorder.Settings insightsSettings)
            throws IOException {
        Path articles = work.resolve("articles");
        Folders.copyTree(source, articles);
        Path index = work.resolve("index");
        AtomicReference<LiveIndex> opened = new AtomicReference<>();
        Reindexer reindexer = new Reindexer(articles, index, false, builder, metadata -> refresh(opened.get()));
        Reindexer.Outcome outcome = reindexer.reindex();
        if (!outcome.replaced()) {
            throw new IllegalStateException("the articles did not index: " + outcome.problems());
        }
        LiveIndex live = LiveIndex.open(index);
        opened.set(live);
        HelpSearch search = new HelpSearch(live, new Urls(siteUrl), semantic);
        InsightsRecorder insights =
                insightsSettings == null ? InsightsRecorder.off() : InsightsRecorder.start(insightsSettings);
        InsightsReports reports = insightsSettings == null
                ? null
                : new InsightsReports(
                        insightsSettings.folder(),
                        InsightsWiring.bestHits(search),
                        new ContentGaps(InsightsWiring.embedding(semantic)));
        ApiServer api = new ApiServer(search, AdminReindexing.of(reindexer), settings, insights, reports);
        Javalin app = api.create().start("127.0.0.1", 0);
        return new RunningServer(
                articles,
                index,
                live,
                reindexer,
                api,
                app,
                insights,
                insightsSettings == null ? null : insightsSettings.folder());
    }

    public static RunningServer start(Path work) throws IOException {
        return start(work, null, new ServerSettings(List.of(), null, 2_000));
    }

    private static void refresh(LiveIndex live) {
        if (live == null) {
            return;
        }
        try {
            live.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Metrics metrics() {
        return api.metrics();
    }

    int port() {
        return app.port();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A POST of {@code body} as navigator.sendBeacon sends a string: text/plain. */
    public HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String pathAndQuery) {
        return parse(get(pathAndQuery).body());
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        app.stop();
        insights.close();
        live.close();
    }
}
