package org.neurotile.sim;

import java.util.Objects;

/**
 * Something with a place in the simulated hardware: it has a hierarchical path (for example
 * {@code tile[3,4]}), named ports, and private event targets for its own timers.
 */
public abstract class Component {
    private final Simulation simulation;
    private final String path;

    protected Component(Simulation simulation, String path) {
        this.simulation = Objects.requireNonNull(simulation, "simulation");
        this.path = Objects.requireNonNull(path, "path");
    }

    public final String path() {
        return path;
    }

    protected final Simulation simulation() {
        return simulation;
    }

    protected final InPort inPort(String name, EventHandler receiver) {
        return new InPort(path, name, receiver);
    }

    protected final OutPort outPort(String name) {
        return new OutPort(path, name);
    }

    /** An event target for the component's own use (a timer, the end of a busy period). */
    protected final EventTarget timer(String name, EventHandler handler) {
        return simulation.register(path + "." + name, handler);
    }

    protected final EventTarget timer(String name, int priority, EventHandler handler) {
        return simulation.register(path + "." + name, priority, handler);
    }

    @Override
    public String toString() {
        return path;
    }
}
