package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
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
import org.neurotile.sim.trace.ChromeTraceRecorder;

class ExampleTraceTest {

    @Test
    void everyTaskThatTakesTimeIsASpanOnItsTilesTrack() throws IOException {
        Simulation simulation = new Simulation();
        Topology mesh = Topologies.parse("mesh:2x1");
        Network network = new Network(simulation, mesh, Routings.defaultFor(mesh), NocParameters.DEFAULTS,
                new Statistics());
        TaskGraph graph = new TaskGraph();
        int a = graph.addTask(0, Phase.FORWARD, 1);
        int b = graph.addTask(1, Phase.ERROR, 2);
        int idle = graph.addTask(1, Phase.UPDATE, 2);
        graph.count(a, Category.MACS, 16);
        graph.count(b, Category.MACS, 16);
        graph.send(a, new int[] {b}, 4);
        graph.dependsOn(idle, b);
        ExampleRun run = new ChipExecutor(simulation, network, TileParameters.DEFAULTS).run(graph);
        ChromeTraceRecorder trace = new ChromeTraceRecorder();
        ExampleTrace.record(run, trace, tile -> mesh.coord(tile).toString());
        assertEquals(2, trace.spanCount());
        StringWriter json = new StringWriter();
        trace.write(json);
        assertTrue(json.toString().contains("error layer 2"), json.toString());
        assertTrue(json.toString().contains("(1,0)"), json.toString());
    }
}
