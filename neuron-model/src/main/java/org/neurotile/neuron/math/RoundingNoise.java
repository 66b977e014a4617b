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
