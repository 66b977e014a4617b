package org.neurotile.reports.energy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.neurotile.reports.energy.EnergyTable.Action;
import org.neurotile.sim.InvalidInputException;

/**
 * Prices counts with an energy table, after simulation. Counts are keyed by category id as a run
 * writes them ({@code macs}, {@code weightReads}, ...).
 *
 * <ul>
 *   <li>compute: macs, adds and elementwiseOps at their energies;</li>
 *   <li>local memory: every read and write of weights, feedback, activations, errors and optimizer
 *   state at the SRAM energy of the tile's memory size (interpolated in the table); on the processor
 *   baseline these words live off chip and are priced there, so local memory is zero;</li>
 *   <li>NoC: a packet crossing H links passes H + 1 routers, so routers see nocByteHops +
 *   nocBytesInjected bytes and links nocByteHops;</li>
 *   <li>off chip: offChipBytes;</li>
 *   <li>static: every tile (all of them, busy or idle) for every cycle of the example.</li>
 * </ul>
 * Word-sized energies (MAC, add, element-wise, SRAM) scale with the chip's word width against the
 * table's {@code wordBits}; a memory category stored in a word of its own (fixed-point weights,
 * activations or errors) scales with that word's width instead.
 */
public final class EnergyPass {
    static final List<String> MEMORY_ACCESSES = List.of("weightReads", "weightWrites", "feedbackReads",
            "feedbackWrites", "activationReads", "activationWrites", "errorReads", "errorWrites", "optimizerReads",
            "optimizerWrites");

    /**
     * What the table needs to know of the chip.
     *
     * @param memoryWordBytes bytes of a word of each memory category (by id) that has its own word
     *     size; the others take {@code wordBytes}
     */
    public record Chip(boolean processor, long memoryBytes, int wordBytes, long tiles,
                       Map<String, Integer> memoryWordBytes) {
        public Chip {
            memoryWordBytes = Map.copyOf(memoryWordBytes);
        }

        /** Every memory word of {@code wordBytes}. */
        public Chip(boolean processor, long memoryBytes, int wordBytes, long tiles) {
            this(processor, memoryBytes, wordBytes, tiles, Map.of());
        }
    }

    private final EnergyTable table;
    private final Chip chip;

    public EnergyPass(EnergyTable table, Chip chip) {
        this.table = table;
        this.chip = chip;
    }

    public EnergyTable table() {
        return table;
    }

    /** Energy of the actions counted, without leakage. */
    public Energy dynamic(Map<String, Long> counts) {
        double width = chip.wordBytes() * 8.0 / table.wordBits();
        Map<EnergyKind, Double> energy = new EnumMap<>(EnergyKind.class);
        energy.put(EnergyKind.COMPUTE, width * (count(counts, "macs") * table.pj(Action.MAC)
                + count(counts, "adds") * table.pj(Action.ADD)
                + count(counts, "elementwiseOps") * table.pj(Action.ELEMENTWISE_OP)));
        if (!chip.processor()) {
            double reads = 0;
            double writes = 0;
            boolean ownWidths = !chip.memoryWordBytes().isEmpty();
            for (String category : MEMORY_ACCESSES) {
                // words of the tile's width are summed before scaling, as they always were
                double words = ownWidths ? count(counts, category) * chip.memoryWordBytes()
                        .getOrDefault(category, chip.wordBytes()) / (double) chip.wordBytes() : count(counts, category);
                if (category.endsWith("Reads")) {
                    reads += words;
                } else {
                    writes += words;
                }
            }
            energy.put(EnergyKind.LOCAL_MEMORY, width * (reads * table.sramReadPj(chip.memoryBytes())
                    + writes * table.sramWritePj(chip.memoryBytes())));
        }
        double hops = count(counts, "nocByteHops");
        energy.put(EnergyKind.NOC, (hops + count(counts, "nocBytesInjected")) * table.pj(Action.NOC_ROUTER_PER_BYTE)
                + hops * table.pj(Action.NOC_LINK_PER_BYTE));
        energy.put(EnergyKind.OFF_CHIP, count(counts, "offChipBytes") * table.pj(Action.OFF_CHIP_PER_BYTE));
        return new Energy(energy);
    }

    /** Leakage of {@code tiles} tiles over {@code cycles}. */
    public double staticPj(long tiles, long cycles) {
        return (double) tiles * cycles * table.pj(Action.STATIC_PER_TILE_PER_CYCLE);
    }

    /** Dynamic energy plus the leakage of every tile of the chip over the example's cycles. */
    public Energy total(Map<String, Long> counts, long cycles) {
        Map<EnergyKind, Double> energy = new EnumMap<>(dynamic(counts).byKindPj());
        energy.put(EnergyKind.STATIC, staticPj(chip.tiles(), cycles));
        return new Energy(energy);
    }

    private static double count(Map<String, Long> counts, String category) {
        Long value = counts.get(category);
        if (value == null) {
            throw new InvalidInputException("the counts have no '" + category + "' to price");
        }
        return value;
    }
}
