package dev.helpsearch.cli;

import dev.helpsearch.app.HelpCenter;
import dev.helpsearch.article.ArticleProblem;
import dev.helpsearch.http.ApiServer;
import dev.helpsearch.http.ServerSettings;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.insights.ContentGaps;
import dev.helpsearch.insights.InsightsRecorder;
import dev.helpsearch.insights.InsightsReports;
import dev.helpsearch.insights.Retention;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.IndexStatus;
import dev.helpsearch.search.core.IndexUnavailableException;
import dev.helpsearch.search.core.Ranking;
import dev.helpsearch.search.core.Urls;
import dev.helpsearch.search.rank.SemanticModel;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
        InsightsRecorder.Settings insightsSettings;
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
            insightsSettings = insightsSettings();
            StartupChecks.corsOrigins(corsOrigins);
            StartupChecks.listen(host, port);
            StartupChecks.articlesFolder(articles);
            StartupChecks.indexFolder(index);
        } catch (StartupChecks.Problem problem) {
            err.println("helpsearch: " + problem.getMessage());
            return problem.exitCode;
        }
        HelpCenter.Setup setup = new HelpCenter.Setup(
                articles,
                index,
                includeDrafts,
                limits,
                new Urls(siteUrl),
                Ranking.defaults(),
                HelpSearch.DEFAULT_ANSWER_THRESHOLD,
                queryVectorCache);
        HelpCenter center;
        try {
            center = HelpCenter.serving(setup, semantic.enabled, watch, new HelpCenter.FirstRun() {
                @Override
                public Reindexer.Progress progress() {
                    return TerminalProgress.onTerminal(err, "indexing");
                }

                @Override
                public void refused(List<ArticleProblem> problems) {
                    for (ArticleProblem problem : problems) {
                        err.println(articles.resolve(problem.file()) + ":" + problem.line() + ": " + problem.message());
                    }
                    err.println("helpsearch: " + problems.size()
                            + " invalid article(s); serving the previous index if there is one");
                }
            });
        } catch (IndexUnavailableException e) {
            err.println("helpsearch: " + e.getMessage());
            return 1;
        }
        HelpSearch search = center.search();
        SemanticModel model = center.model();
        ServerSettings settings = new ServerSettings(corsOrigins, adminToken, 10_000, rateLimit, redirectHosts);
        InsightsRecorder recorder =
                insightsSettings == null ? InsightsRecorder.off() : InsightsRecorder.start(insightsSettings);
        InsightsReports reports = insightsSettings == null
                ? null
                : new InsightsReports(
                        data, InsightsWiring.bestHits(search), new ContentGaps(InsightsWiring.embedding(model)));
        Javalin app =
                new ApiServer(search, AdminReindexing.of(center.reindexer()), settings, recorder, reports).create();
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
            recorder.close();
            center.close();
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
        recorder.close();
        center.close();
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
}
