package org.neurotile.noc.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.stats.Statistics;

class TrafficExperimentTest {
    private static final Topology MESH = Topologies.parse("mesh:4x4");

    private static TrafficExperiment experiment(String pattern) {
        return new TrafficExperiment(MESH, Routings.defaultFor(MESH), NocParameters.DEFAULTS, pattern);
    }

    private static LoadSettings load(double rate) {
        return new LoadSettings(rate, 4, 500, 5_000, 7);
    }

    @Test
    void atLowLoadAcceptedEqualsOfferedAndLatencyIsNearZeroLoad() {
        LoadPoint point = experiment("uniform").run(load(0.02), new Statistics());
        assertEquals(0.02, point.offeredFlitsPerNodeCycle(), 0.004);
        assertEquals(point.expectedFlitsPerNodeCycle(), point.acceptedFlitsPerNodeCycle(), 0.002);
        assertFalse(point.saturated());
        // Uniform traffic on a 4x4 mesh averages 2.67 hops: zero-load about 1 + 3.67*3 + 2.67 + 1 + 3 = 18.7.
        assertEquals(18.7, point.meanLatencyCycles(), 1.5);
    }

    @Test
    void beyondSaturationAcceptedFallsShortAndLatencyGrows() {
        TrafficExperiment hotspot = experiment("hotspot:0.5");
        LoadPoint light = hotspot.run(load(0.02), new Statistics());
        LoadPoint heavy = hotspot.run(load(0.6), new Statistics());
        assertTrue(heavy.saturated());
        assertTrue(heavy.acceptedFlitsPerNodeCycle() < heavy.expectedFlitsPerNodeCycle());
        assertTrue(heavy.meanLatencyCycles() > 5 * light.meanLatencyCycles());
    }

    @Test
    void sameSeedGivesTheSameResultsWhateverTheThreadCount() {
        TrafficExperiment uniform = experiment("uniform");
        List<LoadSettings> points = List.of(load(0.05), load(0.2), load(0.3));
        assertEquals(uniform.sweep(points, 1), uniform.sweep(points, 3));
    }

    @Test
    void allToAllDeliversEveryPacketToEveryOtherTile() {
        LoadPoint point = experiment("all-to-all").run(load(0.01), new Statistics());
        assertEquals(point.offeredFlitsPerNodeCycle() * 15, point.expectedFlitsPerNodeCycle(), 1e-9);
    }

    @Test
    void broadcastHasOneSender() {
        LoadPoint point = experiment("broadcast:5").run(load(0.2), new Statistics());
        assertEquals(0.2 / 16, point.offeredFlitsPerNodeCycle(), 0.004);
    }

    @Test
    void unknownPatternListsTheValidOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> experiment("random"));
        assertTrue(e.getMessage().contains("uniform, transpose"), e.getMessage());
    }

    @Test
    void transposeNeedsASquareGrid() {
        Topology wide = Topologies.parse("mesh:4x2");
        assertThrows(InvalidInputException.class, () -> TrafficPatterns.parse("transpose", wide));
    }

    @Test
    void rateOutsideTheUnitIntervalIsRejected() {
        assertThrows(InvalidInputException.class, () -> load(0));
        assertThrows(InvalidInputException.class, () -> load(1.5));
    }

    @Test
    void permutationPatternsMapTilesAsDefined() {
        TrafficPattern transpose = TrafficPatterns.parse("transpose", MESH);
        TrafficPattern complement = TrafficPatterns.parse("bit-complement", MESH);
        assertEquals("[1]", transpose.next(MESH.tile(0, 1), null).toString());
        assertEquals("[15]", complement.next(0, null).toString());
    }
}
