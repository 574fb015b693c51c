package dev.helpsearch.http;

import dev.helpsearch.insights.ContentGaps;
import dev.helpsearch.insights.InsightsRecorder;
import dev.helpsearch.insights.InsightsReport;
import dev.helpsearch.search.results.Html;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The insights page for the help center's editors: plain HTML rendered on the server, no script.
 * Everything in it came from people typing into a search box, so every value is escaped.
 */
final class InsightsPageRenderer {

    private static final List<Integer> PERIODS = List.of(1, 7, 30, 90, 365);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private InsightsPageRenderer() {}

    static String render(InsightsReport report, int days, InsightsRecorder.Health health) {
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>Search insights \u00b7 Help Center</title>\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<link rel=\"icon\" href=\"/_/assets/icon.svg\" type=\"image/svg+xml\">\n")
                .append("<link rel=\"stylesheet\" href=\"/_/assets/help.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"/_/assets/insights.css\">\n")
                .append(
                        "</head>\n<body class=\"insights-page\">\n<main class=\"insights\">\n<h1>Search insights</h1>\n");
        html.append(
                        "<form class=\"insights-period\" method=\"get\" action=\"/_/insights\"><label for=\"days\">Period</label> ")
                .append("<select id=\"days\" name=\"days\">");
        for (int period : PERIODS.contains(days) ? PERIODS : withDays(days)) {
            html.append("<option value=\"")
                    .append(period)
                    .append('"')
                    .append(period == days ? " selected" : "")
                    .append('>')
                    .append(period == 1 ? "last 24 hours" : "last " + period + " days")
                    .append("</option>");
        }
        html.append("</select> <button type=\"submit\">Show</button></form>\n");
        html.append("<p class=\"insights-range\">")
                .append(Html.escape(DAY.format(report.from())))
                .append(" to ")
                .append(Html.escape(DAY.format(report.to())))
                .append(". Export as CSV: ")
                .append(csvLink(days, "queries"))
                .append(", ")
                .append(csvLink(days, "gaps"))
                .append(", ")
                .append(csvLink(days, "articles"))
                .append(".</p>\n");
        if (!"ok".equals(health.state())) {
            html.append("<p class=\"insights-warning\" role=\"alert\">Recording is ")
                    .append(Html.escape(health.state()))
                    .append(": ")
                    .append(Html.escape(String.valueOf(health.reason())))
                    .append(". Searches are answered; new ones are not counted.</p>\n");
        }
        totals(html, report);
        gaps(html, report.gaps());
        problems(
                html,
                "no-results",
                "Searches with no results",
                "Nothing in the help center matched these.",
                report.noResults(),
                q -> q.zeroResults() + " of " + q.searches());
        problems(
                html,
                "no-clicks",
                "Results, but no clicks",
                "People saw hits on the search page or in the widget and opened none.",
                report.noClicks(),
                q -> Long.toString(q.clickable()));
        problems(
                html,
                "low-confidence",
                "In-app lookups without a confident answer",
                "The app asked; no section was sure enough to show.",
                report.lowConfidence(),
                q -> (q.lookups() - q.answered()) + " of " + q.lookups());
        topQueries(html, report.topQueries());
        helpfulness(html, report.helpfulness());
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static List<Integer> withDays(int days) {
        return java.util.stream.Stream.concat(PERIODS.stream(), java.util.stream.Stream.of(days))
                .sorted()
                .toList();
    }

    private static String csvLink(int days, String table) {
        return "<a href=\"/_/insights.csv?days=" + days + "&amp;table=" + table + "\" download>" + table + "</a>";
    }

    private static void totals(StringBuilder html, InsightsReport report) {
        InsightsReport.Totals t = report.totals();
        html.append("<section class=\"insights-totals\" aria-label=\"Summary\"><dl>\n");
        stat(html, "searches", "Searches", Long.toString(t.searches()));
        stat(
                html,
                "no-results",
                "No results",
                t.zeroResults() + " (" + percent(t.searches() == 0 ? 0 : (double) t.zeroResults() / t.searches())
                        + ")");
        stat(html, "ctr", "Click-through", percent(t.clickThrough()) + " of " + t.clickable());
        stat(
                html,
                "position",
                "Average click position",
                t.clicks() == 0 ? "\u2013" : String.format(Locale.ROOT, "%.1f", t.averagePosition()));
        stat(html, "answered", "In-app answers shown", t.answered() + " of " + t.lookups());
        StringBuilder sources = new StringBuilder();
        for (Map.Entry<String, Long> source : report.bySource().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .toList()) {
            sources.append(sources.isEmpty() ? "" : ", ")
                    .append(source.getKey().replace('_', '-'))
                    .append(' ')
                    .append(source.getValue());
        }
        stat(html, "sources", "By source", sources.toString());
        html.append("</dl></section>\n");
    }

    private static void stat(StringBuilder html, String id, String label, String value) {
        html.append("<div data-stat=\"")
                .append(id)
                .append("\"><dt>")
                .append(Html.escape(label))
                .append("</dt><dd>")
                .append(Html.escape(value))
                .append("</dd></div>\n");
    }

