package org.neurotile.sim.stats;

/** The shared counter handed out for disabled names: it ignores updates and always reads 0. */
final class DisabledCounter implements Counter {
    static final DisabledCounter INSTANCE = new DisabledCounter();

    private DisabledCounter() {}

    @Override
    public void add(long amount) {
        // Disabled statistics cost nothing.
    }

    @Override
    public void increment() {
        // Disabled statistics cost nothing.
    }

    @Override
    public long value() {
        return 0;
    }
}
