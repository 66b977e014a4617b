package org.neurotile.sim.stats;

/** The shared histogram handed out for disabled names: it ignores values and reports 0. */
final class DisabledHistogram implements Histogram {
    static final DisabledHistogram INSTANCE = new DisabledHistogram();

    private DisabledHistogram() {}

    @Override
    public void record(long value) {
        // Disabled statistics cost nothing, not even the sign check.
    }

    @Override
    public long count() {
        return 0;
    }

    @Override
    public long sum() {
        return 0;
    }

    @Override
    public double mean() {
        return 0.0;
    }

    @Override
    public long min() {
        return 0;
    }

    @Override
    public long max() {
        return 0;
    }

    @Override
    public long percentile(double percentInclusive) {
        return 0;
    }
}
