package org.neurotile.neuron.optim;

import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;

/**
 * An optimizer with state beside every weight. Both kinds of step go through the same row
 * update: a per-example step takes the gradients run by run from the layer's kernel (a dense
 * row: delta_i h_j rounded) and updates the run, then its unit's bias; a minibatch step updates
 * a layer's weights as one row, then its biases.
 */
public abstract class Elementwise extends Optimizer {
    private final double[] row; // a run of gradients in a per-example step

    protected Elementwise(Model model, boolean biases, Quantization q) {
        super(model.precision(), biases, q);
        row = new double[model.widestGradientRun()];
    }

    /**
     * Updates weights base..base+n-1 of W_l with gradients g[0..n-1] and their state: each
     * weight becomes w - change, quantized to the weight format.
     */
    protected abstract void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate);

    /** Updates the state of neuron i's bias with gradient g and returns what to subtract from it. */
    protected abstract double biasChange(int layer, int i, double g, double rate);

    @Override
    public final void step(Model model, ForwardPass pass, double[][] delta, double lr) {
        beginStep();
        double rate = stepRate(lr);
        for (int l = 1; l < delta.length; l++) {
            if (delta[l] == null || !model.network().layer(l).trainable()) {
                continue;
            }
            int layer = l;
            Weights w = model.liveWeights(l);
            double[] c = model.liveBiases(l);
            model.kernel(l).gradientRuns(delta[l], pass.liveInput(l), p, row, (first, g, n, i, gb) -> {
                updateWeights(w, layer, first, g, n, rate);
                if (biases && i >= 0) {
                    c[i] = q.weight(p.round(c[i] - biasChange(layer, i, gb, rate)));
                }
            });
        }
    }

    @Override
    protected final void apply(Model model, int layer, double[] g, double[] gb, double rate) {
        updateWeights(model.liveWeights(layer), layer, 0, g, g.length, rate);
        if (biases) {
            double[] c = model.liveBiases(layer);
            for (int i = 0; i < c.length; i++) {
                c[i] = q.weight(p.round(c[i] - biasChange(layer, i, gb[i], rate)));
            }
        }
    }
}
