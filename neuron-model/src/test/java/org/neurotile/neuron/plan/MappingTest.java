package org.neurotile.neuron.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;

class MappingTest {
    private static final int WORD = 4;

    private static NetworkSpec network(int input, int... layers) {
        List<Layer> specs = new java.util.ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            specs.add(Dense.of(layers[i], i == layers.length - 1 ? Activation.IDENTITY : Activation.RELU));
        }
        return new NetworkSpec("test", input, specs);
    }

    @Test
    void contiguousFillsTilesLayerAfterLayer() {
        NetworkSpec net = network(3, 4, 2);
        // Layer 1 neuron: 3 weights + bias + 1 activation = 20 B; inputs 12 B per tile.
        // A 60-byte tile holds the 12 B of inputs and two neurons (52 B).
        Mapping mapping = Mapping.contiguous(net, StorageModel.weightsOnly(net, WORD), 8, 60);
        assertEquals(List.of(new Placement(0, 1, 0, 2), new Placement(1, 1, 2, 2), new Placement(2, 2, 0, 1),
                new Placement(3, 2, 1, 1)), mapping.placements());
    }

    @Test
    void aTileMovesOnToTheNextLayerWhileItHasRoom() {
        NetworkSpec net = network(2, 1, 1);
        Mapping mapping = Mapping.contiguous(net, StorageModel.weightsOnly(net, WORD), 1, 1024);
        assertEquals(List.of(new Placement(0, 1, 0, 1), new Placement(0, 2, 0, 1)), mapping.placements());
        assertEquals(1, mapping.tilesUsed());
    }

    @Test
    void footprintCountsEachKindOnce() {
        NetworkSpec net = network(3, 4, 2);
        Mapping mapping = Mapping.contiguous(net, StorageModel.weightsOnly(net, WORD), 1, 1 << 20);
        long weights = (4 * 4 + 2 * 5) * WORD;
        long activations = (4 + 2) * WORD + (3 + 4) * WORD;
        assertEquals(weights, mapping.footprintBytes(0, MemoryKind.WEIGHTS));
        assertEquals(activations, mapping.footprintBytes(0, MemoryKind.ACTIVATIONS));
        assertEquals(0, mapping.footprintBytes(0, MemoryKind.FEEDBACK));
    }

    @Property(tries = 100)
    void everyNeuronIsPlacedExactlyOnceAndNoTileOverflows(
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 40) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 40) int input) {
        int[] layers = sizes.stream().mapToInt(Integer::intValue).toArray();
        NetworkSpec net = network(input, layers);
        long memory = 4096;
        StorageModel storage = StorageModel.weightsOnly(net, WORD);
        Mapping mapping = Mapping.contiguous(net, storage, 10_000, memory);
        for (int l = 1; l <= net.layerCount(); l++) {
            int covered = 0;
            for (Placement p : mapping.placementsOf(l)) {
                assertEquals(covered, p.first());
                covered = p.end();
            }
            assertEquals(net.neurons(l), covered);
        }
        for (int tile = 0; tile < mapping.tilesUsed(); tile++) {
            long total = 0;
            for (MemoryKind kind : MemoryKind.values()) {
                total += mapping.footprintBytes(tile, kind);
            }
            assertTrue(total <= memory, "tile " + tile + " holds " + total);
        }
    }

    @Test
    void tooFewTilesSaysHowManyAndHowMuchMemoryWouldFit() {
        NetworkSpec alexnet = NetworkCatalog.get("alexnet-fc");
        MappingDoesNotFitException e = assertThrows(MappingDoesNotFitException.class, () ->
                Mapping.contiguous(alexnet, StorageModel.weightsOnly(alexnet, WORD), 64, 512 * 1024));
        assertTrue(e.getMessage().contains("on 64 tiles of 512 KiB"), e.getMessage());
        assertTrue(e.getMessage().contains("runs out of tiles; it needs "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aNeuronLargerThanATileSaysTheMemoryNeeded() {
        NetworkSpec vgg = NetworkCatalog.get("vgg16-fc");
        MappingDoesNotFitException e = assertThrows(MappingDoesNotFitException.class, () ->
                Mapping.contiguous(vgg, StorageModel.weightsOnly(vgg, WORD), 1024, 64 * 1024));
        assertTrue(e.getMessage().contains("layer 1"), e.getMessage());
        assertTrue(e.getMessage().contains("per tile for one neuron"), e.getMessage());
    }

    @Test
    void theSuggestedMemoryIsTheSmallestThatFits() {
        NetworkSpec net = network(3, 4, 2);
        StorageModel storage = StorageModel.weightsOnly(net, WORD);
        assertThrows(MappingDoesNotFitException.class, () -> Mapping.contiguous(net, storage, 2, 60));
        // Two tiles: layer 1 (4 x 20 B + 12 B) on one, layer 2 (2 x 24 B + 16 B) on the other: 92 B.
        Mapping.contiguous(net, storage, 2, 92);
        assertThrows(MappingDoesNotFitException.class, () -> Mapping.contiguous(net, storage, 2, 91));
    }
}
