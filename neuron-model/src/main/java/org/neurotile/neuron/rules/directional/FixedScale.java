package org.neurotile.neuron.rules.directional;

import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.rules.feedback.FeedbackInit;
import org.neurotile.workloads.NetworkSpec;

/**
 * Directional dfa's learned feedback used at a fixed scale: each layer's B_l as it stands times
 * s_l = F / ||B_l||_F, where F is the Frobenius norm that dfa's default draw has on average
 * (entries uniform in +-1/sqrt(n_l), so F = sqrt(n_L / 3) whatever n_l). Only the direction of B_l
 * is learned, so its growth with the weights' gain no longer feeds back into the deltas (the loop
 * that makes plain SGD diverge on 800-unit layers, BENCHMARKS.md). A layer whose B_l is still zero
 * feeds back nothing.
 */
final class FixedScale {
    private FixedScale() {
    }

    /** F for a layer of {@code receiving} units fed back {@code outputs} errors. */
    static double targetNorm(int receiving, int outputs) {
        double bound = FeedbackInit.CRAFTON.denseBound(receiving, outputs);
        return Math.sqrt((double) receiving * outputs / 3) * bound;
    }

    /** s_l B_l for every layer that holds feedback, each entry rounded to the precision. */
    static Feedback scaled(NetworkSpec network, Feedback learned, Precision p) {
        int layers = network.layerCount();
        int[] sources = new int[layers + 1];
        double[][] matrices = new double[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            sources[l] = learned.sourceOf(l);
            double[] b = learned.liveMatrix(l);
            if (b == null) {
                continue;
            }
            double squares = 0;
            for (double entry : b) {
                squares += entry * entry;
            }
            double scale = squares > 0
                    ? p.round(targetNorm(network.neurons(l), network.outputs()) / Math.sqrt(squares)) : 0;
            matrices[l] = new double[b.length];
            for (int k = 0; k < b.length; k++) {
                matrices[l][k] = p.round(b[k] * scale);
            }
        }
        return Feedback.of(sources, matrices);
    }
}
