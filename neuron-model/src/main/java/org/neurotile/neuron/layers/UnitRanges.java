package org.neurotile.neuron.layers;

/**
 * Ranges of a layer's flat (CHW) units as a slice reads them: {@code long[]} of (start, end) pairs,
 * end exclusive, in increasing order.
 */
public final class UnitRanges {
    private UnitRanges() {
    }

    /**
     * Appends the range [start, end) to the first {@code n} entries of {@code ranges}, joined to the
     * last range where it begins at its end; returns the new length.
     */
    public static int append(long[] ranges, int n, long start, long end) {
        if (n > 0 && ranges[n - 1] == start) {
            ranges[n - 1] = end;
            return n;
        }
        ranges[n] = start;
        ranges[n + 1] = end;
        return n + 2;
    }

    /** The units the ranges cover. */
    public static long words(long[] ranges) {
        long words = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            words += ranges[i + 1] - ranges[i];
        }
        return words;
    }
}
