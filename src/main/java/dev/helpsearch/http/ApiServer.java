package dev.helpsearch.http;

import dev.helpsearch.article.Redirects;
import dev.helpsearch.article.ServicePaths;
import dev.helpsearch.index.Reindexer;
import dev.helpsearch.search.HelpSearch;
import dev.helpsearch.search.InvalidRequestException;
import dev.helpsearch.search.RelatedArticle;
import dev.helpsearch.search.SearchRequest;
import dev.helpsearch.search.SearchResults;
import dev.helpsearch.search.Suggestion;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
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
    private final Reindexer reindexer;
    private final ServerSettings settings;
    private final Metrics metrics = new Metrics();
    private final RateLimiter rateLimiter;
    private final WebAssets assets = new WebAssets();

    public ApiServer(HelpSearch search, Reindexer reindexer, ServerSettings settings) {
        this.search = search;
        this.reindexer = reindexer;
        this.settings = settings;
        this.rateLimiter = settings.rateLimit() > 0 ? new RateLimiter(settings.rateLimit()) : null;
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
                config.routes.get(base + "healthz", ctx -> ctx.json(reindexer == null ? search.status() : search.status().withProblems(reindexer.lastProblems())));
                config.routes.get(base + "metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.render(indexGauges())));
                config.routes.get(base + "widget.js", ctx -> asset(ctx, "", "widget.js"));
            }
            config.routes.get(ServicePaths.PREFIX + "assets/{name}", ctx -> asset(ctx, "assets", ctx.pathParam("name")));
            benchConstant(config);
            config.routes.get("/", ctx -> asset(ctx, "", "index.html"));
            // last, so that every route above wins; the indexer refuses articles on their paths
            config.routes.get("/<path>", this::page);
            config.routes.head("/<path>", this::page);

            config.routes.exception(InvalidRequestException.class,
                    (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(ApiError.of(e.code(), e.getMessage())));
            config.routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status).json(ApiError.of(e.code, e.getMessage())));
            config.routes.exception(HttpResponseException.class, this::httpError);
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(ApiError.of("internal_error", "the server could not answer this request"));
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
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "too many requests from this address; at most " + settings.rateLimit() + " a second");
        }
    }

    /** The query endpoints, versioned or not; article pages under /api/ are pages, not API. */
    private static boolean isPublicApi(String path) {
        if (path.startsWith(ServicePaths.API + "/")) {
            return !path.startsWith(ServicePaths.API + "/admin/");
        }
        return path.startsWith("/api/articles/") || path.equals("/api/search") || path.equals("/api/answer")
                || path.equals("/api/suggest");
    }

    private Metrics.IndexGauges indexGauges() {
        var status = search.status();
        double age = Duration.between(Instant.parse(status.indexedAt()), Instant.now()).toMillis() / 1000.0;
        return new Metrics.IndexGauges(status.articles(), status.sections(), search.indexBytes(), age, status.indexVersion(),
                status.semantic(), status.mode());
    }

    /**
     * Only for bench/run, and only when started with -Dhelpsearch.bench.constant=FILE: GET
     * /bench/constant answers that file's JSON through the same server, routes, filters and logging
     * as the API but without searching, so that the benchmark can tell the cost of search from the
     * cost of HTTP on the machine (the ceiling the API is compared with). Read on every request, so
     * the benchmark can write it once the server is up, from a real answer of the same size.
     */
    private static void benchConstant(JavalinConfig config) {
        String file = System.getProperty("helpsearch.bench.constant");
        if (file == null || file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        config.routes.get("/bench/constant", ctx -> ctx.contentType("application/json").result(Files.readAllBytes(path)));
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
            var result = search.answer(requiredQuery(ctx));
            ctx.attribute(HITS, result.answer() != null ? 1 : result.hits().size());
            ctx.json(result);
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
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown_article", "no article at " + path));
            ctx.json(new Related(path, related));
        }));
        config.routes.get(base + "/articles/<path>", deprecated(legacy, "/articles/{path}", ctx -> {
            Params.of(ctx).allow();
            String path = "/" + trimSlashes(ctx.pathParam("path"));
            ctx.json(search.article(path).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown_article", "no article at " + path)));
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
            ctx.result(ArticlePageRenderer.render(page.get()));
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
        Params.of(ctx).allow(Set.of("category", "facets"), "q", "limit", "offset", "page", "category", "facets");
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
        SearchRequest request = new SearchRequest(requiredQuery(ctx), limit, offset, ctx.queryParams("category"), facets);
        SearchResults results = search.search(request);
        ctx.attribute(HITS, results.hits().size());
        ctx.json(results);
    }

    private void reindexEndpoint(Context ctx) throws IOException {
        if (settings.adminToken() == null || reindexer == null) {
            throw new ApiException(HttpStatus.FORBIDDEN, "admin_disabled", "admin endpoints are disabled; start the server with --admin-token to enable them");
        }
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), settings.adminToken().getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            ctx.status(HttpStatus.UNAUTHORIZED).json(ApiError.of("unauthorized", "a valid bearer token is required"));
            return;
        }
        Reindexer.Outcome outcome = reindexer.reindex();
        if (!outcome.replaced()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(ApiError.invalidArticles(outcome.problems()));
            return;
        }
        ctx.json(new Reindexed(outcome.metadata().articles(), outcome.metadata().sections(), outcome.metadata().version(),
                outcome.millis()));
    }

    /** Unknown routes, 405 and Jetty's own size errors, always with a JSON body. */
    private void httpError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (e instanceof MethodNotAllowedResponse notAllowed) {
            ctx.header("Allow", notAllowed.getDetails().getOrDefault("availableMethods", "GET"));
            ctx.status(status).json(ApiError.of("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
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

    private static int intParam(Context ctx, String name, int fallback, int min, int max, String code) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        throw new InvalidRequestException(code, name + " must be a whole number from " + min + " to " + max);
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
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'");
    }

    /** One line per request. The path only, never the query string or headers: queries and tokens stay out of logs. */
    private void logRequest(Context ctx, Float millis) {
        Integer hits = ctx.attribute(HITS);
        metrics.record(ctx.path(), ctx.statusCode(), millis, hits);
        REQUESTS.info("method={} path={} status={} ms={}{}", ctx.method(), ctx.path(), ctx.statusCode(),
                String.format(Locale.ROOT, "%.2f", millis), hits == null ? "" : " hits=" + hits);
    }

    record Suggestions(String query, List<Suggestion> suggestions) {
    }

    record Related(String path, List<RelatedArticle> related) {
    }

    record Reindexed(int articles, int sections, long indexVersion, long tookMs) {
    }

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
