package dev.helpsearch.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The search page's and the widget's files from {@code /web} on the classpath. Served by routes
 * of their own rather than Javalin's static files, which answer only when no route matches and
 * would therefore lose to the article pages' catch-all route.
 */
final class WebAssets {

    /**
     * Flat names only: no dot segments, slashes or escapes can get through, so no request can
     * reach a resource outside the folder.
     */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(css|js|svg|html|json)");

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "html", "text/html; charset=utf-8",
            "json", "application/json");

    record Asset(String contentType, byte[] bytes) {}

    private final Map<String, Optional<Asset>> loaded = new ConcurrentHashMap<>();

    /** The file {@code name} of {@code /web/folder}, folder "" for the top. */
    Optional<Asset> get(String folder, String name) {
        if (!NAME.matcher(name).matches() || !(folder.isEmpty() || folder.equals("assets"))) {
            return Optional.empty();
        }
        String resource = "/web/" + (folder.isEmpty() ? "" : folder + "/") + name;
        return loaded.computeIfAbsent(resource, WebAssets::load);
    }

    private static Optional<Asset> load(String resource) {
        try (InputStream in = WebAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            return Optional.of(new Asset(TYPES.get(extension), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
