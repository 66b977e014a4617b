package org.neurotile.sim.stats;

/**
 * A distribution of non-negative long values, e.g. packet latencies in cycles.
 *
 * <p>Resolution: values below {@value #EXACT_LIMIT} are counted in unit-width bins, so their
 * percentiles are exact. Larger values fall in power-of-two bins {@code [2^k, 2^(k+1))}; a
 * percentile landing there reports the bin's upper bound clamped to {@link #max()}, which is at
 * least the true value and less than twice it. Count, sum, mean, min and max are always exact.
 * An empty histogram reports 0 for every summary.
 */
public sealed interface Histogram permits LiveHistogram, DisabledHistogram {

    /** Values below this limit are binned exactly. */
    int EXACT_LIMIT = 4096;

    /** Records one value; throws IllegalArgumentException if it is negative. */
    void record(long value);

    long count();

    long sum();

    double mean();

    long min();

    long max();

    /** The nearest-rank percentile, {@code percentInclusive} in [0, 100]. */
    long percentile(double percentInclusive);
}
