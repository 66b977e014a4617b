package org.neurotile.sim.stats;

/** A monotone or signed running total, e.g. bytes moved over a link. */
public sealed interface Counter permits LiveCounter, DisabledCounter {

    void add(long amount);

    default void increment() {
        add(1);
    }

    long value();
}
