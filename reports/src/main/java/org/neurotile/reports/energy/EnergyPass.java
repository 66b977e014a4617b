package org.neurotile.reports.energy;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Counts;
import org.neurotile.neuron.counts.Pricing;
import org.neurotile.neuron.counts.Store;
import org.neurotile.reports.energy.EnergyTable.Action;
import org.neurotile.sim.InvalidInputException;

/**
 * Prices counts with an energy table, after simulation: every category as its {@link Pricing} says.
 *
 * <ul>
 *   <li>compute: macs, adds and elementwiseOps at their energies;</li>
 *   <li>local memory: every read and write of weights, feedback, activations, errors and optimizer
 *   state at the SRAM energy of the tile's memory size (interpolated in the table); on a chip whose
 *   memory words live off chip (the processor baseline) they are priced there, so local memory is zero;</li>
 *   <li>NoC: a packet crossing H links passes H + 1 routers, so routers see nocByteHops +
 *   nocBytesInjected bytes and links nocByteHops;</li>
 *   <li>off chip: offChipBytes;</li>
 *   <li>derived categories (wordsMoved, bytesMoved) are views of traffic priced above, not priced again;</li>
 *   <li>static: every tile (all of them, busy or idle) for every cycle of the example.</li>
 * </ul>
 * Word-sized energies (MAC, add, element-wise, SRAM) scale with the chip's word width against the
 * table's {@code wordBits}; a memory category stored in a word of its own (fixed-point weights,
 * activations or errors) scales with that word's width instead. A table that cannot price a
 * priced category is refused when the pass is made.
 */
public final class EnergyPass {
    /**
     * What the table needs to know of the chip.
     *
     * @param localMemoryBytes a tile's memory, whose words are priced at its SRAM energy; empty where
     *     memory words cross the chip boundary and are priced as off-chip bytes
     * @param storeWordBytes bytes of a word of each store that has its own word size; the others
     *     (and all, when empty) take {@code wordBytes}
     */
    public record Chip(OptionalLong localMemoryBytes, int wordBytes, long tiles, Map<Store, Integer> storeWordBytes) {
        public Chip {
            storeWordBytes = Map.copyOf(storeWordBytes);
        }

        /** A tile array of {@code tiles} tiles of {@code memoryBytes}, every memory word of {@code wordBytes}. */
        public static Chip tiles(long memoryBytes, int wordBytes, long tiles) {
            return new Chip(OptionalLong.of(memoryBytes), wordBytes, tiles, Map.of());
        }
    }

    private final EnergyTable table;
    private final Chip chip;

    public EnergyPass(EnergyTable table, Chip chip) {
        this.table = table;
        this.chip = chip;
        for (Category category : Category.values()) {
            requirePrice(category);
        }
        requireAction(Action.STATIC_PER_TILE_PER_CYCLE, "leakage");
    }

    public EnergyTable table() {
        return table;
    }

    /** Energy of the actions counted, without leakage. */
    public Energy dynamic(Counts counts) {
        double width = chip.wordBytes() * 8.0 / table.wordBits();
        boolean ownWidths = !chip.storeWordBytes().isEmpty();
        double compute = 0;
        double reads = 0;
        double writes = 0;
        double routerBytes = 0;
        double linkBytes = 0;
        double offChipBytes = 0;
        for (Category category : Category.values()) {
            double count = counts.get(category);
            switch (category.pricing()) {
                case MAC, ADD, ELEMENTWISE_OP -> compute += count * table.pj(action(category.pricing()));
                // words of the tile's width are summed before scaling, as they always were
                case MEMORY_READ -> reads += ownWidths ? words(category, count) : count;
                case MEMORY_WRITE -> writes += ownWidths ? words(category, count) : count;
                case NOC_INJECTED_BYTE -> routerBytes += count;
                case NOC_BYTE_HOP -> {
                    routerBytes += count;
                    linkBytes += count;
                }
                case OFF_CHIP_BYTE -> offChipBytes += count;
                case DERIVED -> {
                }
            }
        }
        Map<EnergyKind, Double> energy = new EnumMap<>(EnergyKind.class);
        energy.put(EnergyKind.COMPUTE, width * compute);
        if (chip.localMemoryBytes().isPresent()) {
            long memoryBytes = chip.localMemoryBytes().getAsLong();
            energy.put(EnergyKind.LOCAL_MEMORY, width * (reads * table.sramReadPj(memoryBytes)
                    + writes * table.sramWritePj(memoryBytes)));
        }
        energy.put(EnergyKind.NOC, routerBytes * table.pj(Action.NOC_ROUTER_PER_BYTE)
                + linkBytes * table.pj(Action.NOC_LINK_PER_BYTE));
        energy.put(EnergyKind.OFF_CHIP, offChipBytes * table.pj(Action.OFF_CHIP_PER_BYTE));
        return new Energy(energy);
    }

    /** Leakage of {@code tiles} tiles over {@code cycles}. */
    public double staticPj(long tiles, long cycles) {
        return (double) tiles * cycles * table.pj(Action.STATIC_PER_TILE_PER_CYCLE);
    }

    /** Dynamic energy plus the leakage of every tile of the chip over the example's cycles. */
    public Energy total(Counts counts, long cycles) {
        Map<EnergyKind, Double> energy = new EnumMap<>(dynamic(counts).byKindPj());
        energy.put(EnergyKind.STATIC, staticPj(chip.tiles(), cycles));
        return new Energy(energy);
    }

    /** Memory words of {@code category} in words of the chip's width. */
    private double words(Category category, double count) {
        return count * chip.storeWordBytes().getOrDefault(category.store(), chip.wordBytes()) / (double) chip.wordBytes();
    }

    /** The table's action for a priced category that is not a memory access. */
    private static Action action(Pricing pricing) {
        return switch (pricing) {
            case MAC -> Action.MAC;
            case ADD -> Action.ADD;
            case ELEMENTWISE_OP -> Action.ELEMENTWISE_OP;
            case NOC_INJECTED_BYTE -> Action.NOC_ROUTER_PER_BYTE;
            case NOC_BYTE_HOP -> Action.NOC_LINK_PER_BYTE;
            case OFF_CHIP_BYTE -> Action.OFF_CHIP_PER_BYTE;
            case MEMORY_READ, MEMORY_WRITE, DERIVED -> throw new IllegalArgumentException(pricing + " has no action");
        };
    }

    private void requirePrice(Category category) {
        Pricing pricing = category.pricing();
        if (!pricing.isPriced()) {
            return;
        }
        if (pricing.isMemoryAccess()) {
            if (table.sram().isEmpty()) {
                throw new InvalidInputException("energy table '" + table.name() + "' cannot price '" + category.id()
                        + "': it has no sram points");
            }
            return;
        }
        if (pricing == Pricing.NOC_BYTE_HOP) {
            requireAction(Action.NOC_ROUTER_PER_BYTE, category.id());
        }
        requireAction(action(pricing), category.id());
    }

    private void requireAction(Action action, String what) {
        if (!table.entries().containsKey(action)) {
            throw new InvalidInputException("energy table '" + table.name() + "' cannot price '" + what + "': it has "
                    + "no '" + action.key() + "' entry (" + action.meaning() + ")");
        }
    }
}
