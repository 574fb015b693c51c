package dev.helpsearch.http;

import dev.helpsearch.article.ServicePaths;
import io.javalin.config.JavalinConfig;
import java.util.List;

/**
 * Cross-origin access through Javalin's bundled CORS plugin. The API answers the configured
 * origins only (the help center's site, the desktop app), or any origin with {@code *}: it is
 * public, read-only and takes no credentials, so any origin may read it when the operator says
 * so. Other origins get no CORS headers (and a 400 from the plugin), so browsers keep them out.
 */
final class CorsRules {

    private static final int MAX_AGE_SECONDS = 600;

    private CorsRules() {}

    static void apply(JavalinConfig config, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        config.bundledPlugins.enableCors(cors -> {
            // Rules by path, because the plugin answers 400 to an Origin it does not allow, and the
            // search page's own module scripts carry its origin: only the API is restricted.
            for (String api : List.of(ServicePaths.API + "/*", ServicePaths.LEGACY_API + "/*")) {
                cors.addRule(rule -> {
                    rule.path = api;
                    rule.maxAge = MAX_AGE_SECONDS;
                    if (origins.contains("*")) {
                        rule.anyHost();
                    } else {
                        rule.allowHost(
                                origins.get(0),
                                origins.subList(1, origins.size()).toArray(String[]::new));
                    }
                });
            }
            // The widget's script and its modules and styles, loaded by the pages of those origins:
            // public static files, readable from anywhere, the search page's own origin included.
            for (String path :
                    List.of("/widget.js", ServicePaths.PREFIX + "widget.js", ServicePaths.PREFIX + "assets/*")) {
                cors.addRule(rule -> {
                    rule.path = path;
                    rule.maxAge = MAX_AGE_SECONDS;
                    rule.anyHost();
                });
            }
        });
    }
}
