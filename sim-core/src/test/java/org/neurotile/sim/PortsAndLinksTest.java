package org.neurotile.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.sim.LinkEnds.Receiver;
import org.neurotile.sim.LinkEnds.Sender;

class PortsAndLinksTest {

    @Test
    void messageArrivesAfterTheLinkLatency() {
        Simulation sim = new Simulation();
        Sender sender = new Sender(sim);
        Receiver receiver = new Receiver(sim);
        Link.connect(sim, sender.out, receiver.in, 4);
        sender.out.send(42);
        sender.out.sendAfter(10, 43);
        sim.run();
        assertEquals(List.of("42@4", "43@14"), receiver.arrivals);
    }

    @Test
    void portsAreNamedByComponentPath() {
        Simulation sim = new Simulation();
        Sender sender = new Sender(sim);
        Receiver receiver = new Receiver(sim);
        Link link = Link.connect(sim, sender.out, receiver.in, 1);
        assertEquals("sender.out", sender.out.path());
        assertEquals("sender.out->receiver.in", sim.targets().get(0).name());
        assertEquals(1, link.latencyCycles());
    }

    @Test
    void aPortConnectsOnlyOnce() {
        Simulation sim = new Simulation();
        Sender sender = new Sender(sim);
        Receiver receiver = new Receiver(sim);
        Link.connect(sim, sender.out, receiver.in, 1);
        Receiver other = new Receiver(sim);
        assertThrows(IllegalStateException.class, () -> Link.connect(sim, sender.out, other.in, 1));
    }

    @Test
    void unconnectedPortCannotSend() {
        Sender sender = new Sender(new Simulation());
        assertThrows(IllegalStateException.class, () -> sender.out.send(1));
    }

    @Test
    void negativeLatencyIsRejected() {
        Simulation sim = new Simulation();
        assertThrows(IllegalArgumentException.class,
                () -> Link.connect(sim, new Sender(sim).out, new Receiver(sim).in, -1));
    }
}
