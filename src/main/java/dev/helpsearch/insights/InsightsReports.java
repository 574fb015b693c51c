package dev.helpsearch.insights;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds {@link InsightsReport}s from the database, for the insights page, its CSV and the
 * {@code insights} command. Each report reads through a connection of its own.
 */
public final class InsightsReports {

    /** Rows per list; the CSV export has every query. */
    public static final int LIST_LIMIT = 25;

    private static final String CLICKABLE = "('page', 'widget')";

    private final Path folder;
    private final Function<String, List<InsightsReport.BestHit>> bestHits;
    private final ContentGaps gaps;

    /**
     * @param bestHits what the search answers for a query now (its first few hits)
     * @param gaps     how failing queries are grouped
     */
    public InsightsReports(Path folder, Function<String, List<InsightsReport.BestHit>> bestHits, ContentGaps gaps) {
        this.folder = folder;
        this.bestHits = bestHits;
        this.gaps = gaps;
    }

    public InsightsReport report(Instant from, Instant to) throws SQLException {
        return report(from, to, LIST_LIMIT);
    }

    public InsightsReport report(Instant from, Instant to, int limit) throws SQLException {
        try (Connection connection = InsightsDatabase.openForReading(folder)) {
            List<InsightsReport.QueryStats> queries = queries(connection, from, to);
            List<InsightsReport.QueryStats> noResults = pick(
                    queries,
                    q -> q.zeroResults() > 0,
                    Comparator.comparingLong(InsightsReport.QueryStats::zeroResults)
                            .reversed(),
                    limit);
            List<InsightsReport.QueryStats> noClicks = pick(
                    queries,
                    q -> q.clickable() > 0 && q.clicked() == 0 && q.zeroResults() < q.searches(),
                    Comparator.comparingLong(InsightsReport.QueryStats::clickable)
                            .reversed(),
                    limit);
            List<InsightsReport.QueryStats> lowConfidence = pick(
                    queries,
                    q -> q.lookups() > q.answered(),
                    Comparator.comparingLong((InsightsReport.QueryStats q) -> q.lookups() - q.answered())
                            .reversed(),
                    limit);
            return new InsightsReport(
                    from,
                    to,
                    totals(connection, from, to),
                    bySource(connection, from, to),
                    pick(
                            queries,
                            q -> true,
                            Comparator.comparingLong(InsightsReport.QueryStats::searches)
                                    .reversed(),
                            limit),
                    withHits(noResults),
                    withHits(noClicks),
                    withHits(lowConfidence),
                    ratings(connection, from, to),
                    gaps.group(failing(queries)));
        }
    }

    /** Every query of the period, most searched first: what the CSV export lists. */
    public List<InsightsReport.QueryStats> allQueries(Instant from, Instant to) throws SQLException {
        try (Connection connection = InsightsDatabase.openForReading(folder)) {
            return pick(
                    queries(connection, from, to),
                    q -> true,
                    Comparator.comparingLong(InsightsReport.QueryStats::searches)
                            .reversed(),
                    Integer.MAX_VALUE);
        }
    }

    /** The failures that make a gap: no results, results nobody clicked, in-app lookups without a confident answer. */
    static List<ContentGaps.Failing> failing(List<InsightsReport.QueryStats> queries) {
        List<ContentGaps.Failing> failing = new ArrayList<>();
        for (InsightsReport.QueryStats q : queries) {
            long failures = q.zeroResults()
                    + (q.clicked() == 0 ? Math.max(0, q.clickable() - q.zeroResults()) : 0)
                    + (q.lookups() - q.answered());
            if (failures > 0) {
                failing.add(new ContentGaps.Failing(q.query(), Math.min(failures, q.searches())));
            }
        }
        return failing;
    }

    private List<InsightsReport.Problem> withHits(List<InsightsReport.QueryStats> queries) {
        return queries.stream()
                .map(q -> new InsightsReport.Problem(q, bestHits.apply(q.query())))
                .toList();
    }

    private static List<InsightsReport.QueryStats> pick(
            List<InsightsReport.QueryStats> queries,
            Predicate<InsightsReport.QueryStats> which,
            Comparator<InsightsReport.QueryStats> order,
            int limit) {
        return queries.stream()
                .filter(which)
                .sorted(order.thenComparing(InsightsReport.QueryStats::query))
                .limit(limit)
                .toList();
    }

