package org.neurotile.noc.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.RouterKind;
import org.neurotile.noc.VcRouterParameters;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.stats.Statistics;

/** A load point is saturated when the network falls behind: throughput short, or latency growing over the window. */
class SaturationDetectionTest {
    private static final Topology MESH = Topologies.parse("mesh:4x4");
    private static final NocParameters VC = NocParameters.DEFAULTS.withRouter(RouterKind.VC, VcRouterParameters.DEFAULTS);

    private static LoadPoint run(double rate) {
        return new TrafficExperiment(MESH, Routings.defaultFor(MESH), VC, "uniform")
                .run(new LoadSettings(rate, 4, 2_000, 8_000, 3), new Statistics());
    }

    @Test
    void belowSaturationLatencyIsSteadyAndNothingIsFlagged() {
        LoadPoint point = run(0.2);
        assertFalse(point.saturated());
        assertEquals("", point.saturatedBy());
        assertEquals(1.0, point.latencyGrowth(), 0.1);
    }

    @Test
    void pastSaturationTheBacklogGrowsAndBothSignsAreNamed() {
        LoadPoint point = run(0.9);
        assertTrue(point.saturated());
        assertEquals("throughput+latency", point.saturatedBy());
        assertTrue(point.latencyGrowth() > TrafficExperiment.LATENCY_GROWTH_LIMIT, "growth " + point.latencyGrowth());
        assertTrue(point.acceptedFlitsPerNodeCycle()
                < (1 - TrafficExperiment.THROUGHPUT_TOLERANCE) * point.expectedFlitsPerNodeCycle());
    }

    @Test
    void theVcRouterSaturatesBelowTheIdealRouterOnTheSameMesh() {
        LoadSettings load = new LoadSettings(0.6, 4, 2_000, 8_000, 3);
        LoadPoint ideal = new TrafficExperiment(MESH, Routings.defaultFor(MESH), NocParameters.DEFAULTS, "uniform")
                .run(load, new Statistics());
        LoadPoint vc = new TrafficExperiment(MESH, Routings.defaultFor(MESH), VC, "uniform").run(load, new Statistics());
        assertTrue(vc.acceptedFlitsPerNodeCycle() < ideal.acceptedFlitsPerNodeCycle(),
                vc.acceptedFlitsPerNodeCycle() + " vs " + ideal.acceptedFlitsPerNodeCycle());
    }
}
