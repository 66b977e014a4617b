package org.neurotile.sim;

/**
 * Where events are delivered: a handler registered with a {@link Simulation} at wiring time.
 *
 * <p>{@code tag} is the registration order. Events at the same time are ordered by priority
 * (lower first), then by tag, then by the order in which they were scheduled, so ties never depend
 * on chance, hash codes or thread timing.
 *
 * @param id dense index of the target in its simulation, equal to its tag
 * @param name hierarchical name of the target, e.g. {@code noc.router(3,4).arrive}
 * @param priority lower runs first among events at the same time
 */
public record EventTarget(int id, String name, int priority) {
    public int tag() {
        return id;
    }
}
