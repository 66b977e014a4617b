package org.neurotile.reports.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnergyPassTest {
    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String category : EnergyPass.MEMORY_ACCESSES) {
            counts.put(category, 0L);
        }
        counts.put("weightReads", 100L);
        counts.put("weightWrites", 50L);
        counts.put("feedbackReads", 10L);
        counts.put("macs", 200L);
        counts.put("adds", 7L);
        counts.put("elementwiseOps", 3L);
        counts.put("nocByteHops", 400L);
        counts.put("nocBytesInjected", 40L);
        counts.put("offChipBytes", 12L);
        return counts;
    }

    private static final EnergyPass.Chip TILES = new EnergyPass.Chip(false, 8 * 1024, 4, 16);

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
        Energy energy = new EnergyPass(EnergyTable.preset("45nm"), new EnergyPass.Chip(true, 0, 4, 1))
                .dynamic(counts());
        assertEquals(0, energy.pj(EnergyKind.LOCAL_MEMORY));
        assertEquals(12 * 160, energy.pj(EnergyKind.OFF_CHIP), 1e-9);
    }

    @Test
    void aMemoryCategoryWithItsOwnWordIsPricedAtItsWidth() {
        EnergyPass.Chip oneByteWeights = new EnergyPass.Chip(false, 8 * 1024, 4, 16,
                Map.of("weightReads", 1, "weightWrites", 1));
        Energy energy = new EnergyPass(EnergyTable.preset("45nm"), oneByteWeights).dynamic(counts());
        assertEquals((100 + 50) * 5 / 4.0 + 10 * 5, energy.pj(EnergyKind.LOCAL_MEMORY), 1e-9);
        assertEquals(200 * 4.6 + 7 * 0.9 + 3 * 3.7, energy.pj(EnergyKind.COMPUTE), 1e-9, "arithmetic keeps its width");
    }

    @Test
    void halfWidthWordsHalveWordEnergies() {
        Energy full = new EnergyPass(EnergyTable.preset("45nm"), TILES).dynamic(counts());
        Energy half = new EnergyPass(EnergyTable.preset("45nm"), new EnergyPass.Chip(false, 8 * 1024, 2, 16))
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
}
