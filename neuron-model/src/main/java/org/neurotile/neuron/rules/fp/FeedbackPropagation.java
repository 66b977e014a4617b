package org.neurotile.neuron.rules.fp;

import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.rules.feedback.FeedbackInit;
import org.neurotile.sim.random.RandomStreams;
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

    /** {@link #feedback(NetworkSpec, long, FeedbackInit)} at the spec's scale. */
    public Feedback feedback(NetworkSpec network, long seed) {
        return feedback(network, seed, FeedbackInit.UNIFORM);
    }

    /**
     * The feedback: layers from the source s up use bp ({@link Feedback#BACKPROP}); each trained
     * layer below holds a dense B_l of n_l x n_s, uniform with {@code init}'s bound (the spec's
     * 1/sqrt(n_s), the SSDFA authors' 1/sqrt(n_l)) from the stream {@code feedback.layer[l]}.
     */
    public Feedback feedback(NetworkSpec network, long seed, FeedbackInit init) {
        RandomStreams streams = new RandomStreams(seed);
        int source = sourceLayer();
        int[] sources = new int[layers + 1];
        double[][] matrices = new double[layers + 1][];
        for (int l = 1; l < layers; l++) {
            if (usesBackprop(l)) {
                sources[l] = Feedback.BACKPROP;
            } else if (holdsFeedback(network, l)) {
                int columns = LayerKernels.of(network, source).sumCount(); // the source's deltas
                sources[l] = source;
                matrices[l] = Model.uniform(streams.stream("feedback.layer[" + l + "]"),
                        network.neurons(l) * columns, init.denseBound(network.neurons(l), columns));
            }
        }
        return Feedback.of(sources, matrices);
    }

    /** Storage: a dense row of a word per delta of the source s (a convolution's: one per sum, before its pool) for each trained neuron below s. */
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        long perRow = LayerKernels.of(network, sourceLayer()).sumCount() * (long) wordBytes;
        return StorageModel.weightsOnly(network, wordBytes).withFeedbackBytes(
                l -> l < network.layerCount() && holdsFeedback(network, l) ? perRow : 0);
    }

}
