package org.neurotile.neuron.rules.feedback;

import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.workloads.NetworkSpec;

/** The spec's closed form of dfa, sdfa and ssdfa's backward pass on the spatial array. */
public final class DirectFeedbackClosedForm {
    private DirectFeedbackClosedForm() {
    }

    /**
     * Reads |W| + |b|, writes |W|, MACs |W| + |b|, words moved the sum over trained neurons of the
     * errors each receives (hidden: k, output: 1). |b| is n_l * k summed over trained hidden layers,
     * with k = n_L for dfa and 1 for ssdfa. A convolution's neurons are its outputs after the pool
     * (n_l = C_out H_out W_out, so its feedback is n_l x n_L words under dfa), and its update's MACs
     * are its weight gradient, a correlation of H_out W_out C_out k^2 C_in / groups products (before
     * the pool), where a dense layer's are |W|; its reads and writes are |W| when every kernel lives in
     * one tile (no kernel copies).
     *
     * @param connectionsPerNeuron k: errors per hidden neuron (n_L for dfa)
     */
    public static ClosedForm of(NetworkSpec network, int connectionsPerNeuron) {
        return of(network, connectionsPerNeuron, FeedbackEncoding.DENSE);
    }

    /** As above; with {@link FeedbackEncoding#SIGN} the |b| feedback products are additions, not MACs. */
    public static ClosedForm of(NetworkSpec network, int connectionsPerNeuron, FeedbackEncoding encoding) {
        long weights = 0;
        long feedback = 0;
        long words = 0;
        long gradient = 0;
        int layers = network.layerCount();
        LayerKernels kernels = LayerKernels.of(network);
        for (int l = 1; l <= layers; l++) {
            if (!network.layer(l).trainable()) {
                continue;
            }
            weights += kernels.layer(l).whole().weights();
            gradient += kernels.layer(l).whole().gradientMacs();
            if (l < layers) {
                feedback += (long) network.neurons(l) * connectionsPerNeuron;
                words += (long) network.neurons(l) * connectionsPerNeuron;
            } else {
                words += network.neurons(l);
            }
        }
        long feedbackMacs = encoding.productCategory() == Category.MACS ? feedback : 0;
        return new ClosedForm(weights + feedback, weights, gradient + feedbackMacs, words);
    }
}
