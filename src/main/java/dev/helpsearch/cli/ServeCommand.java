package dev.helpsearch.cli;

import dev.helpsearch.article.ArticleProblem;
import dev.helpsearch.http.ApiServer;
import dev.helpsearch.http.ServerSettings;
import dev.helpsearch.index.ArticlesWatcher;
import dev.helpsearch.index.IndexBuilder;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.insights.ContentGaps;
import dev.helpsearch.insights.InsightsRecorder;
import dev.helpsearch.insights.InsightsReports;
import dev.helpsearch.insights.Retention;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.IndexStatus;
import dev.helpsearch.search.IndexUnavailableException;
import dev.helpsearch.search.LiveIndex;
import dev.helpsearch.search.QueryVectors;
import dev.helpsearch.search.Ranking;
import dev.helpsearch.search.SemanticModel;
import dev.helpsearch.search.Urls;
import dev.helpsearch.semantic.BgeSmallEmbedder;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

@Command(
        name = "serve",
        description = {
            "Serve the search API, the search page and the articles over HTTP.",
            "Indexes the articles folder first when the index is missing or older than the articles, and "
                    + "switches to every newer index (from `index`, --watch or the admin endpoint) without a restart."
        })
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** How often the server looks for a newer index committed by another process. */
    private static final Duration REFRESH_EVERY = Duration.ofMillis(500);
    /** How long a first start waits for the model before it indexes without vectors. */
    private static final Duration MODEL_PATIENCE = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--articles",
            paramLabel = "DIR",
            defaultValue = "${env:HELPSEARCH_ARTICLES:-articles}",
            description = "Folder of Markdown articles (default: ${DEFAULT-VALUE}; env HELPSEARCH_ARTICLES).")
    Path articles;

    @Option(
            names = "--index",
            paramLabel = "DIR",
            defaultValue = "${env:HELPSEARCH_INDEX:-index}",
            description = "Folder of the index (default: ${DEFAULT-VALUE}; env HELPSEARCH_INDEX).")
    Path index;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "${env:HELPSEARCH_PORT:-7070}",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}; env HELPSEARCH_PORT).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "${env:HELPSEARCH_HOST:-0.0.0.0}",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, all interfaces; env HELPSEARCH_HOST).")
    String host;

    @Option(
            names = "--site-url",
            paramLabel = "URL",
            defaultValue = "${env:HELPSEARCH_SITE_URL:-}",
            description = "The help center's own site; hit urls become absolute on it (env HELPSEARCH_SITE_URL).")
    String siteUrl;

    @Option(
            names = "--cors-origin",
            paramLabel = "ORIGIN",
            split = ",",
            defaultValue = "${env:HELPSEARCH_CORS_ORIGINS:-}",
            description =
                    "An origin allowed to call the API from a browser; repeatable (env HELPSEARCH_CORS_ORIGINS, comma-separated).")
    List<String> corsOrigins;

    @Option(
            names = "--watch",
            negatable = true,
            defaultValue = "${env:HELPSEARCH_WATCH:-false}",
            fallbackValue = "true",
            description = "Re-index whenever files under the articles folder change (env HELPSEARCH_WATCH).")
    boolean watch;

    @Option(
            names = "--admin-token",
            paramLabel = "TOKEN",
            defaultValue = "${env:HELPSEARCH_ADMIN_TOKEN:-}",
            description =
                    "Bearer token for POST /_/v1/admin/reindex; without one admin endpoints are off. Prefer the env var HELPSEARCH_ADMIN_TOKEN.")
    String adminToken;

    @Option(
            names = "--rate-limit",
            paramLabel = "N",
            defaultValue = "${env:HELPSEARCH_RATE_LIMIT:-0}",
            description =
                    "Requests a second each client address may make to the API (bursts of N; over it: 429 with Retry-After). "
                            + "0 turns the limit off (default: ${DEFAULT-VALUE}; env HELPSEARCH_RATE_LIMIT). Behind a proxy every client shares its address.")
    int rateLimit;

    @Option(
            names = "--redirect-host",
            paramLabel = "HOST",
            split = ",",
            defaultValue = "${env:HELPSEARCH_REDIRECT_HOSTS:-}",
            description =
                    "Another site that redirect: pages may forward to; repeatable (env HELPSEARCH_REDIRECT_HOSTS, comma-separated). "
                            + "Paths on this site always may.")
    List<String> redirectHosts;

    @Option(names = "--include-drafts", description = "Index articles marked draft: true as well.")
    boolean includeDrafts;

    @Option(
            names = "--query-vector-cache",
            paramLabel = "N",
            defaultValue = "${env:HELPSEARCH_QUERY_VECTOR_CACHE:-4096}",
            description = "Query vectors remembered, so a repeated question is not embedded again (about 1.5 KB each; "
                    + "0 embeds every query; default: ${DEFAULT-VALUE}; env HELPSEARCH_QUERY_VECTOR_CACHE).")
    int queryVectorCache;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "${env:HELPSEARCH_DATA:-data}",
            description =
                    "Folder the service keeps its own records in: the search insights database (default: ${DEFAULT-VALUE}; "
                            + "env HELPSEARCH_DATA). If it cannot be written, search goes on and /healthz says insights are degraded.")
    Path data;

    @Option(
            names = "--insights",
            paramLabel = "on|off",
            arity = "1",
            defaultValue = "${env:HELPSEARCH_INSIGHTS:-on}",
            converter = SemanticOption.OnOff.class,
            description =
                    "Record searches, clicks and article ratings for the insights page /_/insights (default: ${DEFAULT-VALUE}; "
                            + "env HELPSEARCH_INSIGHTS). No address, cookie or user id is stored.")
    boolean insights;

    @Option(
            names = "--insights-retention",
            paramLabel = "PERIOD",
            defaultValue = "${env:HELPSEARCH_INSIGHTS_RETENTION:-90d}",
            description =
                    "Delete insights older than this: hours, days or weeks such as 36h, 90d, 12w (default: ${DEFAULT-VALUE}; "
                            + "env HELPSEARCH_INSIGHTS_RETENTION).")
    String insightsRetention;

    @Option(
            names = "--insights-max-rows",
            paramLabel = "N",
            defaultValue = "${env:HELPSEARCH_INSIGHTS_MAX_ROWS:-1000000}",
            description =
                    "Rows kept at most in each insights table, the oldest evicted first: bounds the database to about N KB "
                            + "(default: ${DEFAULT-VALUE}; env HELPSEARCH_INSIGHTS_MAX_ROWS).")
    long insightsMaxRows;

    @Mixin
    SemanticOption semantic;

    @Mixin
    ParseLimitsOption parseLimits;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        dev.helpsearch.article.markdown.ParseLimits limits;
        try {
            limits = parseLimits.limits();
            StartupChecks.port(port);
            if (queryVectorCache < 0) {
                throw new StartupChecks.Problem(
                        ExitCodes.USAGE,
                        "--query-vector-cache must be 0 (off) or a number of vectors, not " + queryVectorCache);
            }
            if (rateLimit < 0) {
                throw new StartupChecks.Problem(
                        ExitCodes.USAGE,
                        "--rate-limit must be 0 (off) or a number of requests a second, not " + rateLimit);
            }
            StartupChecks.siteUrl(siteUrl);
            insightsSettings();
            StartupChecks.corsOrigins(corsOrigins);
            StartupChecks.listen(host, port);
            StartupChecks.articlesFolder(articles);
            StartupChecks.indexFolder(index);
        } catch (StartupChecks.Problem problem) {
            err.println("helpsearch: " + problem.getMessage());
            return problem.exitCode;
        }
        AtomicReference<LiveIndex> live = new AtomicReference<>();
        AtomicReference<Reindexer> reindexing = new AtomicReference<>();
        AtomicReference<HelpSearch> searching = new AtomicReference<>();
        // the model loads in the background: the service answers lexically until it is ready, then
        // brings the index's vectors up to date and answers by meaning as well
        SemanticModel model = semantic.enabled
                ? SemanticModel.loadInBackground(BgeSmallEmbedder::load, () -> {
                    upgradeWhenSettled(reindexing.get());
                    warmUp(searching.get());
                })
                : SemanticModel.off();
        Reindexer reindexer = new Reindexer(
                        articles,
                        index,
                        includeDrafts,
                        new IndexBuilder(() -> model.embedder().orElse(null)),
                        metadata -> refresh(live.get(), searching.get()))
                .withLimits(limits);
        reindexing.set(reindexer);

        // A missing index is built once, with vectors: the model loads in a second or two, far less
        // than a second full pass would take. An outdated index serves until the model can index with it.
        boolean missing = Files.isDirectory(articles) && reindexer.isMissing();
        if (missing && model.state() == SemanticModel.State.LOADING) {
            LOG.info("waiting for the embedding model, to index once with its vectors ...");
            model.awaitSettled(MODEL_PATIENCE);
        }
        boolean indexNow = Files.isDirectory(articles)
                && (missing || (model.state() != SemanticModel.State.LOADING && reindexer.isStale()));
        if (indexNow) {
            LOG.info("indexing {} ...", articles);
            // progress only for this first run: later ones happen while requests are logged
            reindexer.withProgress(TerminalProgress.onTerminal(err, "indexing"));
            Reindexer.Outcome outcome;
            try {
                outcome = reindexer.reindex();
            } finally {
                reindexer.withProgress(null);
            }
            if (outcome.replaced()) {
                LOG.info(
                        "indexed {} articles, {} sections in {} ms",
                        outcome.metadata().articles(),
                        outcome.metadata().sections(),
                        outcome.millis());
            } else {
                for (ArticleProblem problem : outcome.problems()) {
                    err.println(articles.resolve(problem.file()) + ":" + problem.line() + ": " + problem.message());
                }
                err.println("helpsearch: " + outcome.problems().size()
                        + " invalid article(s); serving the previous index if there is one");
            }
        }
        if (missing && model.state() != SemanticModel.State.LOADING) {
            // the model may have come while the index was being built without it
            upgradeWhenSettled(reindexer);
        }
        try {
            live.set(LiveIndex.open(index));
        } catch (IndexUnavailableException e) {
            err.println("helpsearch: " + e.getMessage());
            return 1;
        }

        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "index-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(
                () -> refresh(live.get(), searching.get()),
                REFRESH_EVERY.toMillis(),
                REFRESH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);

        ArticlesWatcher watcher = null;
        if (watch && Files.isDirectory(articles)) {
            watcher = new ArticlesWatcher(articles, Duration.ofMillis(300), () -> reindexAfterChange(reindexer));
            watcher.start();
            LOG.info("watching {} for changes", articles);
        }

        HelpSearch search = new HelpSearch(
                live.get(),
                new Urls(siteUrl),
                Ranking.defaults(),
                HelpSearch.DEFAULT_ANSWER_THRESHOLD,
                model,
                new QueryVectors(queryVectorCache));
        searching.set(search);
        if (model.state() == SemanticModel.State.READY) {
            refresher.execute(() -> warmUp(search));
        }
        ServerSettings settings = new ServerSettings(corsOrigins, adminToken, 10_000, rateLimit, redirectHosts);
        InsightsRecorder.Settings insightsSettings = insightsSettings();
        InsightsRecorder recorder =
                insightsSettings == null ? InsightsRecorder.off() : InsightsRecorder.start(insightsSettings);
        InsightsReports reports = insightsSettings == null
                ? null
                : new InsightsReports(
                        data, InsightsWiring.bestHits(search), new ContentGaps(InsightsWiring.embedding(model)));
        Javalin app = new ApiServer(search, AdminReindexing.of(reindexer), settings, recorder, reports).create();
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            // the port can be taken between the check above and now
            BindException bind = bindException(e);
            if (bind == null) {
                throw e;
            }
            err.println(
                    "helpsearch: " + StartupChecks.bindProblem(host, port, bind).getMessage());
            refresher.shutdownNow();
            recorder.close();
            live.get().close();
            model.close();
            return ExitCodes.ENVIRONMENT;
        }

        IndexStatus status = search.status();
        spec.commandLine()
                .getOut()
                .printf(
                        "helpsearch: serving %d articles (%d sections) at http://localhost:%d/%n",
                        status.articles(), status.sections(), app.port());
        spec.commandLine().getOut().flush();

        stop.await();
        LOG.info("shutting down: finishing requests in flight");
        try {
            app.stop();
        } catch (RuntimeException e) {
            LOG.warn("some requests did not finish within the grace period: {}", e.getMessage());
        }
        refresher.shutdownNow();
        recorder.close();
        if (watcher != null) {
            watcher.close();
        }
        live.get().close();
        model.close();
        return 0;
    }

    /** The recorder's settings from the options, null when recording is off; a bad value is a usage error. */
    private InsightsRecorder.Settings insightsSettings() throws StartupChecks.Problem {
        java.time.Duration retention;
        try {
            retention = Retention.parse(insightsRetention);
        } catch (IllegalArgumentException e) {
            throw new StartupChecks.Problem(
                    ExitCodes.USAGE, "--insights-retention (env HELPSEARCH_INSIGHTS_RETENTION): " + e.getMessage());
        }
        if (insightsMaxRows < 1) {
            throw new StartupChecks.Problem(
                    ExitCodes.USAGE,
                    "--insights-max-rows (env HELPSEARCH_INSIGHTS_MAX_ROWS) must be at least 1, not "
                            + insightsMaxRows);
        }
        return insights
                ? new InsightsRecorder.Settings(
                        data, retention, insightsMaxRows, InsightsRecorder.Settings.DEFAULT_QUEUE)
                : null;
    }

    private static BindException bindException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        return null;
    }

    /** Once the model has loaded (or failed to), indexes again if the index is outdated or lacks its vectors. */
    private void upgradeWhenSettled(Reindexer reindexer) {
        // a missing index is the starting thread's to build, with the model if it came in time
        if (reindexer == null || !Files.isDirectory(articles) || reindexer.isMissing()) {
            return;
        }
        try {
            if (reindexer.isStale()) {
                LOG.info("adding the embedding model's vectors to the index ...");
                Reindexer.Outcome outcome = reindexer.reindex();
                if (outcome.replaced()) {
                    LOG.info(
                            "the index has its vectors: {} articles, {} embedded, {} unchanged, in {} ms",
                            outcome.metadata().articles(),
                            outcome.embedded(),
                            outcome.reused(),
                            outcome.millis());
                } else {
                    logProblems(reindexer, outcome);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not check whether the index is up to date: {}", e.getMessage());
        }
    }

    private static void reindexAfterChange(Reindexer reindexer) {
        try {
            // nobody stands by a watched folder: one bad file must not hold back the other edits
            Reindexer.Outcome outcome = reindexer.reindexKeepingLastGood();
            if (outcome.replaced()) {
                LOG.info(
                        "re-indexed after a change: {} articles in {} ms",
                        outcome.metadata().articles(),
                        outcome.millis());
                outcome.problems()
                        .forEach(p -> LOG.warn(
                                "{}:{}: {} (its last good version, if any, keeps serving)",
                                reindexer.articles().resolve(p.file()),
                                p.line(),
                                p.message()));
            } else {
                logProblems(reindexer, outcome);
            }
        } catch (IOException e) {
            LOG.warn("re-index failed, the previous index keeps serving: {}", e.getMessage());
        }
    }

    private static void logProblems(Reindexer reindexer, Reindexer.Outcome outcome) {
        outcome.problems()
                .forEach(p -> LOG.warn("{}:{}: {}", reindexer.articles().resolve(p.file()), p.line(), p.message()));
        LOG.warn(
                "kept serving the previous index: {} invalid article(s)",
                outcome.problems().size());
    }

    /** Searches by meaning warmed, so that no user's request pays for the first of them. */
    private static void warmUp(HelpSearch search) {
        if (search == null) {
            return;
        }
        try {
            search.warmUp();
        } catch (RuntimeException e) {
            LOG.warn("could not warm up the search by meaning: {}", e.toString());
        }
    }

    private static void refresh(LiveIndex live, HelpSearch search) {
        if (live == null) {
            return;
        }
        try {
            if (live.refresh()) {
                warmUp(search);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("a newer index was not loaded, the current one keeps serving: {}", e.getMessage());
        }
    }
}
