package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class ChipExecutorTest {
    private static final TileParameters TILE = TileParameters.DEFAULTS; // 16 MACs, 8 words/cycle, +4

    private static ExampleRun run(TaskGraph graph, NocParameters noc) {
        Simulation simulation = new Simulation();
        Topology mesh = Topologies.parse("mesh:4x1");
        Network network = new Network(simulation, mesh, Routings.defaultFor(mesh), noc, new Statistics());
        return new ChipExecutor(simulation, network, TILE).run(graph);
    }

    @Test
    void aMessageStartsItsReceiverAfterTheSenderFinishesAndTheNetworkDelivers() {
        TaskGraph graph = new TaskGraph();
        int a = graph.addTask(0, Phase.FORWARD, 1);
        int b = graph.addTask(1, Phase.FORWARD, 2);
        graph.count(a, Category.MACS, 32);
        graph.count(b, Category.MACS, 16);
        graph.send(a, new int[] {b}, 10);
        ExampleRun run = run(graph, NocParameters.DEFAULTS);
        long senderCycles = 32 / 16 + 4;
        long network = NocParameters.DEFAULTS.zeroLoadLatencyCycles(1, 40);
        assertEquals(senderCycles, run.finishCycles(a));
        assertEquals(senderCycles + network, run.startCycles(b));
        assertEquals(senderCycles + network + 1 + 4, run.cycles());
        assertEquals(40, run.count(a, Category.NOC_BYTES_INJECTED));
        assertEquals(40, run.count(a, Category.NOC_BYTE_HOPS));
    }

    @Test
    void aReceiverOnTheSendersTileGetsTheWordsWithoutTheNetwork() {
        TaskGraph graph = new TaskGraph();
        int a = graph.addTask(2, Phase.ERROR, 1);
        int b = graph.addTask(2, Phase.UPDATE, 1);
        graph.count(a, Category.MACS, 16);
        graph.count(b, Category.WEIGHT_READS, 80);
        graph.send(a, new int[] {b}, 10);
        ExampleRun run = run(graph, NocParameters.DEFAULTS);
        assertEquals(run.finishCycles(a), run.startCycles(b));
        assertEquals(5 + 10 + 4, run.cycles());
        assertEquals(0, run.total(Category.NOC_BYTES_INJECTED));
    }

    @Test
    void aMessageLargerThanAPacketIsSplitAndItsReceiverWaitsForEveryPart() {
        TaskGraph graph = new TaskGraph();
        int a = graph.addTask(0, Phase.FORWARD, 1);
        int b = graph.addTask(3, Phase.FORWARD, 2);
        graph.send(a, new int[] {b}, 100); // 400 bytes, packets of at most 256
        NocParameters noc = new NocParameters(16, 16, 8, 3, 1, 1, 1, 256, org.neurotile.noc.MulticastMode.TREE);
        ExampleRun run = run(graph, noc);
        long second = noc.serializationCycles(256) + noc.zeroLoadLatencyCycles(3, 144);
        assertEquals(second, run.startCycles(b));
        assertEquals(400, run.count(a, Category.NOC_BYTES_INJECTED));
        assertEquals(1200, run.count(a, Category.NOC_BYTE_HOPS));
    }

    @Test
    void tasksOnOneTileRunOneAfterAnother() {
        TaskGraph graph = new TaskGraph();
        int a = graph.addTask(1, Phase.FORWARD, 1);
        int b = graph.addTask(1, Phase.FORWARD, 2);
        graph.count(a, Category.MACS, 160);
        graph.count(b, Category.MACS, 160);
        ExampleRun run = run(graph, NocParameters.DEFAULTS);
        assertEquals(14, run.finishCycles(a));
        assertEquals(14, run.startCycles(b));
        assertEquals(28, run.cycles());
    }

    @Test
    void aMulticastIsOneInjectionCrossingEachTreeLinkOnce() {
        TaskGraph graph = new TaskGraph();
        int a = graph.addTask(0, Phase.ERROR, 2);
        int[] receivers = {graph.addTask(1, Phase.ERROR, 1), graph.addTask(2, Phase.ERROR, 1),
            graph.addTask(3, Phase.ERROR, 1)};
        graph.send(a, receivers, 10);
        ExampleRun run = run(graph, NocParameters.DEFAULTS);
        assertEquals(40, run.count(a, Category.NOC_BYTES_INJECTED));
        assertEquals(3 * 40, run.count(a, Category.NOC_BYTE_HOPS));
    }

    @Test
    void aCycleInTheGraphIsReported() {
        TaskGraph graph = new TaskGraph();
        int a = graph.addTask(0, Phase.FORWARD, 1);
        int b = graph.addTask(1, Phase.FORWARD, 1);
        graph.send(a, new int[] {b}, 1);
        graph.send(b, new int[] {a}, 1);
        assertThrows(IllegalStateException.class, () -> run(graph, NocParameters.DEFAULTS));
    }
}
