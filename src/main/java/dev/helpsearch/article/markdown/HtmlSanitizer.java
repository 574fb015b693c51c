package dev.helpsearch.article.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes rendered article HTML safe to serve: articles may hold raw HTML, and an article containing
 * {@code <img src=x onerror=...>} or {@code <script>} must execute nothing in a reader's browser.
 * Formatting, links, code, tables, ids and classes survive; scripts, handlers and styles do not.
 */
final class HtmlSanitizer {

    /** Relative links and in-page anchors are kept as written; jsoup only needs a base to accept them. */
    private static final String BASE = "https://help.invalid/";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags(
                    "kbd",
                    "mark",
                    "details",
                    "summary",
                    "del",
                    "s",
                    "hr",
                    "input",
                    "section",
                    "abbr",
                    "figure",
                    "figcaption")
            .addAttributes(":all", "id", "class", "role", "title", "lang")
            .addAttributes("input", "type", "checked", "disabled")
            .addAttributes("ol", "start")
            .addProtocols("a", "href", "http", "https", "mailto", "#")
            .preserveRelativeLinks(true);

    private HtmlSanitizer() {}

    static String clean(String html) {
        return clean(parse(html));
    }

    /** A fragment parsed the way {@link #clean(Document)} expects it, for callers that adjust it first. */
    static Document parse(String html) {
        return Jsoup.parseBodyFragment(html, BASE);
    }

    static String clean(Document dirty) {
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
