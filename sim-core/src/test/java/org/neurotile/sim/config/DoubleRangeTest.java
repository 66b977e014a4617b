package org.neurotile.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DoubleRangeTest {

    @Test
    void notANumberIsOutsideEveryRange() {
        assertFalse(DoubleRange.finite().contains(Double.NaN));
        assertFalse(DoubleRange.closed(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).contains(Double.NaN));
    }

    @Test
    void finiteExcludesInfinities() {
        assertFalse(DoubleRange.finite().contains(Double.POSITIVE_INFINITY));
        assertTrue(DoubleRange.finite().contains(-1e300));
    }

    @Test
    void exclusiveLowerBoundIsExcluded() {
        assertFalse(DoubleRange.positive().contains(0.0));
        assertTrue(DoubleRange.atLeast(0.0).contains(0.0));
    }

    @Test
    void descriptionsShowBoundsAndInclusivity() {
        assertEquals("a number > 0", DoubleRange.positive().describe());
        assertEquals("a number >= 0.5", DoubleRange.atLeast(0.5).describe());
        assertEquals("a number in [0, 1]", DoubleRange.probability().describe());
        assertEquals("a number in (0, 1]", new DoubleRange(0, false, 1, true).describe());
        assertEquals("a finite number", DoubleRange.finite().describe());
    }

    @Test
    void invertedBoundsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DoubleRange.closed(1, 0));
    }
}
