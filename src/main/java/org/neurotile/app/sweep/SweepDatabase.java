package org.neurotile.app.sweep;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * sweep.sqlite: the {@code sweep} table (what sweep this is), {@code points} (one row per finished
 * point: its parameters, the hash of its resolved configuration, status, reason, wall time) and
 * {@code measures} (point, measure, value: every figure the point's run reported). Only the thread
 * that opened it writes. Rows are written into an open transaction that the writer commits every
 * fraction of a second ({@link #commit}) and on close: a killed sweep keeps every point of its
 * commits, and none in part (a commit per point cost a third of a small point's own time).
 */
final class SweepDatabase implements AutoCloseable {
    static final String FILE = "sweep.sqlite";
    private final Connection connection;
    private final Path file;
    private PreparedStatement pointInsert;   // made at the first write, when the parameters are known
    private PreparedStatement measureInsert;

    private SweepDatabase(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    static SweepDatabase open(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            // WAL: readers (sqlite3, pandas) may open the file while points are written; a commit
            // survives the process being killed. At the end the file goes back to a single file.
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.execute("PRAGMA foreign_keys=ON");
        }
        return new SweepDatabase(connection, file);
    }

    Path file() {
        return file;
    }

    /** What the {@code sweep} table says, empty for a new database. */
    Optional<Map<String, String>> metadata() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                     + "AND name = 'sweep'")) {
            if (!tables.next() || tables.getInt(1) == 0) {
                return Optional.empty();
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT key, value FROM sweep ORDER BY key")) {
            while (rows.next()) {
                metadata.put(rows.getString(1), rows.getString(2));
            }
        }
        return Optional.of(metadata);
    }

    /** Creates the tables and records the sweep, in one transaction. */
    void create(Map<String, String> metadata, List<String> parameters) throws SQLException {
        inTransaction(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE sweep (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                StringBuilder points = new StringBuilder("CREATE TABLE points (point INTEGER PRIMARY KEY");
                for (String parameter : parameters) {
                    points.append(", ").append(quoted(parameter));
                }
                points.append(", configHash TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('ok', 'infeasible', "
                        + "'failed')), reason TEXT NOT NULL, wallTimeMs INTEGER NOT NULL)");
                statement.execute(points.toString());
                statement.execute("CREATE TABLE measures (point INTEGER NOT NULL REFERENCES points (point), "
                        + "measure TEXT NOT NULL, ordinal INTEGER NOT NULL, value NOT NULL, "
                        + "PRIMARY KEY (point, measure)) WITHOUT ROWID");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sweep VALUES (?, ?)")) {
                    for (Map.Entry<String, String> entry : metadata.entrySet()) {
                        insert.setString(1, entry.getKey());
                        insert.setString(2, entry.getValue());
                        insert.executeUpdate();
                    }
                }
            }
        });
    }

    /** The configuration hash of each recorded point, by index. */
    Map<Integer, String> recorded() throws SQLException {
        Map<Integer, String> hashes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT point, configHash FROM points ORDER BY point")) {
            while (rows.next()) {
                hashes.put(rows.getInt(1), rows.getString(2));
            }
        }
        return hashes;
    }

    /** The points recorded as failed. */
    Set<Integer> failedPoints() throws SQLException {
        Set<Integer> failed = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT point FROM points WHERE status = 'failed'")) {
            while (rows.next()) {
                failed.add(rows.getInt(1));
            }
        }
        return failed;
    }

    /** Removes {@code points} and their measures, in one transaction. */
    void forget(Set<Integer> points) throws SQLException {
        commit();
        inTransaction(() -> {
            try (PreparedStatement measures = connection.prepareStatement("DELETE FROM measures WHERE point = ?");
                 PreparedStatement rows = connection.prepareStatement("DELETE FROM points WHERE point = ?")) {
                for (int point : points) {
                    measures.setInt(1, point);
                    measures.executeUpdate();
                    rows.setInt(1, point);
                    rows.executeUpdate();
                }
            }
        });
    }

    /** Work on the database as one transaction: all of it is kept, or none. */
    private void inTransaction(SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /**
     * Records one finished point and its measures in the open transaction (begun here if none is):
     * they are kept at the next {@link #commit}. On failure the transaction is rolled back whole.
     */
    void write(PointRow row, List<Object> parameters, String configHash) throws SQLException {
        try {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
            }
            if (pointInsert == null) {
                pointInsert = connection.prepareStatement("INSERT INTO points VALUES (?"
                        + ", ?".repeat(parameters.size() + 4) + ")");
                measureInsert = connection.prepareStatement("INSERT INTO measures VALUES (?, ?, ?, ?)");
            }
            int column = 1;
            pointInsert.setInt(column++, row.index());
            for (Object value : parameters) {
                bind(pointInsert, column++, value);
            }
            pointInsert.setString(column++, configHash);
            pointInsert.setString(column++, row.status().id());
            pointInsert.setString(column++, row.reason());
            pointInsert.setLong(column, row.wallTimeMs());
            pointInsert.executeUpdate();
            int ordinal = 0;
            for (PointRow.Measure measure : row.measures()) {
                measureInsert.setInt(1, row.index());
                measureInsert.setString(2, measure.name());
                measureInsert.setInt(3, ordinal++);
                if (measure.value() instanceof Double || measure.value() instanceof Float) {
                    measureInsert.setDouble(4, measure.value().doubleValue());
                } else {
                    measureInsert.setLong(4, measure.value().longValue());
                }
                measureInsert.addBatch();
            }
            measureInsert.executeBatch();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            connection.setAutoCommit(true);
            throw e;
        }
    }

    /** Keeps every point written since the last commit. */
    void commit() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /** A parameter's value: numbers as numbers, the rest as text. */
    private static void bind(PreparedStatement insert, int column, Object value) throws SQLException {
        if (value instanceof Long || value instanceof Integer) {
            insert.setLong(column, ((Number) value).longValue());
        } else if (value instanceof Double number) {
            insert.setDouble(column, number);
        } else {
            insert.setString(column, String.valueOf(value));
        }
    }

    /** The measures' names, in the order the runs report them. */
    List<String> measureNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT measure FROM measures GROUP BY measure "
                     + "ORDER BY min(ordinal), measure")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /**
     * (Re)creates the view {@code summary}: one row per point, its parameters and status, then one
     * column per measure; what summary.csv holds.
     */
    void createSummaryView(List<String> measures) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE VIEW summary AS SELECT p.*");
        for (String measure : measures) {
            sql.append(", (SELECT value FROM measures m WHERE m.point = p.point AND m.measure = '")
                    .append(measure.replace("'", "''")).append("') AS ").append(quoted(measure));
        }
        sql.append(" FROM points p ORDER BY p.point");
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP VIEW IF EXISTS summary");
            statement.execute(sql.toString());
        }
    }

    /** Runs {@code sql} and hands over its result. */
    <T> T query(String sql, ResultReader<T> reader) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return reader.read(rows);
        }
    }

    /** Reads a result set. */
    interface ResultReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Commits the points written, and folds the write-ahead log into the file, so the sweep is one file. */
    @Override
    public void close() throws SQLException {
        try (connection; Statement statement = connection.createStatement()) {
            commit();
            if (pointInsert != null) {
                pointInsert.close();
                measureInsert.close();
            }
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            statement.execute("PRAGMA journal_mode=DELETE");
        }
    }
}
