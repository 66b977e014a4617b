package org.neurotile.neuron.math;

import org.neurotile.sim.random.RandomStreams;

/**
 * The uniform draws of stochastic rounding, counter-based: draw n is SplitMix64's output for
 * {@code key + n * golden gamma}, so the whole state is the number of draws made, one long that a
 * checkpoint stores and a resumed run restores to continue bit for bit.
 */
public final class RoundingNoise {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long key;
    private long draws;

    public RoundingNoise(long key) {
        this.key = key;
    }

    /** The noise of a run with this seed (stream {@code numbers.rounding}). */
    public static RoundingNoise forSeed(long seed) {
        return new RoundingNoise(new RandomStreams(seed).stream("numbers.rounding").nextLong());
    }

    /** A uniform double in [0, 1), a multiple of 2^-53. */
    public double nextUniform() {
        draws++;
        return uniform(draws);
    }

    /** The uniform of draw number {@code n} (from 1), without making it: for kernels that make many at once. */
    double uniform(long n) {
        return (RandomStreams.mix64(key + n * GOLDEN_GAMMA) >>> 11) * 0x1.0p-53;
    }

    /**
     * The uniforms of draws {@code first .. first + count - 1} into {@code out[0 .. count - 1]}, without
     * making them: {@link #uniform} of each, in one loop over the counters (SplitMix64 written out, so
     * that the compiler schedules the draws together; about twice as fast as one call per draw).
     */
    void uniforms(long first, double[] out, int count) {
        long counter = key + first * GOLDEN_GAMMA;
        for (int i = 0; i < count; i++) {
            long z = counter + i * GOLDEN_GAMMA;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            z ^= z >>> 31;
            out[i] = (z >>> 11) * 0x1.0p-53;
        }
    }

    /** Counts {@code count} draws as made: those after {@link #draws} that a kernel took with {@link #uniform}. */
    void advance(long count) {
        draws += count;
    }

    /** How many draws were made: the generator's whole state. */
    public long draws() {
        return draws;
    }

    /** Continues after {@code draws} draws. */
    public void restore(long draws) {
        if (draws < 0) {
            throw new IllegalArgumentException("negative draw count " + draws);
        }
        this.draws = draws;
    }
}
