package org.neurotile.neuron.chip;

import org.neurotile.noc.NocParameters;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.sim.InvalidInputException;

/**
 * The baseline the papers compare against: a memory-bound processor, one compute unit whose
 * weights, feedback and activations live in off-chip memory. It runs the same plans as the array,
 * as a single tile whose memory is off-chip: every word the tile reads or writes crosses the chip
 * boundary at {@code offChipBytesPerCycle}. Within a task an operand used by several neurons (a
 * layer's inputs, the errors) is fetched once: the on-chip buffer holds one layer's vectors.
 *
 * @param macsPerCycle multiply-accumulates per cycle
 * @param offChipBytesPerCycle off-chip memory bandwidth, a multiple of the word size
 * @param offChipBytes capacity of the off-chip memory
 * @param wordBytes bytes per word
 * @param phaseOverheadCycles fixed cycles of every task
 */
public record ProcessorSpec(int macsPerCycle, int offChipBytesPerCycle, long offChipBytes, int wordBytes,
                            long phaseOverheadCycles) {

    /** 16 MACs a cycle against 16 bytes a cycle of DRAM (16 GB/s at 1 GHz), 16 GiB. */
    public static final ProcessorSpec DEFAULTS = new ProcessorSpec(16, 16, 16L << 30, 4, 4);

    public ProcessorSpec {
        if (macsPerCycle <= 0 || offChipBytes <= 0 || wordBytes <= 0 || phaseOverheadCycles < 0) {
            throw new InvalidInputException("processor sizes must be positive");
        }
        if (offChipBytesPerCycle <= 0 || offChipBytesPerCycle % wordBytes != 0) {
            throw new InvalidInputException("offChipBytesPerCycle must be a positive multiple of the " + wordBytes
                    + "-byte word, got " + offChipBytesPerCycle);
        }
    }

    /** The processor as a one-tile chip whose memory is the off-chip memory. */
    ChipSpec asChip() {
        TileParameters tile = new TileParameters(offChipBytes, wordBytes, 1, offChipBytesPerCycle / wordBytes,
                macsPerCycle, phaseOverheadCycles);
        return new ChipSpec(new GridShape(1, 1), "mesh", NocParameters.DEFAULTS, tile, ChipSpec.MappingKind.CONTIGUOUS);
    }
}
