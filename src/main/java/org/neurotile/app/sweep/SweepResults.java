package org.neurotile.app.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurotile.sim.InvalidInputException;
import org.sqlite.SQLiteConfig;

/**
 * What a sweep's database holds, read without changing it: the sweep's facts, its parameters and
 * every recorded point with its measures. A sweep stopped part way reads as the points it finished.
 */
public record SweepResults(Path database, Map<String, String> facts, List<String> parameters, List<Point> points) {

    /** A recorded point: parameter values as stored (numbers or text), measures by name in the runs' order. */
    public record Point(int index, List<Object> values, PointRow.Status status, String reason, long wallTimeMs,
                        Map<String, Double> measures) {
        public Optional<Double> measure(String name) {
            return Optional.ofNullable(measures.get(name));
        }

        public Object value(List<String> parameters, String parameter) {
            return values.get(parameters.indexOf(parameter));
        }
    }

    public SweepResults {
        facts = Map.copyOf(facts);
        parameters = List.copyOf(parameters);
        points = List.copyOf(points);
    }

    /** Whether {@code directory} holds a sweep's database. */
    public static boolean isSweep(Path directory) {
        return Files.isRegularFile(directory.resolve(SweepDatabase.FILE));
    }

    /** Reads {@code directory}/sweep.sqlite; a file that is not a sweep's database is one line of error. */
    public static SweepResults read(Path directory) {
        Path file = directory.resolve(SweepDatabase.FILE);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            Map<String, String> facts = new LinkedHashMap<>();
            rows(connection, "SELECT key, value FROM sweep ORDER BY key", r -> facts.put(r.getString(1), r.getString(2)));
            String names = facts.get("parameters");
            if (names == null) {
                throw new InvalidInputException(file + ": not a sweep's database (its table 'sweep' names no parameters)");
            }
            List<String> parameters = names.isEmpty() ? List.of() : Arrays.asList(names.split(","));
            Map<Integer, Map<String, Double>> measures = new LinkedHashMap<>();
            rows(connection, "SELECT point, measure, value FROM measures ORDER BY point, ordinal",
                    r -> measures.computeIfAbsent(r.getInt(1), k -> new LinkedHashMap<>()).put(r.getString(2), r.getDouble(3)));
            List<Point> points = new ArrayList<>();
            StringBuilder columns = new StringBuilder("SELECT point");
            for (String parameter : parameters) {
                columns.append(", ").append(SweepDatabase.quoted(parameter));
            }
            columns.append(", status, reason, wallTimeMs FROM points ORDER BY point");
            rows(connection, columns.toString(), r -> {
                List<Object> values = new ArrayList<>();
                for (int c = 0; c < parameters.size(); c++) {
                    values.add(r.getObject(c + 2));
                }
                int at = parameters.size() + 2;
                points.add(new Point(r.getInt(1), values, status(file, r.getString(at)), r.getString(at + 1),
                        r.getLong(at + 2), measures.getOrDefault(r.getInt(1), Map.of())));
            });
            return new SweepResults(file, facts, parameters, points);
        } catch (SQLException e) {
            throw new InvalidInputException(file + ": cannot read it as a sweep's database (" + firstLine(e.getMessage())
                    + ")", e);
        }
    }

    /** The points with {@code status}. */
    public List<Point> with(PointRow.Status status) {
        return points.stream().filter(p -> p.status() == status).toList();
    }

    /** How many points the sweep has in all (recorded or not). */
    public int planned() {
        return Integer.parseInt(facts.getOrDefault("points", Integer.toString(points.size())));
    }

    private static PointRow.Status status(Path file, String id) {
        return Arrays.stream(PointRow.Status.values()).filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException(file + ": a point has status '" + id + "'"));
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void rows(Connection connection, String sql, RowReader reader) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
