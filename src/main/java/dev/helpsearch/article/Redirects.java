package dev.helpsearch.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a {@code redirect:} page may forward to. The indexer refuses what is never a safe
 * redirect (other schemes, protocol-relative {@code //host} paths that browsers read as another
 * site, relative paths, control characters); which other sites are trusted is the server's
 * decision ({@code serve --redirect-host}), so the same index can be served by differently
 * configured servers, and a server never forwards a reader to a site nobody vouched for.
 */
public final class Redirects {

    private Redirects() {}

    /** Why {@code target} can never be a redirect, if it cannot. */
    public static Optional<String> problem(String target) {
        String t = target == null ? "" : target.strip();
        if (t.isEmpty()) {
            return Optional.of("redirect is empty: give a path on this site (/guide/new-page) or an https:// URL");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c)) {
                return Optional.of("redirect " + quoted(t) + " contains a space, backslash or control character");
            }
        }
        if (t.startsWith("//")) {
            return Optional.of("redirect " + quoted(t) + " is read by browsers as another site; write https://"
                    + t.substring(2) + " or a path with one leading slash");
        }
        if (t.startsWith("/")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return Optional.of(
                "redirect " + quoted(t) + " must be a path on this site (/guide/new-page) or an http(s) URL");
    }

    /** Whether a server trusting {@code hosts} forwards to {@code target} (one {@link #problem} accepted). */
    public static boolean allowed(String target, Collection<String> hosts) {
        if (target.startsWith("/")) {
            return true;
        }
        String host = URI.create(target).getHost().toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(h -> h.strip().toLowerCase(Locale.ROOT).equals(host));
    }

    private static String quoted(String text) {
        return "\"" + (text.length() > 200 ? text.substring(0, 200) + "…" : text) + "\"";
    }
}
