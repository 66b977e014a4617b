package org.neurotile.sim;

/**
 * A one-way connection from an output port to an input port. The link owns the latency: components
 * never add wire delay themselves, which keeps timing in one place (and gives a parallel kernel its
 * lookahead: the smallest link latency).
 *
 * <p>A link made with {@link #connectInOrder} is a channel whose messages arrive in the order they
 * were sent, each strictly after the one before (a serializing output). It then keeps its messages
 * in a queue of its own and has at most one event pending in the simulation, its next arrival: a
 * network with millions of packets in flight keeps the simulation's queue as small as its links.
 * The order of dispatch is the same as with one event per message, because two events of one target
 * never share a cycle, so their insertion sequence never decides.
 */
public final class Link {
    private final Simulation simulation;
    private final OutPort from;
    private final InPort to;
    private final long latencyCycles;
    private final EventTarget arrival;
    private final EventHandler receiver;
    private final boolean inOrder;
    // In-order links: the messages in flight, oldest first, as a ring of (arrival cycle, message) pairs.
    private long[] ring;
    private int ringHead;
    private int inFlight;

    private Link(Simulation simulation, OutPort from, InPort to, long latencyCycles, int priority, boolean ordered) {
        this.simulation = simulation;
        this.from = from;
        this.to = to;
        this.latencyCycles = latencyCycles;
        this.inOrder = ordered;
        this.ring = ordered ? new long[8] : null;
        this.receiver = to.receiver();
        this.arrival = simulation.register(() -> from.path() + "->" + to.path(), priority,
                ordered ? this::arriveInOrder : receiver);
    }

    /** Wires {@code from} to {@code to}; the link's tag is fixed by the order of wiring. */
    public static Link connect(Simulation simulation, OutPort from, InPort to, long latencyCycles) {
        return connect(simulation, from, to, latencyCycles, Simulation.DEFAULT_PRIORITY);
    }

    public static Link connect(Simulation simulation, OutPort from, InPort to, long latencyCycles, int priority) {
        return wire(simulation, from, to, latencyCycles, priority, false);
    }

    /**
     * Wires a link whose messages must arrive in strictly increasing cycles, in the order sent (a
     * message that would arrive no later than the one sent before it is an error); it holds one
     * pending event at a time.
     */
    public static Link connectInOrder(Simulation simulation, OutPort from, InPort to, long latencyCycles) {
        return wire(simulation, from, to, latencyCycles, Simulation.DEFAULT_PRIORITY, true);
    }

    private static Link wire(Simulation simulation, OutPort from, InPort to, long latencyCycles, int priority,
            boolean ordered) {
        if (latencyCycles < 0) {
            throw new IllegalArgumentException(
                    "link " + from.path() + "->" + to.path() + " has negative latency " + latencyCycles);
        }
        Link link = new Link(simulation, from, to, latencyCycles, priority, ordered);
        from.attach(link);
        to.attach(link);
        return link;
    }

    void deliverLater(long message, long extraDelayCycles) {
        if (extraDelayCycles < 0) {
            throw new IllegalArgumentException("negative send delay " + extraDelayCycles + " on " + from.path());
        }
        if (!inOrder) {
            simulation.schedule(arrival, extraDelayCycles + latencyCycles, message);
            return;
        }
        long time = simulation.nowCycles() + extraDelayCycles + latencyCycles;
        if (inFlight == 0) {
            simulation.scheduleAt(arrival, time, message);
        } else {
            long last = ring[(ringHead + 2 * (inFlight - 1)) & (ring.length - 1)];
            if (time <= last) {
                throw new IllegalStateException("link " + this + " delivers in order: a message for cycle " + time
                        + " was sent after one for cycle " + last);
            }
            if (2 * inFlight == ring.length) {
                growRing();
            }
        }
        int tail = (ringHead + 2 * inFlight) & (ring.length - 1);
        ring[tail] = time;
        ring[tail + 1] = message;
        inFlight++;
    }

    private void arriveInOrder(long message) {
        ringHead = (ringHead + 2) & (ring.length - 1);
        if (--inFlight > 0) {
            simulation.scheduleAt(arrival, ring[ringHead], ring[ringHead + 1]);
        }
        receiver.handle(message);
    }

    private void growRing() {
        long[] grown = new long[ring.length * 2];
        int firstPart = Math.min(ring.length - ringHead, 2 * inFlight);
        System.arraycopy(ring, ringHead, grown, 0, firstPart);
        System.arraycopy(ring, 0, grown, firstPart, 2 * inFlight - firstPart);
        ring = grown;
        ringHead = 0;
    }

    public OutPort from() {
        return from;
    }

    public InPort to() {
        return to;
    }

    public long latencyCycles() {
        return latencyCycles;
    }

    /** Messages sent on this link that have not arrived yet (0 unless it delivers in order). */
    public int messagesInFlight() {
        return inFlight;
    }

    @Override
    public String toString() {
        return from.path() + "->" + to.path() + " (" + latencyCycles + " cycles)";
    }
}
