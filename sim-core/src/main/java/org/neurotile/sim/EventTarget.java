package org.neurotile.sim;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where events are delivered: a handler registered with a {@link Simulation} at wiring time.
 *
 * <p>{@code tag} is the registration order. Events at the same time are ordered by priority
 * (lower first), then by tag, then by the order in which they were scheduled, so ties never depend
 * on chance, hash codes or thread timing.
 *
 * <p>The name, e.g. {@code noc.router(3,4).arrive}, may be spelled only when asked for (an error
 * message, a trace): a large network registers a target per link, and building every link's name
 * was a large part of wiring it.
 */
public final class EventTarget {
    private final int id;
    private final int priority;
    private final Supplier<String> nameSource;
    private String name;

    EventTarget(int id, String name, int priority) {
        this.id = id;
        this.priority = priority;
        this.name = Objects.requireNonNull(name, "name");
        this.nameSource = null;
    }

    EventTarget(int id, Supplier<String> nameSource, int priority) {
        this.id = id;
        this.priority = priority;
        this.nameSource = Objects.requireNonNull(nameSource, "nameSource");
    }

    /** Dense index of the target in its simulation, equal to its tag. */
    public int id() {
        return id;
    }

    public int tag() {
        return id;
    }

    /** Lower runs first among events at the same time. */
    public int priority() {
        return priority;
    }

    /** The hierarchical name of the target. */
    public String name() {
        if (name == null) {
            name = nameSource.get();
        }
        return name;
    }

    @Override
    public String toString() {
        return "EventTarget[" + id + ", " + name() + ", priority " + priority + "]";
    }
}
