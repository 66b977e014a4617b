package org.neurotile.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.sim.InvalidInputException;

class StatisticsTest {

    @Test
    void counterAddsAndIncrements() {
        final Counter c = new Statistics().counter("noc.link[12].bytes");
        c.add(64);
        c.increment();
        assertEquals(65, c.value());
    }

    @Test
    void sameNameReturnsSameInstance() {
        final Statistics stats = new Statistics();
        assertSame(stats.counter("a.b"), stats.counter("a.b"));
        assertSame(stats.histogram("a.c"), stats.histogram("a.c"));
    }

    @Test
    void sameNameWithOtherKindIsRejected() {
        final Statistics stats = new Statistics();
        stats.counter("a.b");
        final InvalidInputException e = assertThrows(InvalidInputException.class, () -> stats.histogram("a.b"));
        assertTrue(e.getMessage().contains("'a.b'"));
    }

    @Test
    void wellFormedNamesAreAccepted() {
        final Statistics stats = new Statistics();
        stats.counter("tile[3,4].sram.weightReads");
        stats.counter("noc.link[12].bytes");
        stats.counter("x");
        stats.counter("_a1.b_2[c]");
        assertEquals(4, stats.snapshot().counters().size());
    }

    @Test
    void malformedNamesAreRejected() {
        final Statistics stats = new Statistics();
        for (final String bad : List.of("", ".a", "a.", "a..b", "1a", "a[]", "a[1,]", "a[1]b", "a b", "a[1][2]")) {
            assertThrows(InvalidInputException.class, () -> stats.counter(bad), bad);
        }
    }

    @Test
    void scopePrefixesNames() {
        final Statistics stats = new Statistics();
        stats.scope("tile[3,4]").scope("sram").counter("weightReads").add(2);
        assertEquals(2, stats.counter("tile[3,4].sram.weightReads").value());
    }

    @Test
    void scopeWithMalformedPrefixIsRejected() {
        assertThrows(InvalidInputException.class, () -> new Statistics().scope("tile[3,4]."));
    }

    @Test
    void singleStarMatchesWithinOneSegmentOnly() {
        final Statistics stats = new Statistics(List.of("tile[*].sram"));
        assertTrue(stats.isEnabled("tile[3,4].sram"));
        assertFalse(stats.isEnabled("tile[3,4].sram.weightReads"));
        assertFalse(stats.isEnabled("noc.tile[3,4].sram"));
    }

    @Test
    void doubleStarMatchesAcrossSegments() {
        final Statistics stats = new Statistics(List.of("**.bytes"));
        assertTrue(stats.isEnabled("noc.link[12].bytes"));
        assertFalse(stats.isEnabled("noc.link[12].flits"));
    }

    @Test
    void emptyPatternListDisablesEverything() {
        assertFalse(new Statistics(List.of()).isEnabled("a"));
    }

    @Test
    void disabledStatisticsAreSharedNoOpsLeftOutOfSnapshots() {
        final Statistics stats = new Statistics(List.of("noc.**"));
        final Counter off = stats.counter("tile[0,0].macs");
        off.add(5);
        stats.histogram("tile[0,0].latency").record(-1);
        stats.counter("noc.flits").add(3);
        assertEquals(0, off.value());
        assertSame(off, stats.counter("tile[9,9].macs"));
        assertEquals(List.of(new StatsSnapshot.CounterValue("noc.flits", 3)), stats.snapshot().counters());
        assertTrue(stats.snapshot().histograms().isEmpty());
    }

    @Test
    void disabledNameStillRejectsKindClash() {
        final Statistics stats = new Statistics(List.of());
        stats.counter("a");
        assertThrows(InvalidInputException.class, () -> stats.histogram("a"));
    }

    @Test
    void snapshotIsSortedByNameWhateverTheRegistrationOrder() {
        final Statistics stats = new Statistics();
        stats.counter("b");
        stats.counter("a.z");
        stats.counter("a");
        assertEquals(List.of("a", "a.z", "b"),
                stats.snapshot().counters().stream().map(StatsSnapshot.CounterValue::name).toList());
    }

    @Test
    void snapshotDoesNotChangeWhenStatisticsDo() {
        final Statistics stats = new Statistics();
        final Counter c = stats.counter("a");
        c.add(1);
        final StatsSnapshot before = stats.snapshot();
        c.add(1);
        assertEquals(1, before.counter("a").orElseThrow().value());
    }

    @Test
    void snapshotSummarisesHistograms() {
        final Statistics stats = new Statistics();
        final Histogram h = stats.histogram("lat");
        for (long v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertEquals(new StatsSnapshot.HistogramSummary("lat", 100, 5050, 50.5, 1, 100, 50, 90, 99),
                stats.snapshot().histogram("lat").orElseThrow());
    }

    @Test
    void malformedPatternIsRejected() {
        assertThrows(InvalidInputException.class, () -> new Statistics(List.of("")));
    }
}
