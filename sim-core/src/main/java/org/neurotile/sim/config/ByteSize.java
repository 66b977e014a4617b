package org.neurotile.sim.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neurotile.sim.InvalidInputException;

/** Parses sizes such as {@code 512KiB}, {@code 64KB}, {@code 4096} or {@code 4096B} into bytes. */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+)\\s*([A-Za-z]*)\\s*");
    private static final Map<String, Long> UNIT_BYTES = Map.ofEntries(
            Map.entry("", 1L),
            Map.entry("B", 1L),
            Map.entry("kB", 1_000L),
            Map.entry("KB", 1_000L),
            Map.entry("MB", 1_000_000L),
            Map.entry("GB", 1_000_000_000L),
            Map.entry("TB", 1_000_000_000_000L),
            Map.entry("KiB", 1L << 10),
            Map.entry("MiB", 1L << 20),
            Map.entry("GiB", 1L << 30),
            Map.entry("TiB", 1L << 40));
    private static final String VALID = "expected a whole number with an optional unit B, KB, MB, GB, TB"
            + " (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024), e.g. 512KiB";

    private ByteSize() {}

    /** The number of bytes {@code text} denotes; units are case-sensitive. */
    public static long parse(String text) {
        final Matcher matcher = SIZE.matcher(text == null ? "" : text);
        if (!matcher.matches() || !UNIT_BYTES.containsKey(matcher.group(2))) {
            throw new InvalidInputException("invalid byte size '" + text + "': " + VALID);
        }
        try {
            return Math.multiplyExact(Long.parseLong(matcher.group(1)), UNIT_BYTES.get(matcher.group(2)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException("byte size '" + text + "' is too large: at most " + Long.MAX_VALUE + " bytes");
        }
    }

    /** The size in the largest binary unit that holds it whole, as {@link #parse} reads it: {@code 512KiB}. */
    public static String format(long bytes) {
        final String[] units = {"TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            final long unit = 1L << (10 * (units.length - i));
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return bytes + "B";
    }
}
