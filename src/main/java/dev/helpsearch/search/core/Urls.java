package dev.helpsearch.search.core;

/**
 * Where hits point: relative ({@code /path#anchor}) by default, or absolute on the help center's
 * own site when one is configured, so results can link straight to the live pages.
 */
public record Urls(String siteUrl) {

    public Urls {
        if (siteUrl != null) {
            siteUrl = siteUrl.strip();
            while (siteUrl.endsWith("/")) {
                siteUrl = siteUrl.substring(0, siteUrl.length() - 1);
            }
            if (siteUrl.isEmpty()) {
                siteUrl = null;
            }
        }
    }

    public static Urls relative() {
        return new Urls(null);
    }

    public String of(String relative) {
        return siteUrl == null ? relative : siteUrl + relative;
    }
}
