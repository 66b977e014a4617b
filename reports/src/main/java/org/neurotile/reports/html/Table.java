package org.neurotile.reports.html;

import java.util.List;

/** A table of the report; each row has a key (e.g. {@code mnist-fc/dfa}) written as {@code data-key}. */
public record Table(String id, String caption, List<String> headers, List<Row> rows) {

    public record Row(String key, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.cells().size() != headers.size()) {
                throw new IllegalArgumentException("table " + id + ": row " + row.key() + " has "
                        + row.cells().size() + " cells for " + headers.size() + " columns");
            }
        }
    }
}
