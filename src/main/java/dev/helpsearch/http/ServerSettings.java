package dev.helpsearch.http;

import java.util.List;

/**
 * How the server is exposed.
 *
 * @param corsOrigins         origins allowed to call the API from a browser, e.g. https://help.example.com
 * @param adminToken          bearer token for admin endpoints; null disables them
 * @param shutdownGraceMillis how long in-flight requests may finish on shutdown
 * @param rateLimit           requests a second each client address may make to the public API; 0 for no limit
 * @param redirectHosts       other sites that redirect pages may forward to; paths on this site always may
 */
public record ServerSettings(
        List<String> corsOrigins,
        String adminToken,
        long shutdownGraceMillis,
        int rateLimit,
        List<String> redirectHosts) {

    /** Request line plus headers; far more than any browser sends, far less than an abuser would like. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The API takes no bodies; the admin endpoint needs none either. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    public ServerSettings {
        corsOrigins = corsOrigins.stream()
                .map(o -> o.strip().replaceAll("/+$", ""))
                .filter(o -> !o.isEmpty())
                .toList();
        if (adminToken != null && adminToken.isBlank()) {
            adminToken = null;
        }
        redirectHosts = redirectHosts == null
                ? List.of()
                : redirectHosts.stream()
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .toList();
        if (rateLimit < 0) {
            throw new IllegalArgumentException(
                    "the rate limit must be 0 (off) or a number of requests a second, not " + rateLimit);
        }
    }

    public ServerSettings(List<String> corsOrigins, String adminToken, long shutdownGraceMillis) {
        this(corsOrigins, adminToken, shutdownGraceMillis, 0);
    }

    public ServerSettings(List<String> corsOrigins, String adminToken, long shutdownGraceMillis, int rateLimit) {
        this(corsOrigins, adminToken, shutdownGraceMillis, rateLimit, List.of());
    }
}
