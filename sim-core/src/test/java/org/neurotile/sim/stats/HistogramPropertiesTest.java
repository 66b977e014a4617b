package org.neurotile.sim.stats;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assertions;

class HistogramPropertiesTest {

    @Property
    void percentileOfSmallValuesEqualsSortedNearestRank(
            @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 4095) Long> values,
            @ForAll @DoubleRange(min = 0, max = 100) double percent) {
        final Histogram h = new LiveHistogram();
        values.forEach(h::record);
        final long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        final int rank = (int) Math.max(1, Math.ceil(percent * sorted.length / 100.0));
        Assertions.assertEquals(sorted[rank - 1], h.percentile(percent));
    }

    @Property
    void percentileOfAnyValuesIsWithinFactorTwoAboveTruth(
            @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 1L << 40) Long> values,
            @ForAll @DoubleRange(min = 0, max = 100) double percent) {
        final Histogram h = new LiveHistogram();
        values.forEach(h::record);
        final long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        final int rank = (int) Math.max(1, Math.ceil(percent * sorted.length / 100.0));
        final long truth = sorted[rank - 1];
        final long reported = h.percentile(percent);
        Assertions.assertTrue(reported >= truth && reported <= Math.max(truth, 2 * truth - 1),
                () -> "truth " + truth + " reported " + reported + " for " + Arrays.toString(sorted));
    }
}
