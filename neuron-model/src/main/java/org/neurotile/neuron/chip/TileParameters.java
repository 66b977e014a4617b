package org.neurotile.neuron.chip;

import org.neurotile.sim.InvalidInputException;

/**
 * One neuron tile: a local memory and a compute unit.
 *
 * @param memoryBytes capacity of the tile's memory
 * @param wordBytes bytes per word (4: float32)
 * @param memoryPorts ports of the memory, each moving {@code wordsPerCyclePerPort} words a cycle
 * @param wordsPerCyclePerPort words one port reads or writes per cycle
 * @param macsPerCycle multiply-accumulates the compute unit does per cycle
 * @param phaseOverheadCycles fixed cycles added to every phase a tile runs (control, pipeline fill)
 */
public record TileParameters(long memoryBytes, int wordBytes, int memoryPorts, int wordsPerCyclePerPort,
                             int macsPerCycle, long phaseOverheadCycles) {

    /** 512 KiB of SRAM, float32 words, two ports of 4 words a cycle, 16 MACs a cycle, 4 cycles per phase. */
    public static final TileParameters DEFAULTS = new TileParameters(512 * 1024, 4, 2, 4, 16, 4);

    public TileParameters {
        positive("memoryBytes", memoryBytes);
        positive("wordBytes", wordBytes);
        positive("memoryPorts", memoryPorts);
        positive("wordsPerCyclePerPort", wordsPerCyclePerPort);
        positive("macsPerCycle", macsPerCycle);
        if (phaseOverheadCycles < 0) {
            throw new InvalidInputException("phaseOverheadCycles must be zero or more, got " + phaseOverheadCycles);
        }
    }

    /** Words the memory moves per cycle over all its ports. */
    public long memoryWordsPerCycle() {
        return (long) memoryPorts * wordsPerCyclePerPort;
    }

    /**
     * Cycles of a phase that does {@code macs} and accesses {@code memoryWords}: the longer of
     * compute and memory time (they overlap), plus the fixed overhead. A phase with no work is free.
     */
    public long phaseCycles(long macs, long memoryWords) {
        if (macs == 0 && memoryWords == 0) {
            return 0;
        }
        long compute = ceilDiv(macs, macsPerCycle);
        long memory = ceilDiv(memoryWords, memoryWordsPerCycle());
        return Math.max(compute, memory) + phaseOverheadCycles;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new InvalidInputException(key + " must be a positive integer, got " + value);
        }
    }
}
