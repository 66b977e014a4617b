package org.neurotile.neuron.chip;

import org.neurotile.workloads.NetworkSpec;

/**
 * The spec's closed forms for the backward pass (error and update phases) of dfa, sdfa and ssdfa
 * on the spatial array: reads |W| + |b|, writes |W|, MACs |W| + |b|, words moved sum over trained
 * neurons of the errors each receives (hidden: k, output: 1). |b| is n_l * k summed over trained
 * hidden layers, with k = n_L for dfa and 1 for ssdfa. No biases.
 */
public record DirectFeedbackClosedForm(long reads, long writes, long macs, long wordsMoved) {

    /** @param connectionsPerNeuron k: errors per hidden neuron (n_L for dfa) */
    public static DirectFeedbackClosedForm of(NetworkSpec network, int connectionsPerNeuron) {
        long weights = 0;
        long feedback = 0;
        long words = 0;
        int layers = network.layerCount();
        for (int l = 1; l <= layers; l++) {
            if (!network.layer(l).trainable()) {
                continue;
            }
            weights += network.weights(l);
            if (l < layers) {
                feedback += (long) network.neurons(l) * connectionsPerNeuron;
                words += (long) network.neurons(l) * connectionsPerNeuron;
            } else {
                words += network.neurons(l);
            }
        }
        return new DirectFeedbackClosedForm(weights + feedback, weights, weights + feedback, words);
    }
}
