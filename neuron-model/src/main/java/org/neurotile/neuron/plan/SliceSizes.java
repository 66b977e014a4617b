package org.neurotile.neuron.plan;

import org.neurotile.neuron.layers.ConvCut;
import org.neurotile.neuron.layers.LayerKernel;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.SliceWords;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.NetworkSpec;

/**
 * The bytes of a slice of a layer, as its kernel sizes the slice and the storage prices its words,
 * and the largest slice that fits in a tile's free memory. A layer without weight sharing costs
 * the same per neuron plus its inputs once per tile, so its fit is one division; a convolution's
 * slice (whole output rows or channels) is found by bisection, as its halo and kernel copies
 * depend on where it starts.
 *
 * <p>Under {@link WeightSharing#ROWS} each convolution's block of G output channels is chosen here
 * ({@link #rowsCut}).
 */
final class SliceSizes {
    private final NetworkSpec network;
    private final StorageModel storage;
    private final WeightSharing sharing;
    private final LayerKernels kernels;
    private final ConvCut[] cuts; // per layer, index 1..L

    /** {@code memoryBytes}: a tile's memory, which bounds the blocks of the rows mapping. */
    SliceSizes(NetworkSpec network, StorageModel storage, WeightSharing sharing, long memoryBytes) {
        this.network = network;
        this.storage = storage;
        this.sharing = sharing;
        this.kernels = LayerKernels.of(network);
        this.cuts = new ConvCut[network.layerCount() + 1];
        for (int l = 1; l <= network.layerCount(); l++) {
            cuts[l] = sharing == WeightSharing.ROWS && network.layer(l) instanceof Conv2d
                    ? rowsCut(l, memoryBytes) : ConvCut.of(sharing);
        }
    }

    /**
     * The largest G dividing the layer's C_out with which the layer alone takes no more tiles of
     * {@code memoryBytes} than with G = 1, which is {@code copies}. More channels per block mean
     * fewer partial sums (a tile adds its G channels' before sending) and less input kept twice (a
     * block's channels share their input rows), so G is as large as it can be; but a row of G
     * channels is the slice's smallest step, and a coarse one leaves the rest of a tile empty where
     * a unit keeps much (dfa's feedback rows), and the G kernels are copied into every tile of a
     * block: the bound keeps each layer within the tiles copies gives it. A G whose row does not fit
     * a tile alone is no candidate; G = 1 where none is.
     */
    private ConvCut rowsCut(int layer, long memoryBytes) {
        int channels = network.output(layer).channels();
        long copiesTiles = tilesAlone(layer, ConvCut.rows(1), memoryBytes, Long.MAX_VALUE);
        if (copiesTiles == Long.MAX_VALUE) {
            return ConvCut.rows(1); // a row of one channel does not fit: the fill reports it
        }
        for (int g = channels; g > 1; g--) {
            if (channels % g == 0 && tilesAlone(layer, ConvCut.rows(g), memoryBytes, copiesTiles) <= copiesTiles) {
                return ConvCut.rows(g);
            }
        }
        return ConvCut.rows(1);
    }

    /**
     * The tiles of {@code memoryBytes} the layer takes alone, cut as {@code cut}; more than
     * {@code atMost} (counting stops there), or {@link Long#MAX_VALUE} if a slice fits no tile.
     */
    private long tilesAlone(int layer, ConvCut cut, long memoryBytes, long atMost) {
        long tiles = 0;
        for (long first = 0; first < network.neurons(layer) && tiles <= atMost; tiles++) {
            long units = fits(layer, cut, first, memoryBytes);
            if (units == 0) {
                return Long.MAX_VALUE;
            }
            first += units;
        }
        return tiles;
    }

    /** How layer {@code layer} is cut and its units ordered. */
    ConvCut cut(int layer) {
        return cuts[layer];
    }

    LayerKernel kernel(int layer) {
        return kernels.layer(layer);
    }

    WeightSharing sharing() {
        return sharing;
    }

    SliceWords words(int layer, long first, long count) {
        return kernels.layer(layer).words(first, count, cuts[layer]);
    }

    long bytes(int layer, long first, long count, MemoryKind kind) {
        return storage.bytes(layer, first, words(layer, first, count), kind);
    }

    long bytes(int layer, long first, long count) {
        return storage.bytes(layer, first, words(layer, first, count));
    }

    /** Bytes a tile keeps once per layer of a layer without weight sharing: its inputs. */
    long inputBytesPerTile(int layer) {
        return words(layer, 0, 1).inputWords() * storage.inputBytesPerWord(layer);
    }

    /** Bytes per neuron of a layer without weight sharing, its inputs aside. */
    long bytesPerNeuron(int layer) {
        return bytes(layer, 0, 1) - inputBytesPerTile(layer);
    }

    /** Units of the smallest slice of a layer: one neuron, or a convolution's row (of a block) or channel. */
    long smallestSlice(int layer) {
        return Math.min(network.neurons(layer), kernels.layer(layer).alignment(cuts[layer]));
    }

    /** Bytes of the layer's first smallest slice, alone in a tile. */
    long smallestSliceBytes(int layer) {
        return bytes(layer, 0, smallestSlice(layer));
    }

    /** The most units from {@code first} on that fit in {@code room} bytes (0 if none). */
    long fits(int layer, long first, long room) {
        return fits(layer, cuts[layer], first, room);
    }

    private long fits(int layer, ConvCut cut, long first, long room) {
        long remaining = network.neurons(layer) - first;
        LayerKernel kernel = kernels.layer(layer);
        if (!kernel.sharesWeights()) {
            long perNeuron = bytesPerNeuron(layer);
            long free = room - inputBytesPerTile(layer);
            return free < perNeuron ? 0 : Math.min(remaining, free / perNeuron);
        }
        long align = kernel.alignment(cut);
        long low = 0;
        long high = (remaining + align - 1) / align;
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            long count = Math.min(remaining, middle * align);
            if (storage.bytes(layer, first, kernel.words(first, count, cut)) <= room) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return Math.min(remaining, low * align);
    }
}
