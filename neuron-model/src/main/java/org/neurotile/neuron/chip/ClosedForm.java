package org.neurotile.neuron.chip;

import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.SliceCost;
import org.neurotile.workloads.NetworkSpec;

/**
 * The spec's closed forms for the backward pass (error and update phases), no biases: reads,
 * writes, MACs and words moved.
 */
public record ClosedForm(long reads, long writes, long macs, long wordsMoved) {

    /**
     * dfa, sdfa and ssdfa on the spatial array: reads |W| + |b|, writes |W|, MACs |W| + |b|, words
     * moved the sum over trained neurons of the errors each receives (hidden: k, output: 1). |b| is
     * n_l * k summed over trained hidden layers, with k = n_L for dfa and 1 for ssdfa.
     *
     * @param connectionsPerNeuron k: errors per hidden neuron (n_L for dfa)
     */
    public static ClosedForm directFeedback(NetworkSpec network, int connectionsPerNeuron) {
        long weights = 0;
        long feedback = 0;
        long words = 0;
        int layers = network.layerCount();
        LayerKernels kernels = LayerKernels.of(network);
        for (int l = 1; l <= layers; l++) {
            if (!network.layer(l).trainable()) {
                continue;
            }
            weights += kernels.layer(l).whole().weights();
            if (l < layers) {
                feedback += (long) network.neurons(l) * connectionsPerNeuron;
                words += (long) network.neurons(l) * connectionsPerNeuron;
            } else {
                words += network.neurons(l);
            }
        }
        return new ClosedForm(weights + feedback, weights, weights + feedback, words);
    }

    /**
     * bp on a memory-bound processor: reads |W| + |A|, writes |W|, MACs 2 |W| (the update's and
     * W^T delta's, as each layer's kernel gives them), words moved
     * |W| + |A| + the errors of the next layer, where |A| is the activations of the trained layers'
     * neurons (sum of n_l) and the errors of the next layer are the deltas each trained layer
     * receives (n_{l+1}; e for the output layer: n_L).
     */
    public static ClosedForm backpropOnProcessor(NetworkSpec network) {
        long weights = 0;
        long activations = 0;
        long propagation = 0;
        long errors = 0;
        int layers = network.layerCount();
        LayerKernels kernels = LayerKernels.of(network);
        for (int l = 1; l <= layers; l++) {
            if (!network.layer(l).trainable()) {
                continue;
            }
            SliceCost layer = kernels.layer(l).whole();
            weights += layer.weights();
            propagation += layer.propagationMacs();
            activations += layer.units();
            errors += l < layers ? network.neurons(l + 1) : network.neurons(l);
        }
        return new ClosedForm(weights + activations, weights, weights + propagation, weights + activations + errors);
    }
}
