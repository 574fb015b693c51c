package dev.helpsearch.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import dev.helpsearch.article.Redirects;
import dev.helpsearch.article.ServicePaths;
import dev.helpsearch.insights.InsightEvent;
import dev.helpsearch.insights.InsightsCsv;
import dev.helpsearch.insights.InsightsRecorder;
import dev.helpsearch.insights.InsightsReport;
import dev.helpsearch.insights.InsightsReports;
import dev.helpsearch.insights.Source;
import dev.helpsearch.search.AnswerResult;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.IndexStatus;
import dev.helpsearch.search.SearchRequest;
import dev.helpsearch.search.SearchResults;
import dev.helpsearch.search.core.InvalidRequestException;
import dev.helpsearch.search.core.RelatedArticle;
import dev.helpsearch.search.core.Suggestion;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the search core: a JSON API for the help center's search box, the desktop
 * app's in-app help and support tools, the search page, and every article at its own path. It
 * translates requests into search-core calls and results into JSON or HTML, nothing more.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("helpsearch.requests");
    private static final String HITS = "helpsearch.hits";

    private final HelpSearch search;
    private final Reindexing reindexing;
    private final ServerSettings settings;
    /** Events a second each address may send: a person clicks a hit or rates an article far less often. */
    static final int EVENTS_PER_SECOND = 20;
    /** A click or a rating is a few hundred bytes of JSON. */
    static final int MAX_EVENT_BYTES = 4 * 1024;

    private static final int MAX_DAYS = 3650;

    private final Metrics metrics;
    private final RateLimiter rateLimiter;
    private final RateLimiter eventLimiter = new RateLimiter(EVENTS_PER_SECOND);
    private final WebAssets assets = new WebAssets();
    private final InsightsRecorder insights;
    private final InsightsReports reports;

    /** @param reindexing what the admin endpoint re-indexes with; null when the server has no indexer */
    public ApiServer(HelpSearch search, Reindexing reindexing, ServerSettings settings) {
        this(search, reindexing, settings, InsightsRecorder.off(), null);
    }

    /** @param reports null when insights are off */
    public ApiServer(
            HelpSearch search,
            Reindexing reindexing,
            ServerSettings settings,
            InsightsRecorder insights,
            InsightsReports reports) {
        this.search = search;
        this.reindexing = reindexing;
        this.settings = settings;
        this.rateLimiter = settings.rateLimit() > 0 ? new RateLimiter(settings.rateLimit()) : null;
        this.insights = insights;
        this.reports = reports;
        this.metrics = new Metrics(insights::stats);
    }

    Metrics metrics() {
        return metrics;
    }

    /** A configured, not yet started server. */
    public Javalin create() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.startupWatcherEnabled = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = ServerSettings.MAX_BODY_BYTES;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setRequestHeaderSize(ServerSettings.MAX_HEADER_BYTES);
                http.setSendServerVersion(false);
            });
            config.jetty.modifyServer(server -> {
                // without a GracefulHandler Jetty's stop aborts requests in flight; with it, stop
                // closes the listener, then waits up to the grace period for them to finish
                // (Javalin nests its own handler inside a wrapper it finds here)
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(settings.shutdownGraceMillis());
                server.setErrorHandler(new JsonErrorHandler());
            });
            config.requestLogger.http((ctx, millis) -> logRequest(ctx, millis));
            CorsRules.apply(config, settings.corsOrigins());

            config.routes.before(ctx -> {
                securityHeaders(ctx);
                rateLimit(ctx);
            });
            apiRoutes(config, ServicePaths.API, false);
            apiRoutes(config, ServicePaths.LEGACY_API, true);
            config.routes.get(ServicePaths.PREFIX + "openapi.json", ctx -> asset(ctx, "", "openapi.json"));
            for (String base : List.of(ServicePaths.PREFIX, "/")) {
                config.routes.get(
                        base + "healthz",
                        ctx -> ctx.json(new Health(
                                reindexing == null
                                        ? search.status()
                                        : search.status().withProblems(reindexing.lastProblems()),
                                insights.health())));
                config.routes.get(
                        base + "metrics",
                        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(metrics.render(indexGauges())));
                config.routes.get(base + "widget.js", ctx -> asset(ctx, "", "widget.js"));
            }
            config.routes.get(
                    ServicePaths.PREFIX + "assets/{name}", ctx -> asset(ctx, "assets", ctx.pathParam("name")));
            config.routes.post(ServicePaths.API + "/insights/click", this::clickEndpoint);
            config.routes.post(ServicePaths.API + "/insights/feedback", this::feedbackEndpoint);
            config.routes.get(ServicePaths.PREFIX + "insights", this::insightsPage);
            config.routes.get(ServicePaths.PREFIX + "insights.csv", this::insightsCsv);
            config.routes.get("/", ctx -> asset(ctx, "", "index.html"));
            // last, so that every route above wins; the indexer refuses articles on their paths
            config.routes.get("/<path>", this::page);
            config.routes.head("/<path>", this::page);

            config.routes.exception(
                    InvalidRequestException.class,
                    (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(ApiError.of(e.code(), e.getMessage())));
            config.routes.exception(
                    ApiException.class, (e, ctx) -> ctx.status(e.status).json(ApiError.of(e.code, e.getMessage())));
            config.routes.exception(HttpResponseException.class, this::httpError);
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .json(ApiError.of("internal_error", "the server could not answer this request"));
            });
        });
    }

    /** The public API only: pages, health checks, metrics and the token-guarded admin endpoint are not limited. */
    private void rateLimit(Context ctx) {
        if (rateLimiter == null || !isPublicApi(ctx.path())) {
            return;
        }
        RateLimiter.Decision decision = rateLimiter.acquire(ctx.ip(), System.nanoTime());
        if (!decision.allowed()) {
            ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
            throw new ApiException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate_limited",
                    "too many requests from this address; at most " + settings.rateLimit() + " a second");
        }
    }

    /** The query endpoints, versioned or not; article pages under /api/ are pages, not API. */
    private static boolean isPublicApi(String path) {
        if (path.startsWith(ServicePaths.API + "/")) {
            return !path.startsWith(ServicePaths.API + "/admin/");
        }
        return path.startsWith("/api/articles/")
                || path.equals("/api/search")
                || path.equals("/api/answer")
                || path.equals("/api/suggest");
    }

    private Metrics.IndexGauges indexGauges() {
        var status = search.status();
        double age = Duration.between(Instant.parse(status.indexedAt()), Instant.now())
                        .toMillis()
                / 1000.0;
        return new Metrics.IndexGauges(
                status.articles(),
                status.sections(),
                search.indexBytes(),
                age,
                status.indexVersion(),
                status.semantic(),
                status.mode(),
                search.queryVectorStats());
    }

    /**
     * The JSON API under {@code base}. The unversioned paths of earlier releases answer exactly as
     * the versioned ones, marked deprecated, so that integrations keep working while they move.
     */
    private void apiRoutes(JavalinConfig config, String base, boolean legacy) {
        String relatedPath = legacy ? base + "/articles/<path>/related" : base + "/related/<path>";
        config.routes.get(base + "/search", deprecated(legacy, "/search", this::searchEndpoint));
        config.routes.get(base + "/answer", deprecated(legacy, "/answer", ctx -> {
            Params.of(ctx).allow("q");
            AnswerResult result = search.answer(requiredQuery(ctx));
            ctx.attribute(HITS, result.answer() != null ? 1 : result.hits().size());
            List<String> urls = result.answer() != null
                    ? List.of(result.answer().url())
                    : result.hits().stream().map(h -> h.url()).toList();
            var queryId = insights.search(
                    new InsightEvent.Answered(
                            result.query(),
                            search.status().mode(),
                            Source.IN_APP,
                            urls.size(),
                            urls,
                            0,
                            result.answer() == null ? null : result.answer().confidence(),
                            result.answer() != null,
                            result.tookMs()),
                    null);
            ctx.json(queryId.isPresent() ? new TrackedAnswer(result, queryId.get()) : result);
        }));
        config.routes.get(base + "/suggest", deprecated(legacy, "/suggest", ctx -> {
            Params.of(ctx).allow("q");
            var suggestions = search.suggest(requiredQuery(ctx));
            ctx.attribute(HITS, suggestions.size());
            ctx.json(new Suggestions(ctx.queryParam("q"), suggestions));
        }));
        // registered before the article route, whose <path> would otherwise swallow "/related"
        config.routes.get(relatedPath, deprecated(legacy, "/related/{path}", ctx -> {
            Params.of(ctx).allow("limit");
            int limit = intParam(ctx, "limit", 5, 1, SearchRequest.MAX_LIMIT, "invalid_limit");
            String path = "/" + trimSlashes(ctx.pathParam("path"));
            var related = search.related(path, limit)
                    .orElseThrow(
                            () -> new ApiException(HttpStatus.NOT_FOUND, "unknown_article", "no article at " + path));
            ctx.json(new Related(path, related));
        }));
        config.routes.get(base + "/articles/<path>", deprecated(legacy, "/articles/{path}", ctx -> {
            Params.of(ctx).allow();
            String path = "/" + trimSlashes(ctx.pathParam("path"));
            ctx.json(search.article(path)
                    .orElseThrow(
                            () -> new ApiException(HttpStatus.NOT_FOUND, "unknown_article", "no article at " + path)));
        }));
        config.routes.post(base + "/admin/reindex", deprecated(legacy, "/admin/reindex", this::reindexEndpoint));
    }

    /** For the unversioned paths: RFC 9745's Deprecation header and a link to the versioned route. */
    private static Handler deprecated(boolean legacy, String route, Handler handler) {
        if (!legacy) {
            return handler;
        }
        return ctx -> {
            ctx.header("Deprecation", "true");
            ctx.header("Link", "<" + successor(ctx.path(), route) + ">; rel=\"successor-version\"");
            handler.handle(ctx);
        };
    }

    /** The versioned path answering what the unversioned {@code path} asks (of the given route). */
    private static String successor(String path, String route) {
        String rest = path.substring(ServicePaths.LEGACY_API.length());
        if (route.startsWith("/related/") && rest.startsWith("/articles/") && rest.endsWith("/related")) {
            rest = "/related/" + rest.substring("/articles/".length(), rest.length() - "/related".length());
        }
        return ServicePaths.API + rest;
    }

    /** An article's own page, or the page saying there is none. */
    private void page(Context ctx) {
        String path = "/" + trimSlashes(ctx.path());
        if (ServicePaths.collision(path).isPresent()) {
            // under /_/ (or a retired API path) nothing is a page: an unknown route gets the JSON 404
            throw new NotFoundResponse();
        }
        var page = search.article(path);
        ctx.contentType("text/html; charset=utf-8");
        if (page.isPresent()) {
            ctx.result(ArticlePageRenderer.render(page.get(), insights.enabled()));
            return;
        }
        var target = search.redirect(path);
        if (target.isPresent() && Redirects.allowed(target.get(), settings.redirectHosts())) {
            ctx.status(HttpStatus.MOVED_PERMANENTLY).header("Location", target.get());
            return;
        }
        if (target.isPresent()) {
            // an open redirect would lend this site's name to any link an editor pasted
            LOG.warn("refused the redirect of {} to {}: not a host given with --redirect-host", path, target.get());
        }
        ctx.status(HttpStatus.NOT_FOUND).result(ArticlePageRenderer.notFound(path));
    }

    private void asset(Context ctx, String folder, String name) {
        WebAssets.Asset asset = assets.get(folder, name).orElseThrow(NotFoundResponse::new);
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private void searchEndpoint(Context ctx) {
        Params.of(ctx)
                .allow(
                        Set.of("category", "facets"),
                        "q",
                        "limit",
                        "offset",
                        "page",
                        "category",
                        "facets",
                        "source",
                        "prev");
        Source source = sourceParam(ctx);
        int limit = intParam(ctx, "limit", SearchRequest.DEFAULT_LIMIT, 1, SearchRequest.MAX_LIMIT, "invalid_limit");
        int offset = intParam(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET, "invalid_offset");
        if (ctx.queryParam("page") != null) {
            if (ctx.queryParam("offset") != null) {
                throw new InvalidRequestException("invalid_page", "give page or offset, not both");
            }
            int page = intParam(ctx, "page", 1, 1, SearchRequest.MAX_OFFSET / limit + 1, "invalid_page");
            offset = (page - 1) * limit;
        }
        Set<String> facets = new LinkedHashSet<>();
        for (String value : ctx.queryParams("facets")) {
            // facets=category,tags as Algolia and Meilisearch spell it, or the parameter repeated
            for (String name : value.split(",", -1)) {
                facets.add(name.strip());
            }
        }
        SearchRequest request =
                new SearchRequest(requiredQuery(ctx), limit, offset, ctx.queryParams("category"), facets);
        SearchResults results = search.search(request);
        ctx.attribute(HITS, results.hits().size());
        var queryId = insights.search(
                new InsightEvent.Answered(
                        results.query(),
                        search.status().mode(),
                        source,
                        results.total(),
                        results.hits().stream().map(h -> h.url()).toList(),
                        offset,
                        null,
                        false,
                        results.tookMs()),
                ctx.queryParam("prev"));
        ctx.json(queryId.isPresent() ? new TrackedSearch(results, queryId.get()) : results);
    }

    /** Who searched: the search page and the widget say so; anything else is an API client. */
    private static Source sourceParam(Context ctx) {
        String raw = ctx.queryParam("source");
        if (raw == null) {
            return Source.API;
        }
        return Source.of(raw.strip())
                .filter(s -> s != Source.IN_APP)
                .orElseThrow(() -> new InvalidRequestException(
                        "invalid_source", "source must be page, widget or api (in-app lookups use /answer)"));
    }

    /** POST /_/v1/insights/click: {"queryId", "url", "position"} from navigator.sendBeacon, as text/plain or JSON. */
    private void clickEndpoint(Context ctx) {
        JsonNode body = eventBody(ctx, "queryId", "url", "position");
        String queryId = text(body, "queryId");
        String url = text(body, "url");
        JsonNode position = body.get("position");
        if (position == null || !position.canConvertToInt() || !position.isIntegralNumber() || position.asInt() < 1) {
            throw new InvalidRequestException(
                    "invalid_position", "position must be the hit's 1-based rank, a whole number from 1");
        }
        switch (insights.click(queryId, url, position.asInt())) {
            case UNKNOWN_QUERY ->
                throw new InvalidRequestException(
                        "unknown_query_id",
                        "queryId is not the id of a recent search; send the queryId the search answered with");
            case UNKNOWN_URL -> throw new InvalidRequestException("unknown_url", "url is not among that search's hits");
            case WRONG_POSITION ->
                throw new InvalidRequestException("invalid_position", "position is not that hit's rank in that search");
            default -> ctx.status(HttpStatus.NO_CONTENT);
        }
    }

    /** POST /_/v1/insights/feedback: {"path", "helpful"} from an article page's "Was this helpful?". */
    private void feedbackEndpoint(Context ctx) {
        JsonNode body = eventBody(ctx, "path", "helpful");
        String path = text(body, "path");
        JsonNode helpful = body.get("helpful");
        if (helpful == null || !helpful.isBoolean()) {
            throw new InvalidRequestException("invalid_helpful", "helpful must be true or false");
        }
        if (path.length() > 1_000
                || !path.startsWith("/")
                || search.article(path).isEmpty()) {
            throw new InvalidRequestException("unknown_article", "path is not the path of an article");
        }
        insights.feedback(path, helpful.asBoolean());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** The event's JSON object, refused when insights are off, the sender floods, or the body is not what is expected. */
    private JsonNode eventBody(Context ctx, String... fields) {
        Params.of(ctx).allow();
        if (!insights.enabled()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "insights_off", "this server does not record search insights");
        }
        RateLimiter.Decision decision = eventLimiter.acquire(ctx.ip(), System.nanoTime());
        if (!decision.allowed()) {
            ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
            throw new ApiException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate_limited",
                    "too many events from this address; at most " + EVENTS_PER_SECOND + " a second");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_EVENT_BYTES) {
            throw new ApiException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "request_too_large",
                    "an event is at most " + MAX_EVENT_BYTES + " bytes");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidRequestException("invalid_json", "the body must be a JSON object");
        }
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("invalid_json", "the body must be a JSON object");
        }
        List<String> known = List.of(fields);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidRequestException(
                        "unknown_field",
                        "unknown field \"" + name + "\": this event takes " + String.join(", ", known));
            }
        }
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidRequestException(
                    "invalid_" + field.toLowerCase(Locale.ROOT), field + " must be a non-empty string");
        }
        return value.asText();
    }

    /** GET /_/insights: the editors' page, behind the admin token (as a bearer token, or a browser's basic-auth password). */
    private void insightsPage(Context ctx) throws SQLException {
        Params.of(ctx).allow("days");
        if (!adminAuthorized(ctx, true)) {
            return;
        }
        int days = intParam(ctx, "days", 30, 1, MAX_DAYS, "invalid_days");
        Instant to = Instant.now();
        InsightsReport report = reports.report(to.minus(Duration.ofDays(days)), to);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8")
                .result(InsightsPageRenderer.render(report, days, insights.health()));
    }

    /** GET /_/insights.csv?table=queries|gaps|articles: the same period's numbers for a spreadsheet. */
    private void insightsCsv(Context ctx) throws SQLException {
        Params.of(ctx).allow("days", "table");
        if (!adminAuthorized(ctx, true)) {
            return;
        }
        int days = intParam(ctx, "days", 30, 1, MAX_DAYS, "invalid_days");
        String tableName = ctx.queryParam("table") == null
                ? "queries"
                : ctx.queryParam("table").strip();
        InsightsCsv.Table table = switch (tableName) {
            case "queries" -> InsightsCsv.Table.QUERIES;
            case "gaps" -> InsightsCsv.Table.GAPS;
            case "articles" -> InsightsCsv.Table.ARTICLES;
            default -> throw new InvalidRequestException("invalid_table", "table must be queries, gaps or articles");
        };
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofDays(days));
        String csv = switch (table) {
            case QUERIES -> InsightsCsv.queries(reports.allQueries(from, to));
            case GAPS -> InsightsCsv.gaps(reports.report(from, to).gaps());
            case ARTICLES -> InsightsCsv.articles(reports.report(from, to).helpfulness());
        };
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"helpsearch-" + tableName + "-" + days + "d.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv);
    }

    /**
     * Whether the request carries the admin token; if not, answers it (403 when admin endpoints
     * are off, 401 otherwise). A browser cannot send a bearer token when following a link, so
     * {@code basic} pages also take it as the password of HTTP basic auth (any user name).
     */
    private boolean adminAuthorized(Context ctx, boolean basic) {
        if (settings.adminToken() == null) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "admin_disabled",
                    "admin endpoints are disabled; start the server with --admin-token to enable them");
        }
        if (basic && reports == null) {
            throw new ApiException(
                    HttpStatus.NOT_FOUND,
                    "insights_off",
                    "this server does not record search insights; start it with --insights on");
        }
        String header = ctx.header("Authorization");
        String presented = "";
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = header.substring(7).strip();
        } else if (basic && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                presented = pair.substring(pair.indexOf(':') + 1);
            } catch (IllegalArgumentException e) {
                presented = "";
            }
        }
        if (MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8),
                settings.adminToken().getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        ctx.header("WWW-Authenticate", basic ? "Basic realm=\"helpsearch insights\", charset=\"UTF-8\"" : "Bearer");
        ctx.status(HttpStatus.UNAUTHORIZED).json(ApiError.of("unauthorized", "a valid bearer token is required"));
        return false;
    }

    private void reindexEndpoint(Context ctx) throws IOException {
        if (reindexing == null) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "admin_disabled",
                    "admin endpoints are disabled; start the server with --admin-token to enable them");
        }
        if (!adminAuthorized(ctx, false)) {
            return;
        }
        Reindexing.Outcome outcome = reindexing.reindex();
        if (!outcome.replaced()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(ApiError.invalidArticles(outcome.problems()));
            return;
        }
        ctx.json(new Reindexed(outcome.articles(), outcome.sections(), outcome.version(), outcome.millis()));
    }

    /** Unknown routes, 405 and Jetty's own size errors, always with a JSON body. */
    private void httpError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (e instanceof MethodNotAllowedResponse notAllowed) {
            ctx.header("Allow", notAllowed.getDetails().getOrDefault("availableMethods", "GET"));
            ctx.status(status)
                    .json(ApiError.of("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
            return;
        }
        String code = switch (status) {
            case 404 -> "not_found";
            case 413 -> "request_too_large";
            default -> "http_" + status;
        };
        String message = status == 404 ? "no such endpoint: " + ctx.method() + " " + ctx.path() : e.getMessage();
        ctx.status(status).json(ApiError.of(code, message));
    }

    private static String requiredQuery(Context ctx) {
        return SearchRequest.checkedQuery(ctx.queryParam("q"));
    }

    /** A whole-number parameter by Javalin's validator, its failure reported in the API's own error format. */
    private static int intParam(Context ctx, String name, int fallback, int min, int max, String code) {
        String range = name + " must be a whole number from " + min + " to " + max;
        try {
            return ctx.queryParamAsClass(name, Integer.class)
                    // the check runs on an absent parameter too, which takes the fallback
                    .check(value -> value == null || (value >= min && value <= max), range)
                    .getOrDefault(fallback);
        } catch (ValidationException e) {
            throw new InvalidRequestException(code, range);
        }
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
                        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'");
    }

    /** One line per request. The path only, never the query string or headers: queries and tokens stay out of logs. */
    private void logRequest(Context ctx, Float millis) {
        Integer hits = ctx.attribute(HITS);
        metrics.record(ctx.path(), ctx.statusCode(), millis, hits);
        REQUESTS.info(
                "method={} path={} status={} ms={}{}",
                ctx.method(),
                ctx.path(),
                ctx.statusCode(),
                String.format(Locale.ROOT, "%.2f", millis),
                hits == null ? "" : " hits=" + hits);
    }

    record Suggestions(String query, List<Suggestion> suggestions) {}

    record Related(String path, List<RelatedArticle> related) {}

    record Reindexed(int articles, int sections, long indexVersion, long tookMs) {}

    /** A search's answer with the query id that ties clicks on its hits to it. */
    record TrackedSearch(@JsonUnwrapped SearchResults results, String queryId) {}

    record TrackedAnswer(@JsonUnwrapped AnswerResult result, String queryId) {}

    /** What /healthz says: the index being served, and whether search insights are being recorded. */
    record Health(@JsonUnwrapped IndexStatus index, InsightsRecorder.Health insights) {}

    /** A refusal with its own status: unknown article (404), disabled admin endpoint (403). */
    private static final class ApiException extends RuntimeException {
        final HttpStatus status;
        final String code;

        ApiException(HttpStatus status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
