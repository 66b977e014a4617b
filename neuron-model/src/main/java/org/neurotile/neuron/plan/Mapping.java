package org.neurotile.neuron.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.neurotile.neuron.layers.ConvCut;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.workloads.NetworkSpec;

/**
 * Which tile holds which neurons. Tiles are filled in index order, layer after layer, each layer's
 * neurons in its mapping order, a neuron never split across tiles; a tile moves on to the next
 * layer's neurons while it has room. Mappings differ only in the order: {@code contiguous} keeps
 * neuron index order; a rule may supply another (for example grouping neurons that use the same
 * errors). Under the conv mapping {@code rows} a convolution's positions are its units in blocked
 * order ({@link ConvCut}): {@link #neuron} gives the CHW unit at each, {@link #stored} turns CHW
 * ranges into positions.
 */
public final class Mapping {
    private final NetworkSpec network;
    private final int tileCount;
    private final int[][] order; // per layer (index 1..L): position -> neuron
    private final List<Placement> placements;
    private final List<List<Placement>> byLayer;
    private final long[][] footprintBytes; // [tile][MemoryKind]
    private final WeightSharing sharing;
    private final ConvCut[] cuts; // per layer, index 1..L

    private Mapping(NetworkSpec network, int tileCount, int[][] order, List<Placement> placements,
                    long[][] footprintBytes, WeightSharing sharing, ConvCut[] cuts) {
        this.network = network;
        this.sharing = sharing;
        this.cuts = cuts;
        this.tileCount = tileCount;
        this.order = order;
        this.placements = Collections.unmodifiableList(placements);
        this.footprintBytes = footprintBytes;
        List<List<Placement>> layers = new ArrayList<>();
        for (int l = 0; l <= network.layerCount(); l++) {
            layers.add(new ArrayList<>());
        }
        for (Placement p : placements) {
            layers.get(p.layer()).add(p);
        }
        this.byLayer = layers.stream().map(Collections::unmodifiableList).toList();
    }

    /** Neurons in index order, convolutions cut as {@link WeightSharing#DEFAULT}. */
    public static Mapping contiguous(NetworkSpec network, StorageModel storage, int tileCount, long memoryBytes) {
        return contiguous(network, storage, tileCount, memoryBytes, WeightSharing.DEFAULT);
    }

    /** Neurons in index order, layers that share weights cut as {@code sharing} says. */
    public static Mapping contiguous(NetworkSpec network, StorageModel storage, int tileCount, long memoryBytes,
                                     WeightSharing sharing) {
        int[][] order = new int[network.layerCount() + 1][];
        for (int l = 1; l <= network.layerCount(); l++) {
            order[l] = identity(network.neurons(l));
        }
        return ordered(network, storage, tileCount, memoryBytes, order, sharing);
    }

    /**
     * Hidden neurons ordered by the errors they use (lexicographically, ties in index order), so that
     * neurons using the same errors share a tile and each tile needs fewer distinct errors; the
     * output layer in index order. A layer that shares weights (a convolution) keeps index order:
     * its slices are cut on rows or channels.
     */
    public static Mapping errorGrouped(NetworkSpec network, StorageModel storage, int tileCount, long memoryBytes,
                                       ErrorAssignment errors) {
        return errorGrouped(network, storage, tileCount, memoryBytes, errors, WeightSharing.DEFAULT);
    }

    /** As above, layers that share weights cut as {@code sharing} says. */
    public static Mapping errorGrouped(NetworkSpec network, StorageModel storage, int tileCount, long memoryBytes,
                                       ErrorAssignment errors, WeightSharing sharing) {
        LayerKernels kernels = LayerKernels.of(network);
        int layers = network.layerCount();
        int[][] order = new int[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            int layer = l;
            if (kernels.layer(l).sharesWeights()) {
                order[l] = identity(network.neurons(l));
                continue;
            }
            int[][] used = new int[network.neurons(l)][];
            for (int i = 0; i < used.length; i++) {
                used[i] = l == layers ? new int[0] : errors.errorsOf(l, i);
            }
            order[l] = IntStream.range(0, network.neurons(layer)).boxed()
                    .sorted((a, b) -> Arrays.compare(used[a], used[b]))
                    .mapToInt(Integer::intValue).toArray();
        }
        return ordered(network, storage, tileCount, memoryBytes, order, sharing);
    }

    /**
     * Neurons in the given order per layer ({@code order[l]} a permutation of layer l's neurons).
     *
     * @throws MappingDoesNotFitException if the network needs more tiles or memory
     */
    public static Mapping ordered(NetworkSpec network, StorageModel storage, int tileCount, long memoryBytes,
                                  int[][] order) {
        return ordered(network, storage, tileCount, memoryBytes, order, WeightSharing.DEFAULT);
    }

