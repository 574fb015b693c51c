package dev.helpsearch.http;

import dev.helpsearch.article.markdown.Heading;
import dev.helpsearch.search.ArticlePage;
import dev.helpsearch.search.core.RelatedArticle;
import dev.helpsearch.search.results.Html;

/**
 * An article as a web page: the rendered body with its anchors, a table of contents, related
 * articles and a search box. All text is escaped; the body is HTML the indexer already sanitised.
 */
final class ArticlePageRenderer {

    private static final String HEAD_LINKS = """
            <meta name="color-scheme" content="light dark">
            <link rel="icon" href="/_/assets/icon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/_/assets/help.css">
            """;

    private static final String BRAND = "<a class=\"brand\" href=\"/\"><span class=\"brand-mark\" aria-hidden=\"true\">"
            + "<svg viewBox=\"0 0 24 24\"><circle cx=\"11\" cy=\"11\" r=\"6.5\"/><path d=\"m20 20-4.2-4.2\"/></svg></span>"
            + "<span class=\"brand-name\">Help Center</span></a>\n";

    private ArticlePageRenderer() {}

    static String render(ArticlePage page) {
        return render(page, false);
    }

    /** @param feedback whether to ask "Was this helpful?" (only when the server records the answers) */
    static String render(ArticlePage page, boolean feedback) {
        StringBuilder html = new StringBuilder(page.html().length() + 4096);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(Html.escape(page.title()))
                .append(" \u00b7 Help Center</title>\n")
                .append("<meta name=\"description\" content=\"")
                .append(Html.escape(page.description()))
                .append("\">\n")
                .append(HEAD_LINKS)
                .append("<script type=\"module\" src=\"/_/assets/article.js\"></script>\n")
                .append("</head>\n<body class=\"article-page\">\n");
        header(html);
        html.append("<main class=\"article-layout\">\n");
        toc(html, page);
        html.append("<article class=\"article\">\n<p class=\"breadcrumb\"><a href=\"/\">Help Center</a>");
        if (page.category() != null && !page.category().isEmpty()) {
            html.append(" <span aria-hidden=\"true\">\u203a</span> ").append(Html.escape(humanize(page.category())));
        }
        html.append("</p>\n");
        if (!page.html().stripLeading().startsWith("<h1")) {
            html.append("<h1>").append(Html.escape(page.title())).append("</h1>\n");
        }
        if (!page.description().isEmpty()) {
            html.append("<p class=\"lead\">")
                    .append(Html.escape(page.description()))
                    .append("</p>\n");
        }
        if (page.updatedAt() != null) {
            html.append("<p class=\"meta\">Updated <time datetime=\"")
                    .append(Html.escape(page.updatedAt()))
                    .append("\">")
                    .append(Html.escape(page.updatedAt()))
                    .append("</time></p>\n");
        }
        html.append("<div class=\"article-body\">\n").append(page.html()).append("</div>\n");
        related(html, page);
        if (feedback) {
            html.append("<aside class=\"helpful\" data-helpful-path=\"")
                    .append(Html.escape(page.path()))
                    .append(
                            "\" aria-labelledby=\"helpful-title\" hidden>\n<p id=\"helpful-title\">Was this helpful?</p>")
                    .append(
                            "<button type=\"button\" data-helpful=\"yes\">Yes</button><button type=\"button\" data-helpful=\"no\">No</button>")
                    .append("<p class=\"helpful-thanks\" role=\"status\"></p>\n</aside>\n");
        }
        html.append("</article>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static String notFound(String path) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Page not found \u00b7 Help Center</title>\n")
                .append(HEAD_LINKS)
                .append("<script type=\"module\" src=\"/_/assets/article.js\"></script>\n")
                .append("</head>\n<body class=\"article-page\">\n");
        header(html);
        html.append("<main class=\"article-layout\"><article class=\"article\">\n<h1>Page not found</h1>\n")
                .append("<p class=\"lead\">There is no help article at <code>")
                .append(Html.escape(path))
                .append("</code>.</p>\n")
                .append("<p><a href=\"/\">Search the help center</a> for what you need.</p>\n")
                .append("</article></main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html) {
        html.append("<header class=\"site-header\">\n")
                .append(BRAND)
                .append("<form class=\"header-search\" action=\"/\" method=\"get\" role=\"search\">")
                .append(
                        "<input type=\"search\" name=\"q\" placeholder=\"Search help\" aria-label=\"Search help\" aria-keyshortcuts=\"/ Control+K Meta+K\" autocomplete=\"off\">")
                .append("</form>\n</header>\n");
    }

    private static void toc(StringBuilder html, ArticlePage page) {
        boolean any = page.toc().stream().anyMatch(h -> h.depth() == 2 || h.depth() == 3);
        if (!any) {
            return;
        }
        html.append("<nav class=\"toc\" aria-label=\"On this page\">\n<p class=\"toc-title\">On this page</p>\n<ul>\n");
        for (Heading heading : page.toc()) {
            if ((heading.depth() == 2 || heading.depth() == 3) && !heading.id().isEmpty()) {
                html.append("<li class=\"toc-h")
                        .append(heading.depth())
                        .append("\"><a href=\"#")
                        .append(Html.escape(heading.id()))
                        .append("\">")
                        .append(Html.escape(heading.text().strip()))
                        .append("</a></li>\n");
            }
        }
        html.append("</ul>\n</nav>\n");
    }

    private static void related(StringBuilder html, ArticlePage page) {
        if (page.related().isEmpty()) {
            return;
        }
        html.append(
                "<section class=\"related\" aria-labelledby=\"related-title\">\n<h2 id=\"related-title\">Related articles</h2>\n<ul>\n");
        for (RelatedArticle related : page.related()) {
            html.append("<li><a href=\"")
                    .append(Html.escape(related.url()))
                    .append("\">")
                    .append(Html.escape(related.title()))
                    .append("</a>");
            if (related.description() != null && !related.description().isEmpty()) {
                html.append("<p>").append(Html.escape(related.description())).append("</p>");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static String humanize(String category) {
        String spaced = category.replace('-', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
