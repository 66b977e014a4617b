package org.neurotile.sim;

/**
 * A one-way connection from an output port to an input port. The link owns the latency: components
 * never add wire delay themselves, which keeps timing in one place (and gives a parallel kernel its
 * lookahead: the smallest link latency).
 */
public final class Link {
    private final Simulation simulation;
    private final OutPort from;
    private final InPort to;
    private final long latencyCycles;
    private final EventTarget arrival;

    private Link(Simulation simulation, OutPort from, InPort to, long latencyCycles, int priority) {
        this.simulation = simulation;
        this.from = from;
        this.to = to;
        this.latencyCycles = latencyCycles;
        this.arrival = simulation.register(from.path() + "->" + to.path(), priority, to.receiver());
    }

    /** Wires {@code from} to {@code to}; the link's tag is fixed by the order of wiring. */
    public static Link connect(Simulation simulation, OutPort from, InPort to, long latencyCycles) {
        return connect(simulation, from, to, latencyCycles, Simulation.DEFAULT_PRIORITY);
    }

    public static Link connect(Simulation simulation, OutPort from, InPort to, long latencyCycles, int priority) {
        if (latencyCycles < 0) {
            throw new IllegalArgumentException(
                    "link " + from.path() + "->" + to.path() + " has negative latency " + latencyCycles);
        }
        Link link = new Link(simulation, from, to, latencyCycles, priority);
        from.attach(link);
        to.attach(link);
        return link;
    }

    void deliverLater(long message, long extraDelayCycles) {
        if (extraDelayCycles < 0) {
            throw new IllegalArgumentException("negative send delay " + extraDelayCycles + " on " + from.path());
        }
        simulation.schedule(arrival, extraDelayCycles + latencyCycles, message);
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

    @Override
    public String toString() {
        return from.path() + "->" + to.path() + " (" + latencyCycles + " cycles)";
    }
}
