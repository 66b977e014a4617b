package org.neurotile.fuzz;

import java.util.List;

/**
 * Replacement values and inserted constructs for the mutations: numbers at and past the limits of
 * int, long and double, wrong types, odd YAML (tags, anchors, aliases, several documents, deep
 * nesting, huge scalars), control characters and sizes and specs at their limits.
 */
public final class Values {
    /** Scalars and small collections that replace a value. */
    public static final List<String> SCALARS = List.of(
            "0", "-1", "1", "2", "7", "64", "65", "1023", "1024", "1048576", "1048577", "1073741824", "1099511627776",
            "1099511627777", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "1" + "0".repeat(400), "-" + "9".repeat(999), "1e308", "1e309", "-1e309",
            "4.9e-324", "1e-400", "0.5", "-0.0", "1.0", "1.5e3", "2e9", ".nan", ".NaN", ".inf", "-.inf", "NaN",
            "Infinity", "0x10", "0o17", "0b101", "1_000", "+1", "01", "1,000", "\"\"", "''", "~", "null", "true",
            "false", "no", "yes", "on", "[]", "{}", "[1, 2]", "[1, [2]]", "[a, b]", "{a: 1}", "\"8TiB\"", "8TiB",
            "512KiB", "512 KiB", "512kib", "0B", "1B", "-1KiB", "9223372036854775807B", "8589934592TiB",
            "99999999999999999999", "1x1", "0x0", "1024x1024", "1025x1024", "999999999x999999999", "x", "1x",
            "x1", "1x1x1", "mesh", "mesh:0x0", "mesh:4x4", "mesh:1024x1024", "torus:2x2", "ring:1", "ring:0",
            "tree:1:4", "tree:2", "tree:999999999:2", "hypercube:6", "unicast", "tree", "contiguous",
            "error-grouped", "tanh", "relu", "identity", "softmax", "\"a\\nb\"", "\"a\\rb\"", "\"\\u0000\"",
            "\"\\t\"", "\"\\u2028\"", "\"é\"", "\"\\uD800\"", "!!binary aGVsbG8=", "!!float 1", "!!str 5",
            "!!int x", "!!set {a}", "!!omap [a: 1]", "!!timestamp 2001-12-14", "!java.io.File /tmp", "*x",
            "&x 1", "|\n  a\n  b", ">-\n  folded", "[[[[[[[[]]]]]]]]", "\"" + "x".repeat(100_000) + "\"",
            "2001-12-14", "12:30:45", "0:0", "1:2:3", "' '", "\" \"", "@", "`", "%", "? x");

    /** Single characters inserted anywhere. */
    public static final List<String> CHARS = List.of(
            "\n", "\r", "\t", " ", ":", ",", "-", "#", "&", "*", "!", "|", ">", "'", "\"", "[", "]", "{", "}", "?",
            "%", "@", "`", "\\", "\u0000", "\u0007", "\u001b", "\u0085", "\u00a0", "\u2028", "\ufeff", "\ufffd",
            "\ud800", "é", "0", "9", "x", "=");

    /** Whole lines of YAML structure inserted between the document's lines. */
    public static final List<String> SNIPPETS = List.of(
            "---", "...", "--- a: 1", "%YAML 1.2", "%YAML 1.1\n---", "%TAG ! tag:x,2000:", "? [a, b]\n: 1",
            "? {a: 1}\n: 1", "<<: {a: 1}", "x: &a 1", "y: *a", "x: &a [1, 2]\ny: [*a, *a]", laughs(),
            "[".repeat(10_000), "deep: " + "[".repeat(1_000) + "]".repeat(1_000), "deep: " + "{a: ".repeat(1_000)
                    + "1" + "}".repeat(1_000), indentedNesting(1_000), "\"k\": 1", "k: 1", "unknownKey: 1",
            "\ufeff", "\t", "key: !!java.io.File /tmp", "x: !<tag:yaml.org,2002:js/function> x", "#", "- a", "-",
            ":", "a:b", "\"a\": 1, \"b\": 2", "{", "}", "]", "a: |", "long" + "g".repeat(20_000) + ": 1",
            "many: [" + "1, ".repeat(20_000) + "1]");

    private Values() {
    }

    /** Item {@code pick} (any int) of {@code values}. */
    public static String pick(List<String> values, int pick) {
        return values.get(Math.floorMod(pick, values.size()));
    }

    /** The "billion laughs": ten aliases of ten aliases of ..., a few lines that expand to 10^9 values. */
    static String laughs() {
        StringBuilder out = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]");
        for (int i = 1; i < 10; i++) {
            String previous = "*l" + (i - 1);
            out.append("\nl").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous))).append(']');
        }
        return out.toString();
    }

    private static String indentedNesting(int depth) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            out.append(" ".repeat(i)).append("n").append(i).append(":\n");
        }
        return out.append(" ".repeat(depth)).append("leaf: 1").toString();
    }
}
