package org.neurotile.sim.stats;

import java.util.Arrays;

final class LiveHistogram implements Histogram {
    private static final int INITIAL_EXACT_BINS = 64;
    private static final int FIRST_POWER_BIN = Integer.numberOfTrailingZeros(EXACT_LIMIT);

    // Grown by doubling up to EXACT_LIMIT so thousands of per-tile histograms of small values stay
    // small; growth happens at most log2(EXACT_LIMIT / INITIAL_EXACT_BINS) times, never per record.
    private long[] exactBins = new long[INITIAL_EXACT_BINS];
    private final long[] powerBins = new long[Long.SIZE];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    @Override
    public void record(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("histogram values must be non-negative, got " + value);
        }
        if (value < EXACT_LIMIT) {
            if (value >= exactBins.length) {
                exactBins = Arrays.copyOf(exactBins, Math.min(EXACT_LIMIT, Integer.highestOneBit((int) value) << 1));
            }
            exactBins[(int) value]++;
        } else {
            powerBins[63 - Long.numberOfLeadingZeros(value)]++;
        }
        count++;
        sum = Math.addExact(sum, value);
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long sum() {
        return sum;
    }

    @Override
    public double mean() {
        return count == 0 ? 0.0 : (double) sum / count;
    }

    @Override
    public long min() {
        return count == 0 ? 0 : min;
    }

    @Override
    public long max() {
        return max;
    }

    @Override
    public long percentile(double percentInclusive) {
        if (!(percentInclusive >= 0.0 && percentInclusive <= 100.0)) {
            throw new IllegalArgumentException("percentile must be in [0, 100], got " + percentInclusive);
        }
        if (count == 0) {
            return 0;
        }
        final long rank = Math.max(1, (long) Math.ceil(percentInclusive * count / 100.0));
        long seen = 0;
        for (int value = 0; value < exactBins.length; value++) {
            seen += exactBins[value];
            if (seen >= rank) {
                return value;
            }
        }
        for (int bin = FIRST_POWER_BIN; bin < powerBins.length; bin++) {
            seen += powerBins[bin];
            if (seen >= rank) {
                final long upperBound = (1L << (bin + 1)) - 1; // wraps to Long.MAX_VALUE for the top bin
                return Math.min(upperBound, max);
            }
        }
        return max;
    }
}
