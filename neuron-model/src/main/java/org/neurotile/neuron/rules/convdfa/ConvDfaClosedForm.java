package org.neurotile.neuron.rules.convdfa;

import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.workloads.NetworkSpec;

/**
 * conv-dfa's backward pass on the spatial array, when every kernel lives in one tile (no feedback
 * kernel row split over slices): with T_l = (C_s / G) K^2 the taps of layer l's feedback kernel
 * row and n_s the deltas of a dense B_l's source,
 *
 * <ul>
 *   <li>reads: |W_l| of every trained layer (the update), plus per hidden layer that computes a
 *       delta its feedback once: n_l n_s words for dense feedback, C_l T_l for convolutional
 *       feedback;
 *   <li>writes: |W_l| of every trained layer;
 *   <li>MACs: the weight gradients (a convolution's correlation, H_out W_out C_out k^2 C_in / G),
 *       plus n_l n_s or n_l T_l feedback products;
 *   <li>words moved: n_l n_s or n_l T_l per trained hidden layer, n_L for a trained output layer.
 * </ul>
 *
 * With sign=true the feedback is read in bits and its products are additions: no closed form is given.
 */
final class ConvDfaClosedForm {
    private ConvDfaClosedForm() {
    }

    static ClosedForm of(ConvDfaLayout layout) {
        NetworkSpec network = layout.network();
        LayerKernels kernels = LayerKernels.of(network);
        int layers = network.layerCount();
        long weights = 0;
        long gradient = 0;
        long feedbackReads = 0;
        long products = 0;
        long words = 0;
        for (int l = 1; l <= layers; l++) {
            boolean trained = network.layer(l).trainable();
            if (trained) {
                weights += kernels.layer(l).whole().weights();
                gradient += kernels.layer(l).whole().gradientMacs();
            }
            if (l == layers) {
                words += trained ? network.neurons(l) : 0;
                continue;
            }
            if (layout.sources()[l] == 0) {
                continue;
            }
            long n = network.neurons(l);
            long entries = layout.convolved()[l] ? layout.taps(l) : layout.deltas(layout.sources()[l]);
            long rows = layout.convolved()[l] ? network.output(l).channels() : n;
            feedbackReads += rows * entries;
            products += n * entries;
            words += trained ? n * entries : 0;
        }
        return new ClosedForm(weights + feedbackReads, weights, gradient + products, words);
    }
}
