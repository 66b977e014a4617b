package org.neurotile.neuron.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.layers.ConvCut;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

/**
 * The rows conv mapping's choice of G, on a 2 x 8 x 8 input and 6 channels of 3 x 3 (padding 1): a
 * slice of k output rows of G channels keeps G (2 x 9 + 1) parameter words, G k 8 sums and the
 * input rows its windows read of 2 channels, 4 bytes a word: one row in the middle of the map
 * takes 4 (27 G + 48) bytes (300, 408, 516 and 840 for G = 1, 2, 3, 6). The tile counts in the
 * messages are the layer's, found by filling tiles by hand with these sizes (a slice's first and
 * last rows read one input row less at the map's edges).
 */
class RowsMappingTest {
    private static final NetworkSpec NET = new NetworkSpec("conv", new TensorShape(2, 8, 8),
            List.of(Conv2d.of(6, 3, 1, Activation.IDENTITY)));

    private static Mapping mapping(long memoryBytes, WeightSharing sharing) {
        return Mapping.contiguous(NET, StorageModel.weightsOnly(NET, 4), 64, memoryBytes, sharing);
    }

    private static Mapping rows(long memoryBytes) {
        return mapping(memoryBytes, WeightSharing.ROWS);
    }

    @Test
    void theBlockIsTheLargestWithWhichTheLayerTakesNoMoreTilesThanUnderCopies() {
        assertEquals(ConvCut.rows(6), rows(840).cut(1), "G = 6 takes 8 tiles, as G = 1 does");
        assertEquals(ConvCut.rows(2), rows(1200).cut(1), "G = 6 and 3 take 4 tiles, G = 2 and 1 take 3");
    }

    @Test
    void aCoarseBlockThatLeavesMostOfATileEmptyIsNoCandidate() {
        assertEquals(ConvCut.rows(2), rows(600).cut(1), "a row of 3 channels (516 B) fills a tile alone: 16 tiles"
                + " against 12 under copies; rows of 2 channels take 9");
        assertEquals(ConvCut.rows(1), rows(450).cut(1), "rows of 2 channels take 24 tiles, of 1 channel 18");
    }

    @Test
    void aBlockWhoseRowDoesNotFitATileIsNoCandidate() {
        assertEquals(ConvCut.rows(2), rows(515).cut(1), "G = 1 and 2 take 18 tiles; a row of 3 channels takes 516 B");
    }

    @Property(tries = 50)
    void aLayerNeverTakesMoreTilesThanUnderCopies(@ForAll @LongRange(min = 300, max = 4000) long memoryBytes) {
        assertTrue(rows(memoryBytes).tilesUsed() <= mapping(memoryBytes, WeightSharing.COPIES).tilesUsed());
    }

    @Test
    void slicesAreWholeRowsOfABlock() {
        Mapping mapping = rows(600);
        long row = 8L * mapping.cut(1).blockChannels();
        for (Placement p : mapping.placementsOf(1)) {
            assertEquals(0, p.first() % row, p.toString());
            assertEquals(0, p.count() % row, p.toString());
        }
        assertEquals(NET.neurons(1), mapping.placementsOf(1).stream().mapToInt(Placement::count).sum());
    }

    @Test
    void withOneChannelPerBlockTheMappingIsCopies() {
        Mapping rows = rows(407);
        assertEquals(ConvCut.rows(1), rows.cut(1));
        assertEquals(mapping(407, WeightSharing.COPIES).placements(), rows.placements());
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
