package org.neurotile.neuron.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.layers.ConvCut;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

/**
 * The rows conv mapping's choice of G. A 2 x 8 x 8 input and 6 channels of 3 x 3 (padding 1): a
 * slice of one output row of G channels keeps G (2 x 9 + 1) parameter words, G x 8 sums and, in
 * the middle of the map, 3 input rows of 2 channels (48 words): 4 (27 G + 48) = 108 G + 192 bytes.
 */
class RowsMappingTest {
    private static final NetworkSpec NET = new NetworkSpec("conv", new TensorShape(2, 8, 8),
            List.of(Conv2d.of(6, 3, 1, Activation.IDENTITY)));

    private static Mapping rows(long memoryBytes) {
        return Mapping.contiguous(NET, StorageModel.weightsOnly(NET, 4), 64, memoryBytes, WeightSharing.ROWS);
    }

    @Test
    void theBlockIsTheLargestDivisorOfTheChannelsWhoseRowFitsATile() {
        assertEquals(ConvCut.rows(6), rows(840).cut(1), "6 channels: 840 B");
        assertEquals(ConvCut.rows(3), rows(839).cut(1), "3 channels: 516 B; 6 do not fit");
        assertEquals(ConvCut.rows(2), rows(515).cut(1), "2 channels: 408 B");
    }

    @Test
    void slicesAreWholeRowsOfABlock() {
        Mapping mapping = rows(600);
        for (Placement p : mapping.placementsOf(1)) {
            assertEquals(0, p.first() % 24, p.toString());
            assertEquals(0, p.count() % 24, p.toString());
        }
        assertEquals(NET.neurons(1), mapping.placementsOf(1).stream().mapToInt(Placement::count).sum());
    }

    @Test
    void withOneChannelPerBlockTheMappingIsCopies() {
        Mapping rows = rows(407);
        assertEquals(ConvCut.rows(1), rows.cut(1));
        Mapping copies = Mapping.contiguous(NET, StorageModel.weightsOnly(NET, 4), 64, 407, WeightSharing.COPIES);
        assertEquals(copies.placements(), rows.placements());
        assertEquals(5, rows.neuron(1, 5));
    }

    @Test
    void positionsAreUnitsInBlockedOrder() {
        Mapping mapping = rows(840);
        assertEquals(64, mapping.neuron(1, 8), "position 8 is row 0 of channel 1");
        assertEquals(8, mapping.neuron(1, 48), "position 48 is row 1 of channel 0");
    }

    @Test
    void aRowOfOneChannelThatDoesNotFitIsTheUsualOneLineError() {
        MappingDoesNotFitException e = assertThrows(MappingDoesNotFitException.class, () -> rows(200));
        assertTrue(e.getMessage().contains("(a row, conv mapping rows)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
