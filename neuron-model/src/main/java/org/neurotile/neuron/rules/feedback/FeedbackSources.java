package org.neurotile.neuron.rules.feedback;

import org.neurotile.workloads.NetworkSpec;

/**
 * Which layer's delta each layer of a fixed-feedback rule feeds back: L (e) for the layers next to
 * the output, the shallowest layer of the group above for deeper groups ({@link FeedbackBlocks}: blocks
 * of equal size; {@link FeedbackModules}: consecutive ranges of any size).
 */
public interface FeedbackSources {

    /** L, the layers grouped. */
    int layers();

    /** The layer whose delta layer {@code layer} feeds back (L for the output layer itself: delta_L = e). */
    int sourceOf(int layer);

    /**
     * Which layers compute a delta (index 1..L): the trained ones, and a frozen layer whose delta a
     * deeper layer that computes one feeds back. The output layer computes one only if trained: e
     * itself comes from the output task.
     */
    default boolean[] computesDelta(NetworkSpec network) {
        int layers = layers();
        if (network.layerCount() != layers) {
            throw new IllegalArgumentException("feedback for " + layers + " layers, network has " + network.layerCount());
        }
        boolean[] delta = new boolean[layers + 1];
        for (int l = 1; l <= layers; l++) {
            delta[l] = network.layer(l).trainable();
        }
        for (int l = 1; l < layers; l++) {
            int source = sourceOf(l);
            if (delta[l] && source < layers) {
                delta[source] = true;
            }
        }
        return delta;
    }
}
