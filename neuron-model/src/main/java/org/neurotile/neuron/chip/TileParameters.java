package org.neurotile.neuron.chip;

import java.util.List;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ByteSizeParameter;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.WholeParameter;

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

    /* Every parameter's key, option, range and default, declared once for the options and the files. */
    public static final ByteSizeParameter MEMORY_BYTES = new ByteSizeParameter("tileMemoryBytes", "--tile-memory", 1,
            1L << 40, 512 * 1024, "memory per tile");
    public static final WholeParameter WORD_BYTES = new WholeParameter("wordBytes", "", 1, 64, 4, "bytes per word");
    public static final WholeParameter MEMORY_PORTS =
            new WholeParameter("memoryPorts", "", 1, 1 << 10, 2, "ports of a tile's memory");
    public static final WholeParameter WORDS_PER_CYCLE_PER_PORT = new WholeParameter("wordsPerCyclePerPort", "", 1,
            1 << 20, 4, "words a memory port moves per cycle");
    public static final WholeParameter MACS_PER_CYCLE = new WholeParameter("macsPerCycle", "--macs-per-cycle", 1,
            1 << 20, 16, "MACs per tile per cycle");
    public static final WholeParameter PHASE_OVERHEAD_CYCLES = new WholeParameter("phaseOverheadCycles", "", 0,
            1 << 30, 4, "fixed cycles of every phase");
    /** Every key {@link #read} takes. */
    public static final List<String> KEYS = List.of(MEMORY_BYTES.key(), WORD_BYTES.key(), MEMORY_PORTS.key(),
            WORDS_PER_CYCLE_PER_PORT.key(), MACS_PER_CYCLE.key(), PHASE_OVERHEAD_CYCLES.key());

    /** 512 KiB of SRAM, float32 words, two ports of 4 words a cycle, 16 MACs a cycle, 4 cycles per phase. */
    public static final TileParameters DEFAULTS = new TileParameters(MEMORY_BYTES.defaultValue(),
            WORD_BYTES.defaultInt(), MEMORY_PORTS.defaultInt(), WORDS_PER_CYCLE_PER_PORT.defaultInt(),
            MACS_PER_CYCLE.defaultInt(), PHASE_OVERHEAD_CYCLES.defaultValue());

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

    /**
     * The tile keys of a config file over {@code base}: values outside the declared ranges are errors
     * naming file, line and key, and so is a memory that cannot hold one word.
     */
    public static TileParameters read(ConfigSection c, TileParameters base) {
        TileParameters tile = new TileParameters(MEMORY_BYTES.read(c, base.memoryBytes()),
                WORD_BYTES.readInt(c, base.wordBytes()), MEMORY_PORTS.readInt(c, base.memoryPorts()),
                WORDS_PER_CYCLE_PER_PORT.readInt(c, base.wordsPerCyclePerPort()),
                MACS_PER_CYCLE.readInt(c, base.macsPerCycle()),
                PHASE_OVERHEAD_CYCLES.read(c, base.phaseOverheadCycles()));
        if (tile.memoryBytes() < tile.wordBytes()) {
            throw c.invalid(c.has(MEMORY_BYTES.key()) ? MEMORY_BYTES.key() : WORD_BYTES.key(), "makes a memory of "
                    + tile.memoryBytes() + " bytes that cannot hold one " + tile.wordBytes() + "-byte word");
        }
        return tile;
    }

    /** A copy with the memory and the compute rate given on the command line, each checked by its declaration. */
    public TileParameters withOptions(String memory, Integer macs) {
        TileParameters tile = new TileParameters(memory == null ? memoryBytes : MEMORY_BYTES.parse(memory), wordBytes,
                memoryPorts, wordsPerCyclePerPort, macs == null ? macsPerCycle : MACS_PER_CYCLE.checkInt(macs),
                phaseOverheadCycles);
        if (tile.memoryBytes() < wordBytes) {
            throw new InvalidInputException(MEMORY_BYTES.option() + " " + memory + " cannot hold one " + wordBytes
                    + "-byte word");
        }
        return tile;
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
