package org.neurotile.neuron.plan;

import java.util.Locale;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.NetworkSpec;

/** The network needs more tiles or more memory per tile than the chip has; says how much would fit. */
public final class MappingDoesNotFitException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private static final long MAX_SEARCH_BYTES = 1L << 50;

    private MappingDoesNotFitException(String message) {
        super(message);
    }

    /** This failure with a note that a minibatch of {@code batch} examples takes memory in every tile. */
    public MappingDoesNotFitException withBatch(int batch) {
        return new MappingDoesNotFitException(getMessage() + "; a batch of " + batch + " keeps the inputs and "
                + "deltas of " + batch + " examples in every tile (" + batch + " (n_{l-1} + c) words for c neurons): "
                + "try a smaller batch or more memory per tile");
    }

    /** What a convolution's smallest slice is: a channel, a row, or a row of a block of channels. */
    private static String smallestSliceName(SliceSizes sizes, int layer) {
        int channels = sizes.cut(layer).blockChannels();
        return sizes.sharing() == WeightSharing.SINGLE ? "a channel"
                : channels > 1 ? "a row of " + channels + " channels" : "a row";
    }

    static MappingDoesNotFitException describe(NetworkSpec network, SliceSizes sizes, int tileCount,
                                               long memoryBytes, int layer) {
        boolean shared = sizes.kernel(layer).sharesWeights();
        long perNeuron = shared ? 0 : sizes.bytesPerNeuron(layer);
        long perTile = shared ? 0 : sizes.inputBytesPerTile(layer);
        long smallest = sizes.smallestSliceBytes(layer);
        String what = shared
                ? String.format(Locale.ROOT, "%s does not fit on %d tiles of %s: layer %d (%s, %d neurons; "
                        + "its smallest slice, %d neurons (%s, conv mapping %s), takes %s: %s)", network.describe(),
                        tileCount, bytes(memoryBytes), layer, describeLayer(network, layer), network.neurons(layer),
                        sizes.smallestSlice(layer), smallestSliceName(sizes, layer), sizes.sharing().id(), bytes(smallest), byKind(sizes, layer))
                : String.format(Locale.ROOT, "%s does not fit on %d tiles of %s: layer %d (%d neurons of %s, "
                        + "plus %s of inputs per tile)", network.describe(), tileCount, bytes(memoryBytes), layer,
                        network.neurons(layer), bytes(perNeuron), bytes(perTile));
        long memoryNeeded = smallestMemory(network, sizes, tileCount, memoryBytes);
        if (smallest > memoryBytes) {
            return new MappingDoesNotFitException(what + " needs at least " + bytes(smallest)
                    + " per tile for one " + (shared ? "slice" : "neuron") + "; on " + tileCount
                    + " tiles it needs " + bytes(memoryNeeded) + " per tile");
        }
        Mapping.Fill unbounded = Mapping.Fill.run(network, sizes, Long.MAX_VALUE, memoryBytes, false);
        long tilesNeeded = unbounded.tilesUsed;
        if (unbounded.failedLayer != 0) {
            return new MappingDoesNotFitException(what + " has a slice that needs more than " + bytes(memoryBytes)
                    + " per tile; on " + tileCount + " tiles it needs " + bytes(memoryNeeded) + " per tile");
        }
        long side = (long) Math.ceil(Math.sqrt(tilesNeeded));
        return new MappingDoesNotFitException(what + " runs out of tiles; it needs " + tilesNeeded + " tiles of "
                + bytes(memoryBytes) + " (e.g. an array of " + side + "x" + side + "), or " + bytes(memoryNeeded)
                + " per tile on " + tileCount + " tiles");
    }

    /** e.g. {@code weights 1.2 KiB, feedback 250 KiB, activations 8 KiB}: the kinds of the smallest slice. */
    private static String byKind(SliceSizes sizes, int layer) {
        StringBuilder text = new StringBuilder();
        for (MemoryKind kind : MemoryKind.values()) {
            long kindBytes = sizes.bytes(layer, 0, sizes.smallestSlice(layer), kind);
            if (kindBytes > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(kind.id()).append(' ').append(bytes(kindBytes));
            }
        }
        return text.toString();
    }

    private static String describeLayer(NetworkSpec network, int layer) {
        return network.layer(layer) instanceof Conv2d conv ? conv.describe() : network.layer(layer).kind();
    }

    /** The least memory per tile (to the byte) with which the network fits on {@code tileCount} tiles. */
    private static long smallestMemory(NetworkSpec network, SliceSizes sizes, int tileCount, long atLeast) {
        long low = atLeast;
        long high = Math.max(atLeast, 1);
        while (Mapping.Fill.run(network, sizes, tileCount, high, false).failedLayer != 0) {
            low = high;
            high = high * 2;
            if (high > MAX_SEARCH_BYTES) {
                return high;
            }
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (Mapping.Fill.run(network, sizes, tileCount, middle, false).failedLayer == 0) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /** Binary units, one decimal rounded up (a size that is needed must not read smaller): 512 KiB, 2.4 MiB. */
    static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        value = Math.ceil(value * 10 - 1e-9) / 10;
        return unit == 0 ? bytes + " B"
                : value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f %s", value, units[unit])
                : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
