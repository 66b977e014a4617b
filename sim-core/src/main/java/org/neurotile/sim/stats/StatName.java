package org.neurotile.sim.stats;

import org.neurotile.sim.InvalidInputException;

/** Validates hierarchical statistic names such as {@code tile[3,4].sram.weightReads}. */
final class StatName {
    static final String RULE =
            "dot-separated segments, each an identifier optionally followed by an index like [3,4]";

    private StatName() {}

    static String validate(String name) {
        if (name == null || !isValid(name)) {
            throw new InvalidInputException(
                    "invalid statistic name '" + name + "': expected " + RULE + ", e.g. tile[3,4].sram.weightReads");
        }
        return name;
    }

    /**
     * Whether {@code name} is segments joined by dots, a segment being an identifier
     * ({@code [A-Za-z_][A-Za-z0-9_]*}) optionally followed by one bracketed, comma-separated index of
     * words ({@code [A-Za-z0-9_]+}). Scanned by hand: a network registers counters per link, and a
     * regular expression per name was most of the cost of building a large one.
     */
    static boolean isValid(String name) {
        int i = 0;
        int n = name.length();
        while (true) {
            if (i == n || !identifierStart(name.charAt(i))) {
                return false;
            }
            i++;
            while (i < n && word(name.charAt(i))) {
                i++;
            }
            if (i < n && name.charAt(i) == '[') {
                i = index(name, i + 1);
                if (i < 0) {
                    return false;
                }
            }
            if (i == n) {
                return true;
            }
            if (name.charAt(i) != '.') {
                return false;
            }
            i++;
        }
    }

    /** The position after the index's closing bracket that starts at {@code i}, or -1. */
    private static int index(String name, int i) {
        int n = name.length();
        while (true) {
            int start = i;
            while (i < n && word(name.charAt(i))) {
                i++;
            }
            if (i == start || i == n) {
                return -1;
            }
            char c = name.charAt(i);
            if (c == ']') {
                return i + 1;
            }
            if (c != ',') {
                return -1;
            }
            i++;
        }
    }

    private static boolean identifierStart(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
    }

    private static boolean word(char c) {
        return identifierStart(c) || c >= '0' && c <= '9';
    }

    static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
