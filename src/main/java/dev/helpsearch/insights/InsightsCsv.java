package dev.helpsearch.insights;

import java.util.List;
import java.util.Locale;

/**
 * The insights as CSV (RFC 4180) for a spreadsheet. A cell that starts like a formula is prefixed
 * with an apostrophe: a query typed as {@code =HYPERLINK(...)} must stay text when an editor opens
 * the file.
 */
public final class InsightsCsv {

    public enum Table {
        QUERIES,
        GAPS,
        ARTICLES
    }

    private InsightsCsv() {}

    public static String queries(List<InsightsReport.QueryStats> queries) {
        StringBuilder csv =
                new StringBuilder("query,searches,no_results,clickable_searches,clicked_searches,clicks,click_through,"
                        + "average_click_position,in_app_lookups,in_app_answered\r\n");
        for (InsightsReport.QueryStats q : queries) {
            row(
                    csv,
                    q.query(),
                    q.searches(),
                    q.zeroResults(),
                    q.clickable(),
                    q.clicked(),
                    q.clicks(),
                    ratio(q.clickThrough()),
                    ratio(q.averagePosition()),
                    q.lookups(),
                    q.answered());
        }
        return csv.toString();
    }

    public static String gaps(List<ContentGaps.Gap> gaps) {
        StringBuilder csv = new StringBuilder("topic,failed_searches,variants\r\n");
        for (ContentGaps.Gap gap : gaps) {
            row(csv, gap.label(), gap.searches(), String.join(" | ", gap.variants()));
        }
        return csv.toString();
    }

    public static String articles(List<InsightsReport.ArticleRating> ratings) {
        StringBuilder csv = new StringBuilder("path,helpful,not_helpful\r\n");
        for (InsightsReport.ArticleRating r : ratings) {
            row(csv, r.path(), r.helpful(), r.notHelpful());
        }
        return csv.toString();
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static void row(StringBuilder csv, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(String.valueOf(cells[i])));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        // numbers here are never negative, so only text can start with one of these
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
