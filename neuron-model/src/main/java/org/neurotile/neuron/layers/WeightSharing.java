package org.neurotile.neuron.layers;

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
 * </ul>
 * Layers without shared weights (dense) are cut the same way under both.
 */
public enum WeightSharing {
    COPIES, SINGLE;

    public static final WeightSharing DEFAULT = COPIES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WeightSharing byName(String name) {
        for (WeightSharing sharing : values()) {
            if (sharing.id().equals(name)) {
                return sharing;
            }
        }
        throw new InvalidInputException("unknown conv mapping '" + name + "' (valid: copies, single)");
    }
}
