package org.neurotile.neuron.layers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.neurotile.sim.InvalidInputException;

/**
 * How a layer whose units share weights (a convolution) is cut into slices.
 *
 * <ul>
 * <li>{@code copies} (default; SpiNNaker's per-core kernel copies, Tianjic's unfolded mapping):
 * slices are whole output rows in channel-major order, each keeps the kernel of every channel it
 * covers and the input rows its windows read (halo included); a channel split over tiles has a
 * kernel copy in each, whose partial gradients are reduced at the channel's first tile, which
 * updates the kernel and sends it back to the copies.
 * <li>{@code single} (Tianjic's folded mapping): slices are whole output channels, so every kernel
 * lives in one tile; the tile keeps only a line buffer of the input rows one output row needs, the
 * input is streamed through it in the forward pass and streamed again for the weight gradient.
 * <li>{@code rows} (output-stationary row mapping, as Eyeriss's row stationary and Tianjic keep
 * many channels of the same rows in one core): slices are whole output rows of a block of G output
 * channels ({@link ConvCut}), so the partial sums of W^T delta over the block's channels are added
 * in the tile before they leave it; the block's kernels are copied into every slice of the block
 * and reduced as {@code copies} reduces one channel's.
 * </ul>
 * Layers without shared weights (dense) are cut the same way under all three.
 */
public enum WeightSharing {
    COPIES, SINGLE, ROWS;

    public static final WeightSharing DEFAULT = COPIES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The names, in declaration order: copies, single, rows. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(WeightSharing::id).toList();
    }

    /** {@link #ids} as a message lists them: {@code copies, single, rows}. */
    public static String names() {
        return String.join(", ", ids());
    }

    public static WeightSharing byName(String name) {
        for (WeightSharing sharing : values()) {
            if (sharing.id().equals(name)) {
                return sharing;
            }
        }
        throw new InvalidInputException("unknown conv mapping '" + name + "' (valid: " + names() + ")");
    }
}
