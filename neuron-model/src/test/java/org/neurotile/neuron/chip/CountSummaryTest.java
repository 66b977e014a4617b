package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.noc.Network;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.Simulation;
import org.neurotile.sim.stats.Statistics;

class CountSummaryTest {

    @Test
    void phasesLayersAndTilesEachAddUpToTheTotals() {
        Simulation simulation = new Simulation();
        Topology mesh = Topologies.parse("mesh:2x2");
        Network network = new Network(simulation, mesh, Routings.defaultFor(mesh), NocParameters.DEFAULTS,
                new Statistics());
        TaskGraph graph = new TaskGraph();
        int a = graph.addTask(0, Phase.FORWARD, 1);
        int b = graph.addTask(3, Phase.ERROR, 2);
        int c = graph.addTask(3, Phase.UPDATE, 2);
        graph.count(a, Category.MACS, 7);
        graph.count(b, Category.MACS, 11);
        graph.count(c, Category.WORDS_MOVED, 5);
        graph.send(a, new int[] {b}, 3);
        graph.dependsOn(c, b);
        CountSummary summary = CountSummary.of(new ChipExecutor(simulation, network, TileParameters.DEFAULTS)
                .run(graph), 4);
        assertEquals(18L, summary.totals().get(Category.MACS));
        assertEquals(20L, summary.totals().get(Category.BYTES_MOVED));
        assertEquals(7L, summary.byPhase().get(Phase.FORWARD).get(Category.MACS));
        assertEquals(11L, summary.byLayer().get(2).get(Category.MACS));
        assertEquals(11L, summary.byTile().get(3).get(Category.MACS));
        assertEquals(12L, summary.byTile().get(0).get(Category.NOC_BYTES_INJECTED));
    }
}
