package org.neurotile.app.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.neurotile.sim.io.AtomicFiles;

/**
 * summary.csv: the database's {@code summary} view, one row per point (parameters, status, reason,
 * wall time, then every measure), for a spreadsheet. Parquet is left out on purpose: its Java
 * writer pulls in Hadoop's client libraries, tens of megabytes for a file that pandas, DuckDB and
 * sqlite3 can read from the database as it is.
 */
final class SummaryCsv {
    static final String FILE = "summary.csv";

    private SummaryCsv() {
    }

    static void write(SweepDatabase database, Path file) throws SQLException, IOException {
        StringBuilder csv = database.query("SELECT * FROM summary ORDER BY point", SummaryCsv::table);
        AtomicFiles.writeUtf8(file, writer -> writer.write(csv.toString()));
    }

    private static StringBuilder table(ResultSet rows) throws SQLException {
        StringBuilder csv = new StringBuilder();
        ResultSetMetaData columns = rows.getMetaData();
        for (int c = 1; c <= columns.getColumnCount(); c++) {
            csv.append(c > 1 ? "," : "").append(cell(columns.getColumnLabel(c)));
        }
        csv.append('\n');
        while (rows.next()) {
            for (int c = 1; c <= columns.getColumnCount(); c++) {
                Object value = rows.getObject(c);
                csv.append(c > 1 ? "," : "").append(value == null ? "" : cell(String.valueOf(value)));
            }
            csv.append('\n');
        }
        return csv;
    }

    /** A cell, quoted when it holds a comma, a quote or a line break. */
    static String cell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
