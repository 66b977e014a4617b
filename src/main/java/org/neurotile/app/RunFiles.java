package org.neurotile.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Counts;
import org.neurotile.sim.InvalidInputException;

/**
 * Strict reading of the numbers of a run directory for {@code report}: a count that is not a whole
 * number, is negative, or a CSV cut short is refused with its file, line and column, never priced
 * as 0.
 */
final class RunFiles {
    private RunFiles() {
    }

    /** A count of result.json: a whole number >= 0. */
    static long count(Path file, JsonNode node, String key) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw new InvalidInputException(file + ": key '" + key + "' must be a whole number >= 0, got " + node);
        }
        return node.asLong();
    }

    /**
     * The counts of result.json under {@code key} (a mapping): every category by its id, each a whole
     * number >= 0; a key that is no category is refused, as is a category missing.
     */
    static Counts counts(Path file, JsonNode node, String key) {
        if (!node.isObject()) {
            throw new InvalidInputException(file + ": key '" + key + "' must be a mapping of counts, got " + node);
        }
        node.fieldNames().forEachRemaining(id -> {
            if (Category.byId(id).isEmpty()) {
                throw new InvalidInputException(file + ": key '" + key + "." + id + "' is not a count category (valid: "
                        + String.join(", ", Category.ids()) + ")");
            }
        });
        return Counts.of(category -> {
            JsonNode value = node.get(category.id());
            if (value == null || value.isNull()) {
                throw new InvalidInputException(file + ": key '" + key + "." + category.id() + "' is missing (not "
                        + "written by 'neurotile run'?)");
            }
            return count(file, value, key + "." + category.id());
        });
    }

    /** A size under {@code parent}, positive and at most {@code max}, or {@code absent} when missing. */
    static long positive(Path file, JsonNode parent, String key, long absent, long max, String prefix) {
        JsonNode node = parent.path(key);
        if (node.isMissingNode()) {
            return absent;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1 || node.asLong() > max) {
            throw new InvalidInputException(file + ": key '" + prefix + key + "' must be a whole number in 1.." + max
                    + ", got " + node);
        }
        return node.asLong();
    }

    /** A sum of counts that stays at Long.MAX_VALUE rather than wrap (it then matches no total). */
    static long sum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** The tile array {@code WxH} of result.json's config.chip.array. */
    static int[] arrayShape(Path file, String text) {
        String[] parts = text.split("x", -1);
        try {
            if (parts.length == 2) {
                int[] shape = {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
                if (shape[0] >= 1 && shape[1] >= 1) {
                    return shape;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(file + ": key 'config.chip.array' must be WIDTHxHEIGHT of whole numbers "
                + ">= 1, got '" + text + "'");
    }

    /** A CSV file of a run: a header, then rows of the header's width. */
    record Csv(Path file, List<String[]> rows) {

        /** Reads {@code file}, whose header must start with {@code firstColumns}. */
        static Csv read(Path file, List<String> firstColumns) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new InvalidInputException(file + ": cannot read it (" + e.getMessage() + ")");
            }
            if (lines.isEmpty()) {
                throw new InvalidInputException(file + ": empty (an incomplete run?)");
            }
            List<String[]> rows = new ArrayList<>();
            int columns = lines.get(0).split(",", -1).length;
            for (int i = 0; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",", -1);
                if (cells.length != columns) {
                    throw new InvalidInputException(file + ":" + (i + 1) + ": " + cells.length + " columns where the "
                            + "header has " + columns + " (a file cut short?)");
                }
                rows.add(cells);
            }
            List<String> header = List.of(rows.get(0));
            if (header.size() < firstColumns.size() || !header.subList(0, firstColumns.size()).equals(firstColumns)) {
                throw new InvalidInputException(file + ":1: the header must start with " + String.join(",", firstColumns)
                        + " (not written by 'neurotile run'?)");
            }
            return new Csv(file, rows);
        }

        /**
         * The column of each category (by ordinal) among the columns from {@code first} on, which must
         * be the categories, each once.
         */
        int[] categoryColumns(int first) {
            int[] columns = new int[Category.count()];
            Arrays.fill(columns, -1);
            for (int c = first; c < columns(); c++) {
                String id = header(c);
                Category category = Category.byId(id).orElseThrow(() -> new InvalidInputException(file + ":1: column '"
                        + id + "' is not a count category (valid: " + String.join(", ", Category.ids()) + ")"));
                if (columns[category.ordinal()] >= 0) {
                    throw new InvalidInputException(file + ":1: column '" + id + "' appears twice");
                }
                columns[category.ordinal()] = c;
            }
            for (Category category : Category.values()) {
                if (columns[category.ordinal()] < 0) {
                    throw new InvalidInputException(file + ":1: column '" + category.id() + "' is missing (not written "
                            + "by 'neurotile run'?)");
                }
            }
            return columns;
        }

        /** Lines, the header included. */
        int lines() {
            return rows.size();
        }

        int columns() {
            return rows.get(0).length;
        }

        String header(int column) {
            return rows.get(0)[column];
        }

        String cell(int line, int column) {
            return rows.get(line)[column];
        }

        /** A whole number >= 0 at a 0-based line (0 is the header) and column. */
        long count(int line, int column) {
            String text = cell(line, column);
            try {
                long value = Long.parseLong(text);
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidInputException(file + ":" + (line + 1) + ": column '" + header(column) + "' must be a "
                    + "whole number >= 0, got '" + text + "'");
        }

        /** A count that indexes something (a tile, a coordinate, a layer): at most Integer.MAX_VALUE. */
        int index(int line, int column) {
            long value = count(line, column);
            if (value > Integer.MAX_VALUE) {
                throw new InvalidInputException(file + ":" + (line + 1) + ": column '" + header(column) + "' must be "
                        + "at most " + Integer.MAX_VALUE + ", got " + value);
            }
            return (int) value;
        }

        /** A coordinate, or -1 where the cell is empty (a router that is not a tile's). */
        int coordinate(int line, int column) {
            return cell(line, column).isEmpty() ? -1 : index(line, column);
        }

        /** Fails unless a column's sum is the total the result states: a file cut short. */
        void requireSum(String column, long sum, long total, String totalName) {
            if (sum != total) {
                throw new InvalidInputException(file + ": column '" + column + "' sums to " + sum + " over "
                        + (lines() - 1) + " rows, but " + totalName + " is " + total + " (a file cut short?)");
            }
        }
    }
}
