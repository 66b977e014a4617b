package org.neurotile.sim.config;

/**
 * The valid values of a floating-point setting. NaN is never valid; infinities only if a bound
 * admits them.
 */
public record DoubleRange(double min, boolean minInclusive, double max, boolean maxInclusive) {

    public DoubleRange {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("invalid range " + min + ".." + max);
        }
    }

    /** Any finite number. */
    public static DoubleRange finite() {
        return new DoubleRange(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code min <= x <= max}. */
    public static DoubleRange closed(double min, double max) {
        return new DoubleRange(min, true, max, true);
    }

    /** {@code min <= x}, finite. */
    public static DoubleRange atLeast(double min) {
        return new DoubleRange(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code min < x}, finite. */
    public static DoubleRange greaterThan(double min) {
        return new DoubleRange(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code 0 < x}, finite. */
    public static DoubleRange positive() {
        return greaterThan(0.0);
    }

    /** {@code 0 <= x <= 1}. */
    public static DoubleRange probability() {
        return closed(0.0, 1.0);
    }

    public boolean contains(double value) {
        final boolean aboveMin = minInclusive ? value >= min : value > min;
        final boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /** E.g. "a number > 0" or "a number in [0, 1]". */
    public String describe() {
        final boolean lowerOpen = min == Double.NEGATIVE_INFINITY && !minInclusive;
        final boolean upperOpen = max == Double.POSITIVE_INFINITY && !maxInclusive;
        if (lowerOpen && upperOpen) {
            return "a finite number";
        }
        if (upperOpen) {
            return "a number " + (minInclusive ? ">= " : "> ") + format(min);
        }
        if (lowerOpen) {
            return "a number " + (maxInclusive ? "<= " : "< ") + format(max);
        }
        return "a number in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max)
                + (maxInclusive ? "]" : ")");
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
