package dev.helpsearch.insights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * The insights database: one SQLite file in the data folder, in WAL mode with synchronous=NORMAL,
 * so that a crash or {@code kill -9} at any moment loses at most the last transactions and never
 * corrupts the file, while writes cost no fsync each. One connection a thread: the writer owns
 * one, each report opens its own (WAL lets readers and the writer proceed together).
 *
 * <p>Schema changes are ordered steps; the file's {@code PRAGMA user_version} says how many ran.
 */
public final class InsightsDatabase implements AutoCloseable {

    public static final String FILE = "insights.db";

    /** Each step runs once, in order, in one transaction with the version it brings the file to. */
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
                    CREATE TABLE searches (
                      id INTEGER PRIMARY KEY,
                      query_id TEXT NOT NULL UNIQUE,
                      at INTEGER NOT NULL,
                      query TEXT NOT NULL,
                      mode TEXT NOT NULL,
                      source TEXT NOT NULL,
                      hits INTEGER NOT NULL,
                      total INTEGER NOT NULL,
                      top_url TEXT,
                      confidence REAL,
                      answered INTEGER NOT NULL DEFAULT 0,
                      took_ms REAL NOT NULL,
                      refined INTEGER NOT NULL DEFAULT 0)""",
            "CREATE INDEX searches_at ON searches(at)",
            """
                    CREATE TABLE clicks (
                      id INTEGER PRIMARY KEY,
                      query_id TEXT NOT NULL,
                      at INTEGER NOT NULL,
                      url TEXT NOT NULL,
                      position INTEGER NOT NULL)""",
            "CREATE INDEX clicks_query ON clicks(query_id)",
            "CREATE INDEX clicks_at ON clicks(at)",
            """
                    CREATE TABLE feedback (
                      id INTEGER PRIMARY KEY,
                      at INTEGER NOT NULL,
                      path TEXT NOT NULL,
                      helpful INTEGER NOT NULL)""",
            "CREATE INDEX feedback_at ON feedback(at)"));

    static final List<String> TABLES = List.of("searches", "clicks", "feedback");

    private final Connection connection;
    private final Path file;

    private InsightsDatabase(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** Opens (creating the folder and file if needed) and migrates the database in {@code folder}. */
    public static InsightsDatabase open(Path folder) throws SQLException, IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(2_000);
        Connection connection =
                DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        try {
            migrate(connection);
            return new InsightsDatabase(connection, file);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** A connection for reports, which only read; it never creates a database that is not there. */
    public static Connection openForReading(Path folder) throws SQLException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new SQLException(
                    "no insights database at " + file + ": the server records one once it has served searches");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(2_000);
        // not SQLite's read-only mode: a WAL file's readers need its shared-memory index, which a
        // read-only connection cannot create once the writer has closed; this one only reads anyway
        Connection connection =
                DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        int version = version(connection);
        if (version != MIGRATIONS.size()) {
            connection.close();
            throw new SQLException("the insights database at " + file + " has schema version " + version
                    + ", this helpsearch reads " + MIGRATIONS.size() + ": start the server once to migrate it");
        }
        return connection;
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void migrate(Connection connection) throws SQLException {
        int version = version(connection);
        if (version > MIGRATIONS.size()) {
            // a newer release wrote it: its tables may mean things this one would get wrong
            throw new SQLException(
                    "the insights database has schema version " + version + ", newer than this helpsearch ("
                            + MIGRATIONS.size() + "); upgrade helpsearch or point --data elsewhere");
        }
        connection.setAutoCommit(false);
        try {
            for (int step = version; step < MIGRATIONS.size(); step++) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : MIGRATIONS.get(step)) {
                        statement.executeUpdate(sql);
                    }
                    // user_version lives in the file header and commits with the step, never apart from it
                    statement.executeUpdate("PRAGMA user_version = " + (step + 1));
                }
                connection.commit();
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    public int schemaVersion() throws SQLException {
        return version(connection);
    }

    /** Stores a batch in one transaction: all of it, or none of it. */
    void write(List<InsightEvent> events) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement search = connection.prepareStatement("""
                INSERT OR IGNORE INTO searches (query_id, at, query, mode, source, hits, total, top_url, confidence, answered, took_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement refine = connection.prepareStatement(
                        "UPDATE searches SET refined = 1 WHERE query_id = ? AND NOT EXISTS (SELECT 1 FROM clicks WHERE query_id = ?)");
                PreparedStatement click = connection.prepareStatement(
                        "INSERT INTO clicks (query_id, at, url, position) VALUES (?, ?, ?, ?)");
                PreparedStatement feedback =
                        connection.prepareStatement("INSERT INTO feedback (at, path, helpful) VALUES (?, ?, ?)")) {
            for (InsightEvent event : events) {
                switch (event) {
                    case InsightEvent.Search s -> {
                        search.setString(1, s.queryId());
                        search.setLong(2, s.at().toEpochMilli());
                        search.setString(3, s.query());
                        search.setString(4, s.mode());
                        search.setString(5, s.source().id());
                        search.setInt(6, s.hits());
                        search.setLong(7, s.total());
                        search.setString(8, s.topUrl());
                        if (s.confidence() == null) {
                            search.setNull(9, java.sql.Types.REAL);
                        } else {
                            search.setDouble(9, s.confidence());
                        }
                        search.setInt(10, s.answered() ? 1 : 0);
                        search.setDouble(11, s.tookMs());
                        search.executeUpdate();
                        if (s.refines() != null) {
                            refine.setString(1, s.refines());
                            refine.setString(2, s.refines());
                            refine.executeUpdate();
                        }
                    }
                    case InsightEvent.Click c -> {
                        click.setString(1, c.queryId());
                        click.setLong(2, c.at().toEpochMilli());
                        click.setString(3, c.url());
                        click.setInt(4, c.position());
                        click.executeUpdate();
                    }
                    case InsightEvent.Feedback f -> {
                        feedback.setLong(1, f.at().toEpochMilli());
                        feedback.setString(2, f.path());
                        feedback.setInt(3, f.helpful() ? 1 : 0);
                        feedback.executeUpdate();
                    }
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Deletes every row older than {@code cutoff}; returns how many went. */
    long deleteBefore(Instant cutoff) throws SQLException {
        long deleted = 0;
        for (String table : TABLES) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE at < ?")) {
                delete.setLong(1, cutoff.toEpochMilli());
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }

    /**
     * Keeps at most {@code maxRows} rows a table, the newest: row ids only grow, so the oldest are
     * those below the newest id minus the bound, found through the primary key without a scan.
     * SQLite reuses the freed pages, so the file stops growing once the tables are full.
     */
    long enforceBound(long maxRows) throws SQLException {
        long deleted = 0;
        for (String table : TABLES) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE id <= (SELECT MAX(id) FROM " + table + ") - ?")) {
                delete.setLong(1, maxRows);
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }

    /** Rows per table. */
    public Map<String, Long> counts() throws SQLException {
        return counts(connection);
    }

    static Map<String, Long> counts(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                counts.put(table, rs.getLong(1));
            }
        }
        return counts;
    }

    /** The file's size as SQLite sees it (pages in use and free), without the WAL. */
    long bytes() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    Path file() {
        return file;
    }

    /** For tests: a raw statement against the writer's connection. */
    List<Object[]> query(String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
