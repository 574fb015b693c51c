package dev.helpsearch.http;

import io.javalin.http.Context;
import java.util.Set;

/**
 * Cross-origin access for the configured origins only (the help center's site, the desktop app).
 * Other origins get no CORS headers, so browsers keep them out; nothing else about the response
 * changes.
 */
final class Cors {

    private Cors() {
    }

    static void apply(Context ctx, Set<String> allowed) {
        String origin = ctx.header("Origin");
        if (origin == null || !allowed.contains(origin)) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
    }

    static boolean isAllowed(Context ctx, Set<String> allowed) {
        String origin = ctx.header("Origin");
        return origin != null && allowed.contains(origin);
    }
}
