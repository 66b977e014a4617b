package org.neurotile.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.sim.LinkEnds.Receiver;
import org.neurotile.sim.LinkEnds.Sender;

class InOrderLinkTest {

    @Test
    void messagesArriveAfterTheLatencyInTheOrderSent() {
        Simulation sim = new Simulation();
        Sender sender = new Sender(sim);
        Receiver receiver = new Receiver(sim);
        Link.connectInOrder(sim, sender.out, receiver.in, 4);
        sender.out.send(42);
        sender.out.sendAfter(10, 43);
        sender.out.sendAfter(11, 44);
        sim.run();
        assertEquals(List.of("42@4", "43@14", "44@15"), receiver.arrivals);
    }

    @Test
    void manyMessagesInFlightKeepOneEventPending() {
        Simulation sim = new Simulation();
        Sender sender = new Sender(sim);
        Receiver receiver = new Receiver(sim);
        Link link = Link.connectInOrder(sim, sender.out, receiver.in, 1);
        for (int i = 0; i < 1_000; i++) {
            sender.out.sendAfter(100_000L * i, i);
        }
        assertEquals(1, sim.pendingEvents());
        assertEquals(1_000, link.messagesInFlight());
        sim.run();
        assertEquals(1_000, receiver.arrivals.size());
        assertEquals("999@99900001", receiver.arrivals.get(999));
        assertEquals(0, link.messagesInFlight());
    }

    @Test
    void aMessageArrivingNoLaterThanTheOneBeforeIsRefused() {
        Simulation sim = new Simulation();
        Sender sender = new Sender(sim);
        Link.connectInOrder(sim, sender.out, new Receiver(sim).in, 1);
        sender.out.sendAfter(5, 1);
        assertThrows(IllegalStateException.class, () -> sender.out.sendAfter(5, 2));
        assertThrows(IllegalStateException.class, () -> sender.out.sendAfter(3, 2));
    }

    @Test
    void aMessageSentFromItsOwnArrivalFollowsIt() {
        Simulation sim = new Simulation();
        Sender sender = new Sender(sim);
        List<Long> arrivals = new ArrayList<>();
        InPort in = new Component(sim, "echo") {
            final InPort port = inPort("in", m -> {
                arrivals.add(sim.nowCycles());
                if (m > 0) {
                    sender.out.sendAfter(2, m - 1);
                }
            });
        }.port;
        Link.connectInOrder(sim, sender.out, in, 1);
        sender.out.send(3);
        sim.run();
        assertEquals(List.of(1L, 4L, 7L, 10L), arrivals);
    }
}
