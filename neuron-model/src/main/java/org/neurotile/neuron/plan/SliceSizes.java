package org.neurotile.neuron.plan;

import org.neurotile.neuron.layers.ConvCut;
import org.neurotile.neuron.layers.LayerKernel;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.SliceWords;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

/**
 * The bytes of a slice of a layer, as its kernel sizes the slice and the storage prices its words,
 * and the largest slice that fits in a tile's free memory. A layer without weight sharing costs
 * the same per neuron plus its inputs once per tile, so its fit is one division; a convolution's
 * slice (whole output rows or channels) is found by bisection, as its halo and kernel copies
 * depend on where it starts.
 *
 * <p>Under {@link WeightSharing#ROWS} each convolution's block of G output channels is chosen here
 * ({@link #rowsCut}): the largest divisor of C_out whose one-row slices fit a tile alone.
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
     * The largest G dividing the layer's C_out whose slices of one output row (of G channels), at
     * the top, middle and bottom of the first block, each fit in {@code memoryBytes} alone: the
     * most channels whose partial sums a tile adds before sending, while the mapping degrades
     * towards one channel per block (copies) where kernels are large. G = 1 if none fits (the fill
     * then reports the layer).
     */
    private ConvCut rowsCut(int layer, long memoryBytes) {
        TensorShape out = network.output(layer);
        LayerKernel kernel = kernels.layer(layer);
        for (int g = out.channels(); g > 1; g--) {
            if (out.channels() % g != 0) {
                continue;
            }
            ConvCut cut = ConvCut.rows(g);
            long row = (long) g * out.width();
            boolean fits = true;
            for (int y : new int[] {0, out.height() / 2, out.height() - 1}) {
                fits &= storage.bytes(layer, y * row, kernel.words(y * row, row, cut)) <= memoryBytes;
            }
            if (fits) {
                return cut;
            }
        }
        return ConvCut.rows(1);
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
        long remaining = network.neurons(layer) - first;
        LayerKernel kernel = kernels.layer(layer);
        if (!kernel.sharesWeights()) {
            long perNeuron = bytesPerNeuron(layer);
            long free = room - inputBytesPerTile(layer);
            return free < perNeuron ? 0 : Math.min(remaining, free / perNeuron);
        }
        long align = kernel.alignment(cuts[layer]);
        long low = 0;
        long high = (remaining + align - 1) / align;
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            if (bytes(layer, first, Math.min(remaining, middle * align)) <= room) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return Math.min(remaining, low * align);
    }
}
