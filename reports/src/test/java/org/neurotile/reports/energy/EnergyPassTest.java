package org.neurotile.reports.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Counts;
import org.neurotile.neuron.counts.Store;
import org.neurotile.sim.InvalidInputException;

class EnergyPassTest {
    private static Counts counts() {
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        counts.put(Category.WEIGHT_READS, 100L);
        counts.put(Category.WEIGHT_WRITES, 50L);
        counts.put(Category.FEEDBACK_READS, 10L);
        counts.put(Category.MACS, 200L);
        counts.put(Category.ADDS, 7L);
        counts.put(Category.ELEMENTWISE_OPS, 3L);
        counts.put(Category.NOC_BYTE_HOPS, 400L);
        counts.put(Category.NOC_BYTES_INJECTED, 40L);
        counts.put(Category.OFF_CHIP_BYTES, 12L);
        counts.put(Category.WORDS_MOVED, 1_000_000L);
        counts.put(Category.BYTES_MOVED, 4_000_000L);
        return Counts.of(category -> counts.getOrDefault(category, 0L));
    }

    private static final EnergyPass.Chip TILES = EnergyPass.Chip.tiles(8 * 1024, 4, 16);

    @Test
    void theFortyFiveNanometreTableByHand() {
        EnergyPass pass = new EnergyPass(EnergyTable.preset("45nm"), TILES);
        Energy energy = pass.total(counts(), 1000);
        assertEquals(200 * 4.6 + 7 * 0.9 + 3 * 3.7, energy.pj(EnergyKind.COMPUTE), 1e-9);
        assertEquals((100 + 10) * 5 + 50 * 5, energy.pj(EnergyKind.LOCAL_MEMORY), 1e-9);
        assertEquals((400 + 40) * 1.6 + 400 * 0.3232, energy.pj(EnergyKind.NOC), 1e-9);
        assertEquals(12 * 160, energy.pj(EnergyKind.OFF_CHIP), 1e-9);
        assertEquals(16 * 1000 * 1.0, energy.pj(EnergyKind.STATIC), 1e-9);
    }

    @Test
    void theKindsSumToTheTotal() {
        Energy energy = new EnergyPass(EnergyTable.preset("45nm"), TILES).total(counts(), 77);
        double sum = 0;
        for (EnergyKind kind : EnergyKind.values()) {
            sum += energy.pj(kind);
        }
        assertEquals(sum, energy.totalPj(), 1e-9);
    }

    @Test
    void theProcessorPricesItsMemoryWordsOffChipOnly() {
        Energy energy = new EnergyPass(EnergyTable.preset("45nm"), new EnergyPass.Chip(OptionalLong.empty(), 4, 1, Map.of()))
                .dynamic(counts());
        assertEquals(0, energy.pj(EnergyKind.LOCAL_MEMORY));
        assertEquals(12 * 160, energy.pj(EnergyKind.OFF_CHIP), 1e-9);
    }

    @Test
    void aMemoryCategoryWithItsOwnWordIsPricedAtItsWidth() {
        EnergyPass.Chip oneByteWeights = new EnergyPass.Chip(OptionalLong.of(8 * 1024), 4, 16,
                Map.of(Store.WEIGHTS, 1));
        Energy energy = new EnergyPass(EnergyTable.preset("45nm"), oneByteWeights).dynamic(counts());
        assertEquals((100 + 50) * 5 / 4.0 + 10 * 5, energy.pj(EnergyKind.LOCAL_MEMORY), 1e-9);
        assertEquals(200 * 4.6 + 7 * 0.9 + 3 * 3.7, energy.pj(EnergyKind.COMPUTE), 1e-9, "arithmetic keeps its width");
    }

    @Test
    void halfWidthWordsHalveWordEnergies() {
        Energy full = new EnergyPass(EnergyTable.preset("45nm"), TILES).dynamic(counts());
        Energy half = new EnergyPass(EnergyTable.preset("45nm"), EnergyPass.Chip.tiles(8 * 1024, 2, 16))
                .dynamic(counts());
        assertEquals(full.pj(EnergyKind.COMPUTE) / 2, half.pj(EnergyKind.COMPUTE), 1e-9);
        assertEquals(full.pj(EnergyKind.LOCAL_MEMORY) / 2, half.pj(EnergyKind.LOCAL_MEMORY), 1e-9);
        assertEquals(full.pj(EnergyKind.NOC), half.pj(EnergyKind.NOC), 1e-9);
    }

    @Test
    void anotherTableChangesTheEnergyFromTheSameCounts() {
        Energy nm = new EnergyPass(EnergyTable.preset("45nm"), TILES).dynamic(counts());
        Energy normalized = new EnergyPass(EnergyTable.preset("normalized"), TILES).dynamic(counts());
        assertEquals(200 + 7 + 3, normalized.pj(EnergyKind.COMPUTE), 1e-9);
        assertEquals(true, nm.totalPj() != normalized.totalPj());
    }

    @Test
    void everyPricedCategoryCostsEnergyAndTheDerivedOnesNone() {
        EnergyPass pass = new EnergyPass(EnergyTable.preset("45nm"), TILES);
        for (Category category : Category.values()) {
            double pj = pass.dynamic(Counts.of(c -> c == category ? 1 : 0)).totalPj();
            if (category.pricing().isPriced()) {
                assertTrue(pj > 0, category.id() + " is priced");
            } else {
                assertEquals(0, pj, category.id() + " is derived");
            }
        }
    }

    @Test
    void aTableWithoutThePriceOfACategoryIsRefusedNamingIt() {
        EnergyTable full = EnergyTable.preset("45nm");
        Map<EnergyTable.Action, EnergyTable.Entry> entries = new EnumMap<>(full.entries());
        entries.remove(EnergyTable.Action.ADD);
        EnergyTable withoutAdds = new EnergyTable("partial", "test", "", full.wordBits(), entries, full.sram());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new EnergyPass(withoutAdds, TILES));
        assertEquals("energy table 'partial' cannot price 'adds': it has no 'add' entry (one addition (reductions, "
                + "sums of sign feedback))", e.getMessage());
    }

    @Test
    void aTableWithoutSramPointsCannotPriceMemoryWords() {
        EnergyTable full = EnergyTable.preset("45nm");
        EnergyTable noSram = new EnergyTable("flat", "test", "", full.wordBits(), full.entries(), List.of());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new EnergyPass(noSram, TILES));
        assertTrue(e.getMessage().contains("cannot price 'weightReads'"), e.getMessage());
    }
}
