package org.neurotile.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.Simulation;
import org.neurotile.sim.stats.Statistics;
import org.neurotile.sim.trace.ChromeTraceRecorder;

class NetworkTraceTest {

    @Test
    void eachLinkCrossedAndTheEjectionBecomeABusySpan() throws IOException {
        Simulation simulation = new Simulation();
        Topology line = Topologies.parse("mesh:3x1");
        ChromeTraceRecorder trace = new ChromeTraceRecorder();
        Network network = new Network(simulation, line, Routings.defaultFor(line), NocParameters.DEFAULTS,
                new Statistics(), trace);
        network.send(0, Destinations.tile(2), 56, 0);
        simulation.run();
        assertEquals(3, trace.spanCount());
        StringWriter json = new StringWriter();
        trace.write(json);
        assertTrue(json.toString().contains("(0,0)->(1,0)"), json.toString());
    }
}