    /** As above, layers that share weights cut as {@code sharing} says. */
    public static Mapping ordered(NetworkSpec network, StorageModel storage, int tileCount, long memoryBytes,
                                  int[][] order, WeightSharing sharing) {
        SliceSizes sizes = new SliceSizes(network, storage, sharing, memoryBytes);
        Fill fill = Fill.run(network, sizes, tileCount, memoryBytes, true);
        if (fill.failedLayer != 0) {
            throw MappingDoesNotFitException.describe(network, sizes, tileCount, memoryBytes, fill.failedLayer);
        }
        ConvCut[] cuts = new ConvCut[network.layerCount() + 1];
        for (int l = 1; l <= network.layerCount(); l++) {
            cuts[l] = sizes.cut(l);
        }
        return new Mapping(network, tileCount, order, fill.placements, fill.footprintBytes, sharing, cuts);
    }

    /** How layers that share weights were cut into slices. */
    public WeightSharing weightSharing() {
        return sharing;
    }

    /** How layer {@code layer} (1..L) is cut into slices and its units ordered. */
    public ConvCut cut(int layer) {
        return cuts[layer];
    }

    /**
     * Ranges of layer {@code layer}'s output in CHW order (layer 0: the network's input) as ranges of
     * its positions, the order its placements count in.
     */
    public long[] stored(int layer, long[] chwRanges) {
        return layer == 0 ? chwRanges : cuts[layer].stored(chwRanges, network.output(layer));
    }

    public NetworkSpec network() {
        return network;
    }

    public int tileCount() {
        return tileCount;
    }

    public List<Placement> placements() {
        return placements;
    }

    /** The placements of one layer, in tile order. */
    public List<Placement> placementsOf(int layer) {
        return byLayer.get(layer);
    }

    /** The neuron at a position of a layer's mapping order (under blocks of channels, of the CHW unit there). */
    public int neuron(int layer, int position) {
        ConvCut cut = cuts[layer];
        return order[layer][cut.channelMajor() ? position : (int) cut.chwUnit(position, network.output(layer))];
    }

    /** Bytes of one kind the tile keeps. */
    public long footprintBytes(int tile, MemoryKind kind) {
        return footprintBytes[tile][kind.ordinal()];
    }

    /** Tiles that hold at least one neuron. */
    public int tilesUsed() {
        return (int) placements.stream().mapToInt(Placement::tile).distinct().count();
    }

    private static int[] identity(int n) {
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        return identity;
    }

    /** The greedy fill; it only needs sizes, so it also answers "how many tiles would fit". */
    static final class Fill {
        final List<Placement> placements = new ArrayList<>();
        long[][] footprintBytes;
        int failedLayer;
        long tilesUsed;

        /** With {@code record} false only {@code failedLayer} and {@code tilesUsed} are computed. */
        static Fill run(NetworkSpec network, SliceSizes sizes, long tileCount, long memoryBytes, boolean record) {
            Fill fill = new Fill();
            fill.footprintBytes = record ? new long[(int) tileCount][MemoryKind.values().length] : null;
            long tile = 0;
            long used = 0;
            for (int l = 1; l <= network.layerCount(); l++) {
                if (sizes.smallestSliceBytes(l) > memoryBytes) {
                    fill.failedLayer = l;
                    return fill;
                }
                long placed = 0;
                int neurons = network.neurons(l);
                while (placed < neurons) {
                    long fits = sizes.fits(l, placed, memoryBytes - used);
                    if (fits == 0) {
                        if (used == 0) { // a slice here needs more than a tile (more halo than the layer's first)
                            fill.failedLayer = l;
                            return fill;
                        }
                        tile++;
                        used = 0;
                        if (tile >= tileCount) {
                            fill.failedLayer = l;
                            return fill;
                        }
                        continue;
                    }
                    if (record) {
                        fill.placements.add(new Placement((int) tile, l, (int) placed, (int) fits));
                        long[] footprint = fill.footprintBytes[(int) tile];
                        for (MemoryKind kind : MemoryKind.values()) {
                            footprint[kind.ordinal()] += sizes.bytes(l, placed, fits, kind);
                        }
                    }
                    used += sizes.bytes(l, placed, fits);
                    placed += fits;
                    if (placed < neurons) { // one slice per layer and tile: the rest starts on the next tile
                        tile++;
                        used = 0;
                        if (tile >= tileCount) {
                            fill.failedLayer = l;
                            return fill;
                        }
                    }
                }
            }
            fill.tilesUsed = tile + 1;
            return fill;
        }
    }
}