    private static void gaps(StringBuilder html, List<ContentGaps.Gap> gaps) {
        section(
                html,
                "gaps",
                "Content gaps",
                "Failing searches grouped by topic: what the help center does not answer yet.");
        if (gaps.isEmpty()) {
            html.append("<p class=\"insights-empty\">No failing searches in this period.</p>\n</section>\n");
            return;
        }
        html.append(
                "<table><thead><tr><th scope=\"col\">Topic</th><th scope=\"col\">Failed searches</th><th scope=\"col\">Variants</th></tr></thead><tbody>\n");
        for (ContentGaps.Gap gap : gaps.stream().limit(50).toList()) {
            html.append("<tr data-topic=\"")
                    .append(Html.escape(gap.label()))
                    .append("\"><td>")
                    .append(Html.escape(gap.label()))
                    .append("</td><td class=\"num\">")
                    .append(gap.searches())
                    .append("</td><td>");
            html.append("<ul class=\"insights-variants\">");
            for (String variant : gap.variants().stream().limit(12).toList()) {
                html.append("<li>").append(Html.escape(variant)).append("</li>");
            }
            if (gap.variants().size() > 12) {
                html.append("<li>and ").append(gap.variants().size() - 12).append(" more</li>");
            }
            html.append("</ul></td></tr>\n");
        }
        html.append("</tbody></table>\n</section>\n");
    }

    private static void problems(
            StringBuilder html,
            String id,
            String title,
            String intro,
            List<InsightsReport.Problem> problems,
            java.util.function.Function<InsightsReport.QueryStats, String> count) {
        section(html, id, title, intro);
        if (problems.isEmpty()) {
            html.append("<p class=\"insights-empty\">None in this period.</p>\n</section>\n");
            return;
        }
        html.append("<table><thead><tr><th scope=\"col\">Query</th><th scope=\"col\">Searches</th>")
                .append("<th scope=\"col\">What the search answers now</th></tr></thead><tbody>\n");
        for (InsightsReport.Problem problem : problems) {
            html.append("<tr data-query=\"")
                    .append(Html.escape(problem.stats().query()))
                    .append("\"><td class=\"query\">")
                    .append(Html.escape(problem.stats().query()))
                    .append("</td><td class=\"num\">")
                    .append(Html.escape(count.apply(problem.stats())))
                    .append("</td><td>");
            if (problem.bestHits().isEmpty()) {
                html.append("<span class=\"insights-none\">no results</span>");
            } else {
                html.append("<ol class=\"insights-hits\">");
                for (InsightsReport.BestHit hit : problem.bestHits()) {
                    String label = hit.heading() == null || hit.heading().isEmpty()
                            ? hit.title()
                            : hit.title() + " \u203a " + hit.heading();
                    html.append("<li><a href=\"")
                            .append(Html.escape(safeHref(hit.url())))
                            .append("\">")
                            .append(Html.escape(label))
                            .append("</a></li>");
                }
                html.append("</ol>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</section>\n");
    }

    private static void topQueries(StringBuilder html, List<InsightsReport.QueryStats> queries) {
        section(html, "top", "Top queries", "The most searched queries, with how often their hits were opened.");
        if (queries.isEmpty()) {
            html.append("<p class=\"insights-empty\">No searches in this period.</p>\n</section>\n");
            return;
        }
        html.append(
                        "<table><thead><tr><th scope=\"col\">Query</th><th scope=\"col\">Searches</th><th scope=\"col\">No results</th>")
                .append(
                        "<th scope=\"col\">Click-through</th><th scope=\"col\">Avg. click position</th></tr></thead><tbody>\n");
        for (InsightsReport.QueryStats q : queries) {
            html.append("<tr data-query=\"")
                    .append(Html.escape(q.query()))
                    .append("\"><td class=\"query\">")
                    .append(Html.escape(q.query()))
                    .append("</td><td class=\"num\">")
                    .append(q.searches())
                    .append("</td><td class=\"num\">")
                    .append(q.zeroResults())
                    .append("</td><td class=\"num ctr\">")
                    .append(q.clickable() == 0 ? "\u2013" : percent(q.clickThrough()))
                    .append("</td><td class=\"num position\">")
                    .append(q.clicks() == 0 ? "\u2013" : String.format(Locale.ROOT, "%.1f", q.averagePosition()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</section>\n");
    }

    private static void helpfulness(StringBuilder html, List<InsightsReport.ArticleRating> ratings) {
        section(html, "helpfulness", "Was this helpful?", "Answers on article pages, least helpful first.");
        if (ratings.isEmpty()) {
            html.append("<p class=\"insights-empty\">No ratings in this period.</p>\n</section>\n");
            return;
        }
        html.append(
                "<table><thead><tr><th scope=\"col\">Article</th><th scope=\"col\">Yes</th><th scope=\"col\">No</th></tr></thead><tbody>\n");
        for (InsightsReport.ArticleRating r : ratings.stream().limit(100).toList()) {
            html.append("<tr data-path=\"")
                    .append(Html.escape(r.path()))
                    .append("\"><td><a href=\"")
                    .append(Html.escape(safeHref(r.path())))
                    .append("\">")
                    .append(Html.escape(r.path()))
                    .append("</a></td><td class=\"num\">")
                    .append(r.helpful())
                    .append("</td><td class=\"num\">")
                    .append(r.notHelpful())
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</section>\n");
    }

    private static void section(StringBuilder html, String id, String title, String intro) {
        html.append("<section id=\"")
                .append(id)
                .append("\" class=\"insights-section\">\n<h2>")
                .append(Html.escape(title))
                .append("</h2>\n<p>")
                .append(Html.escape(intro))
                .append("</p>\n");
    }

    /** Hit urls are the index's own (a path, or the configured site); anything else is not linked. */
    private static String safeHref(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return url.startsWith("/") && !url.startsWith("//")
                        || lower.startsWith("https://")
                        || lower.startsWith("http://")
                ? url
                : "#";
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }
}