    private static List<InsightsReport.QueryStats> queries(Connection connection, Instant from, Instant to)
            throws SQLException {
        // searches refined while typing are left out: "por" on the way to "port in use" is no query anyone meant
        String sql = """
                WITH c AS (SELECT query_id, COUNT(*) AS n, SUM(position) AS pos FROM clicks WHERE at >= ?1 AND at < ?2 GROUP BY query_id)
                SELECT s.query, COUNT(*), SUM(s.hits = 0),
                       SUM(s.source IN %1$s), SUM(s.source IN %1$s AND c.n IS NOT NULL),
                       COALESCE(SUM(c.n), 0), COALESCE(SUM(c.pos), 0),
                       SUM(s.source = 'in_app'), SUM(s.source = 'in_app' AND s.answered = 1)
                FROM searches s LEFT JOIN c ON c.query_id = s.query_id
                WHERE s.at >= ?1 AND s.at < ?2 AND s.refined = 0
                GROUP BY s.query""".formatted(CLICKABLE);
        List<InsightsReport.QueryStats> stats = new ArrayList<>();
        try (PreparedStatement statement = period(connection, sql, from, to);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                stats.add(new InsightsReport.QueryStats(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9)));
            }
        }
        return stats;
    }

    private static InsightsReport.Totals totals(Connection connection, Instant from, Instant to) throws SQLException {
        String sql = """
                WITH c AS (SELECT query_id FROM clicks WHERE at >= ?1 AND at < ?2 GROUP BY query_id)
                SELECT COUNT(*), COALESCE(SUM(s.hits = 0), 0), COALESCE(SUM(s.source IN %1$s), 0),
                       COALESCE(SUM(s.source IN %1$s AND c.query_id IS NOT NULL), 0),
                       COALESCE(SUM(s.source = 'in_app'), 0), COALESCE(SUM(s.source = 'in_app' AND s.answered = 1), 0)
                FROM searches s LEFT JOIN c ON c.query_id = s.query_id
                WHERE s.at >= ?1 AND s.at < ?2 AND s.refined = 0""".formatted(CLICKABLE);
        long searches;
        long zero;
        long clickable;
        long clicked;
        long lookups;
        long answered;
        try (PreparedStatement statement = period(connection, sql, from, to);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            searches = rs.getLong(1);
            zero = rs.getLong(2);
            clickable = rs.getLong(3);
            clicked = rs.getLong(4);
            lookups = rs.getLong(5);
            answered = rs.getLong(6);
        }
        try (PreparedStatement statement = period(
                        connection,
                        "SELECT COUNT(*), COALESCE(AVG(position), 0) FROM clicks WHERE at >= ?1 AND at < ?2",
                        from,
                        to);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new InsightsReport.Totals(
                    searches, zero, clickable, clicked, rs.getLong(1), rs.getDouble(2), lookups, answered);
        }
    }

    private static Map<String, Long> bySource(Connection connection, Instant from, Instant to) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            counts.put(source.id(), 0L);
        }
        try (PreparedStatement statement = period(
                        connection,
                        "SELECT source, COUNT(*) FROM searches WHERE at >= ?1 AND at < ?2 AND refined = 0 GROUP BY source",
                        from,
                        to);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private static List<InsightsReport.ArticleRating> ratings(Connection connection, Instant from, Instant to)
            throws SQLException {
        List<InsightsReport.ArticleRating> ratings = new ArrayList<>();
        try (PreparedStatement statement = period(connection, """
                SELECT path, SUM(helpful), SUM(1 - helpful) FROM feedback WHERE at >= ?1 AND at < ?2
                GROUP BY path ORDER BY SUM(1 - helpful) DESC, COUNT(*) DESC, path""", from, to);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ratings.add(new InsightsReport.ArticleRating(rs.getString(1), rs.getLong(2), rs.getLong(3)));
            }
        }
        return ratings;
    }

    private static PreparedStatement period(Connection connection, String sql, Instant from, Instant to)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, from.toEpochMilli());
        statement.setLong(2, to.toEpochMilli());
        return statement;
    }
}
