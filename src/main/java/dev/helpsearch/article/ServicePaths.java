package dev.helpsearch.article;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The paths the service answers itself rather than with an article page. Everything the service
 * adds lives under {@link #PREFIX}, which no Nuxt Content site uses for pages; the few paths
 * outside it are kept for what cannot move (probes, scrapers, widget tags already pasted on other
 * sites, integrations of the unversioned API). The indexer refuses an article on any of them, so
 * a page is never silently hidden behind a route; the server registers its routes from the same
 * list, so the two cannot drift apart.
 */
public final class ServicePaths {

    /** Every route of the service's own starts here. */
    public static final String PREFIX = "/_/";
    /** The versioned JSON API. */
    public static final String API = "/_/v1";
    /** The unversioned API of earlier releases, still answered at these paths. */
    public static final String LEGACY_API = "/api";

    private static final Map<String, String> EXACT = new LinkedHashMap<>();
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        EXACT.put("/", "the search page");
        EXACT.put("/_", "the service's own routes (/_/)");
        EXACT.put("/healthz", "the health check");
        EXACT.put("/metrics", "the Prometheus metrics");
        EXACT.put("/widget.js", "the embeddable widget's script");
        EXACT.put("/api/search", "the unversioned search endpoint");
        EXACT.put("/api/answer", "the unversioned answer endpoint");
        EXACT.put("/api/suggest", "the unversioned suggest endpoint");
        PREFIXES.put(PREFIX, "the service's own routes (/_/)");
        PREFIXES.put("/api/articles/", "the unversioned article endpoint (/api/articles/...)");
        PREFIXES.put("/api/admin/", "the unversioned admin endpoint (/api/admin/...)");
    }

    private ServicePaths() {}

    /** What the service answers at {@code path} instead of a page, if anything. */
    public static Optional<String> collision(String path) {
        String exact = EXACT.get(path);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
            if (path.startsWith(prefix.getKey())) {
                return Optional.of(prefix.getValue());
            }
        }
        return Optional.empty();
    }
}
