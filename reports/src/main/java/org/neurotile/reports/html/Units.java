package org.neurotile.reports.html;

import java.util.Locale;

/** Human-readable units for energies. */
public final class Units {
    private static final String[] ENERGY = {"pJ", "nJ", "µJ", "mJ", "J"};

    private Units() {
    }

    /** 812 pJ, 3.41 nJ, 1.20 µJ, ...: three significant digits, SI steps of 1000. */
    public static String energy(double picojoules) {
        double value = picojoules;
        int unit = 0;
        while (Math.abs(value) >= 1000 && unit < ENERGY.length - 1) {
            value /= 1000;
            unit++;
        }
        String format = Math.abs(value) >= 100 || unit == 0 && value == Math.rint(value) ? "%.0f %s"
                : Math.abs(value) >= 10 ? "%.1f %s" : "%.2f %s";
        return String.format(Locale.ROOT, format, value, ENERGY[unit]);
    }
}
