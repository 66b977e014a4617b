package org.neurotile.noc;

import java.util.Arrays;

/**
 * Events of the next few cycles, bucketed by cycle modulo a power of two larger than the longest
 * delay: each entry is an int target and a long value. Buckets grow when needed and are reused, so
 * steady-state traffic allocates nothing.
 */
final class VcCalendar {
    private final int mask;
    private final int[][] targets;
    private final long[][] values;
    private final int[] sizes;
    private long pending;

    VcCalendar(long longestDelayCycles) {
        int size = Integer.highestOneBit((int) Math.max(1, longestDelayCycles)) * 2;
        mask = size - 1;
        targets = new int[size][16];
        values = new long[size][16];
        sizes = new int[size];
    }

    void add(long cycle, int target, long value) {
        int slot = (int) (cycle & mask);
        int n = sizes[slot];
        if (n == targets[slot].length) {
            targets[slot] = Arrays.copyOf(targets[slot], n * 2);
            values[slot] = Arrays.copyOf(values[slot], n * 2);
        }
        targets[slot][n] = target;
        values[slot][n] = value;
        sizes[slot] = n + 1;
        pending++;
    }

    /** Entries due in {@code cycle}; read them with {@link #target} and {@link #value}, then {@link #clear}. */
    int count(long cycle) {
        return sizes[(int) (cycle & mask)];
    }

    int target(long cycle, int i) {
        return targets[(int) (cycle & mask)][i];
    }

    long value(long cycle, int i) {
        return values[(int) (cycle & mask)][i];
    }

    void clear(long cycle) {
        int slot = (int) (cycle & mask);
        pending -= sizes[slot];
        sizes[slot] = 0;
    }

    /** Adds 1 to {@code counts[target]} for every pending entry with a target in range (for invariant checks). */
    void countTargets(int[] counts) {
        for (int slot = 0; slot < sizes.length; slot++) {
            for (int i = 0; i < sizes[slot]; i++) {
                int target = targets[slot][i];
                if (target >= 0 && target < counts.length) {
                    counts[target]++;
                }
            }
        }
    }

    boolean isEmpty() {
        return pending == 0;
    }
}
