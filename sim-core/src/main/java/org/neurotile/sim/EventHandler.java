package org.neurotile.sim;

/**
 * Receives the events scheduled for one {@link EventTarget}.
 *
 * <p>An event carries one {@code long}: the target decides what it means (a packet slot, a flit
 * count, a layer index), so events are typed by their target and never need an object payload or a
 * cast, and dispatch allocates nothing.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(long payload);
}
