package org.neurotile.reports.html;

import java.util.Locale;

/**
 * One table cell: the text shown and, for numbers, the exact value (written as the cell's
 * {@code data-value}, so a reader or a test can compare it with summary.json).
 */
public record Cell(String text, Double value) {

    public static Cell text(String text) {
        return new Cell(text, null);
    }

    /** A count with thousands separators: 1,234,567. */
    public static Cell count(long value) {
        return new Cell(String.format(Locale.ROOT, "%,d", value), (double) value);
    }

    /** An energy in picojoules shown in the nearest unit: 812 pJ, 3.41 nJ, 1.20 µJ, 4.00 mJ. */
    public static Cell energy(double picojoules) {
        return new Cell(Units.energy(picojoules), picojoules);
    }

    /** A ratio such as 12.4x; "-" where the divisor is zero. */
    public static Cell ratio(double numerator, double denominator) {
        if (denominator == 0) {
            return text("-");
        }
        double ratio = numerator / denominator;
        return new Cell(String.format(Locale.ROOT, ratio >= 100 ? "%,.0fx" : "%.2fx", ratio), ratio);
    }

    public boolean numeric() {
        return value != null;
    }
}
