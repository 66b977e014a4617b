package org.neurotile.neuron.plan;

import org.neurotile.neuron.layers.LayerKernel;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.SliceWords;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.workloads.NetworkSpec;

/**
 * The bytes of a slice of a layer, as its kernel sizes the slice and the storage prices its words,
 * and the largest slice that fits in a tile's free memory. A layer without weight sharing costs
 * the same per neuron plus its inputs once per tile, so its fit is one division; a convolution's
 * slice (whole output rows or channels) is found by bisection, as its halo and kernel copies
 * depend on where it starts.
 */
final class SliceSizes {
    private final NetworkSpec network;
    private final StorageModel storage;
    private final WeightSharing sharing;
    private final LayerKernels kernels;

    SliceSizes(NetworkSpec network, StorageModel storage, WeightSharing sharing) {
        this.network = network;
        this.storage = storage;
        this.sharing = sharing;
        this.kernels = LayerKernels.of(network);
    }

    LayerKernel kernel(int layer) {
        return kernels.layer(layer);
    }

    WeightSharing sharing() {
        return sharing;
    }

    SliceWords words(int layer, long first, long count) {
        return kernels.layer(layer).words(first, count, sharing);
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

    /** Units of the smallest slice of a layer: one neuron, or a convolution's row or channel. */
    long smallestSlice(int layer) {
        return Math.min(network.neurons(layer), kernels.layer(layer).alignment(sharing));
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
        long align = kernel.alignment(sharing);
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
