package org.neurotile.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistogramTest {

    private static Histogram recording(long... values) {
        final Histogram histogram = new LiveHistogram();
        for (final long value : values) {
            histogram.record(value);
        }
        return histogram;
    }

    @Test
    void emptyHistogramReportsZeroForEverySummary() {
        final Histogram h = recording();
        assertEquals(0, h.count());
        assertEquals(0, h.sum());
        assertEquals(0.0, h.mean());
        assertEquals(0, h.min());
        assertEquals(0, h.max());
        assertEquals(0, h.percentile(50));
    }

    @Test
    void countSumMeanMinMaxAreExact() {
        final Histogram h = recording(3, 10_000, 7);
        assertEquals(3, h.count());
        assertEquals(10_010, h.sum());
        assertEquals(10_010 / 3.0, h.mean());
        assertEquals(3, h.min());
        assertEquals(10_000, h.max());
    }

    @Test
    void percentileUsesNearestRank() {
        final Histogram h = recording(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(1, h.percentile(0));
        assertEquals(5, h.percentile(50));
        assertEquals(9, h.percentile(90));
        assertEquals(10, h.percentile(99));
        assertEquals(10, h.percentile(100));
    }

    @Test
    void valueJustBelowExactLimitIsExact() {
        assertEquals(Histogram.EXACT_LIMIT - 1, recording(Histogram.EXACT_LIMIT - 1).percentile(50));
    }

    @Test
    void largeValuePercentileIsUpperBoundOfItsPowerOfTwoBin() {
        final Histogram h = recording(5_000, 5_000, 1_000_000);
        assertEquals(8_191, h.percentile(50));
    }

    @Test
    void largeValuePercentileIsClampedToMax() {
        assertEquals(5_000, recording(5_000).percentile(50));
    }

    @Test
    void largestLongValueIsRecorded() {
        final Histogram h = recording(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, h.percentile(99));
    }

    @Test
    void negativeValueIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> recording(-1));
    }

    @Test
    void percentileOutsideZeroToHundredIsRejected() {
        final Histogram h = recording(1);
        assertThrows(IllegalArgumentException.class, () -> h.percentile(100.5));
        assertThrows(IllegalArgumentException.class, () -> h.percentile(Double.NaN));
    }

    @Test
    void sumOverflowIsReportedNotWrapped() {
        final Histogram h = recording(Long.MAX_VALUE);
        assertThrows(ArithmeticException.class, () -> h.record(1));
    }
}
