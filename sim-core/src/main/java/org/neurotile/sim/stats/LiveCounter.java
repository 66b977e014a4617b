package org.neurotile.sim.stats;

final class LiveCounter implements Counter {
    private long value;

    @Override
    public void add(long amount) {
        value += amount;
    }

    @Override
    public void increment() {
        value++;
    }

    @Override
    public long value() {
        return value;
    }
}
