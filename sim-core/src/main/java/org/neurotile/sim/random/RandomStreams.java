package org.neurotile.sim.random;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible random streams for a simulation, one per component path.
 *
 * <p>A stream's state is derived only from (run seed, component path): the path's UTF-8 bytes are
 * hashed with 64-bit FNV-1a, combined with the seed, and expanded with SplitMix64 into a
 * xoshiro256++ state. So a component draws the same numbers whichever other streams exist, in
 * whatever order they were created, on any JVM. Changing this derivation changes every result.
 */
public final class RandomStreams {
    private static final RandomSource ALGORITHM = RandomSource.XO_SHI_RO_256_PP;
    private static final int STATE_LONGS = 4;
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /**
     * A new generator for {@code componentPath}, e.g. {@code tile[3,4].dropout}. Each call starts
     * the same sequence again, so give every component its own path.
     */
    public UniformRandomProvider stream(String componentPath) {
        return ALGORITHM.create(stateFor(seed, componentPath));
    }

    static long[] stateFor(long seed, String componentPath) {
        Objects.requireNonNull(componentPath, "componentPath");
        long splitMix = mix64(seed) ^ fnv1a64(componentPath.getBytes(StandardCharsets.UTF_8));
        final long[] state = new long[STATE_LONGS];
        boolean allZero = true;
        for (int i = 0; i < STATE_LONGS; i++) {
            splitMix += GOLDEN_GAMMA;
            state[i] = mix64(splitMix);
            allZero &= state[i] == 0;
        }
        if (allZero) {
            // xoshiro never leaves the all-zero state; astronomically unlikely, but keep it valid.
            state[0] = GOLDEN_GAMMA;
        }
        return state;
    }

    static long fnv1a64(byte[] bytes) {
        long hash = FNV_OFFSET_BASIS;
        for (final byte b : bytes) {
            hash ^= b & 0xffL;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** SplitMix64's finaliser (Stafford variant 13). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
