package org.neurotile.neuron.chip;

import org.neurotile.workloads.NetworkSpec;

/**
 * Feedback propagation with bp depth m over L layers: the last m layers (L-m+1..L) use bp; every
 * trained layer below them uses dfa with, as its source, the delta of the shallowest bp layer,
 * s = L-m+1. The output layer's delta is e under every rule, so m = 0 and m = 1 are both dfa (the
 * source is e), and m = L is bp.
 */
public record FeedbackPropagation(int layers, int depth) {
    public FeedbackPropagation {
        if (layers < 1 || depth < 0 || depth > layers) {
            throw new IllegalArgumentException("bp depth must be in 0.." + layers + ", got " + depth);
        }
    }

    /** s: the shallowest layer that uses bp, whose delta the layers below feed back (L: e). */
    public int sourceLayer() {
        return Math.min(layers, layers - depth + 1);
    }

    /** Whether hidden or output layer {@code layer} computes its delta with bp (the output always has e). */
    public boolean usesBackprop(int layer) {
        return layer >= sourceLayer();
    }

    /** Whether layer {@code layer} holds a feedback matrix: a trained layer below the source. */
    public boolean holdsFeedback(NetworkSpec network, int layer) {
        return layer < sourceLayer() && network.layer(layer).trainable();
    }
}
