package org.neurotile.sim.random;

import org.apache.commons.rng.UniformRandomProvider;

/** Seeded permutations, the same on every machine for the same stream. */
public final class Permutations {
    private Permutations() {
    }

    /** 0..n-1 in an order drawn by Fisher-Yates from {@code random}. */
    public static int[] shuffled(int n, UniformRandomProvider random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
