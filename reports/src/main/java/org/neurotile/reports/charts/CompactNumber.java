package org.neurotile.reports.charts;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** Short numbers for chart labels: 950, 1.23 k, 4.50 M, 3.20 G, 1.00 T. */
public final class CompactNumber extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final String[] SUFFIXES = {"", " k", " M", " G", " T", " P"};

    public static String compact(double value) {
        double magnitude = Math.abs(value);
        int step = 0;
        while (magnitude >= 999.5 && step < SUFFIXES.length - 1) {
            magnitude /= 1000;
            step++;
        }
        double shown = Math.copySign(magnitude, value);
        if (step == 0) {
            return shown == Math.rint(shown) ? String.format(Locale.ROOT, "%.0f", shown)
                    : String.format(Locale.ROOT, "%.3g", shown);
        }
        return String.format(Locale.ROOT, magnitude >= 100 ? "%.0f%s" : magnitude >= 10 ? "%.1f%s" : "%.2f%s",
                shown, SUFFIXES[step]);
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(compact(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(compact((double) number));
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("labels only");
    }
}
