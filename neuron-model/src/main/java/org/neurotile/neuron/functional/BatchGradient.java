package org.neurotile.neuron.functional;

import java.util.Arrays;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.math.Precision;
import org.neurotile.workloads.NetworkSpec;

/**
 * The gradients of a minibatch, per weight and bias of every trained layer: g = delta_i h_j and
 * delta_i of each example summed in example order (every product and sum rounded to the
 * precision), then {@link #mean()}: the sum times 1/B, rounded. Each example's deltas must come
 * from the weights as they were at the batch start; the optimizer applies the mean once.
 */
public final class BatchGradient {
    private final Precision p;
    private final LayerKernels kernels;
    final double[][] weights; // per trained layer, row-major as W_l; null for the others
    final double[][] biases;
    final boolean[] present;  // whether a layer had a delta in the batch
    private int examples;

    public BatchGradient(Model model) {
        NetworkSpec network = model.network();
        this.p = model.precision();
        this.kernels = LayerKernels.of(network);
        int layers = network.layerCount();
        weights = new double[layers + 1][];
        biases = new double[layers + 1][];
        present = new boolean[layers + 1];
        for (int l = 1; l <= layers; l++) {
            if (network.layer(l).trainable()) {
                weights[l] = new double[(int) network.weights(l)];
                biases[l] = new double[network.neurons(l)];
            }
        }
    }

    /** The examples added since the last {@link #clear()}. */
    public int examples() {
        return examples;
    }

    /** Adds one example's gradient; layers with a null delta are skipped. */
    public void add(ForwardPass pass, double[][] delta) {
        for (int l = 1; l < delta.length; l++) {
            if (delta[l] == null || weights[l] == null) {
                continue;
            }
            present[l] = true;
            kernels.layer(l).addGradient(weights[l], biases[l], delta[l], pass.activations[l - 1], p);
        }
        examples++;
    }

    /** Turns the sums into means over the examples added: each times 1/B rounded, then rounded. */
    public void mean() {
        if (examples == 0) {
            throw new IllegalStateException("the mean of an empty batch");
        }
        double scale = p.round(1.0 / examples);
        for (int l = 1; l < present.length; l++) {
            if (!present[l]) {
                continue;
            }
            scale(weights[l], scale);
            scale(biases[l], scale);
        }
    }

    private void scale(double[] values, double scale) {
        for (int k = 0; k < values.length; k++) {
            values[k] = p.round(values[k] * scale);
        }
    }

    /** Whether layer {@code layer} had a delta in the batch. */
    public boolean present(int layer) {
        return present[layer];
    }

    /** The batch's gradients of W_l (row-major), itself, not a copy. */
    public double[] weightGradient(int layer) {
        return weights[layer];
    }

    /** The batch's gradients of c_l, itself, not a copy. */
    public double[] biasGradient(int layer) {
        return biases[layer];
    }

    /** The number of layers plus one (index 1..L). */
    public int layerSlots() {
        return present.length;
    }

    /** Empties the batch. */
    public void clear() {
        for (int l = 1; l < present.length; l++) {
            if (present[l]) {
                Arrays.fill(weights[l], 0);
                Arrays.fill(biases[l], 0);
                present[l] = false;
            }
        }
        examples = 0;
    }
}
