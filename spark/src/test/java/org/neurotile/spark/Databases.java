package org.neurotile.spark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a sweep's database in tests: its rows as text, wall times left out of its content. */
final class Databases {
    private Databases() {
    }

    /** Every row of {@code sql}, each as its cells joined by '|'. */
    static List<String> rows(Path database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    row.append(c > 1 ? "|" : "").append(rows.getObject(c));
                }
                result.add(row.toString());
            }
            return result;
        }
    }

    static void execute(Path database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    /** The points without wall times, every measure, and the sweep's metadata: what a sweep's results are. */
    static List<String> content(Path out) throws SQLException {
        Path database = out.resolve("sweep.sqlite");
        List<String> content = new ArrayList<>();
        List<String> columns = rows(database, "SELECT name FROM pragma_table_info('points') WHERE name <> 'wallTimeMs'");
        content.addAll(rows(database, "SELECT " + String.join(", ", columns.stream().map(c -> '"' + c + '"').toList())
                + " FROM points ORDER BY point"));
        content.addAll(rows(database, "SELECT * FROM measures ORDER BY point, measure"));
        content.addAll(rows(database, "SELECT * FROM sweep ORDER BY key"));
        return content;
    }
}
