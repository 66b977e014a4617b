package org.neurotile.neuron.optim;

import java.util.Arrays;
import org.neurotile.neuron.functional.BatchGradient;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.layers.LayerKernel.GradientSink;
import org.neurotile.neuron.math.FixedPoint;
import org.neurotile.neuron.math.FixedPointUpdates;
import org.neurotile.neuron.math.FloatUpdates;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;

/**
 * An optimizer with state beside every weight. Both kinds of step go through the same row
 * update: a per-example step takes the gradients run by run from the layer's kernel (a dense
 * row: delta_i h_j rounded) and updates the run, then its unit's bias; a minibatch step updates
 * a layer's weights as one row, then its biases. float32 weights are updated in float arithmetic
 * ({@link #updateFloats}), a dense row's products formed just before they are used; under a
 * fixed-point weight format each updated run is then stored in the format, in order
 * ({@link FixedPointUpdates#quantize}), as the per-weight step quantizes each weight it writes.
 */
public abstract class Elementwise extends Optimizer {
    /** A minibatch's float32 gradients are converted and applied this many at a time at least. */
    private static final int FLOAT_CHUNK = 4096;

    private final double[] row; // a run of gradients in a per-example step
    private final float[] floatRow; // float32 gradients: a run, or a chunk of a minibatch's
    private final FixedPoint fixedWeights; // the weight format when it quantizes, else null

    protected Elementwise(Model model, boolean biases, Quantization q) {
        super(model.precision(), biases, q);
        row = new double[model.widestGradientRun()];
        floatRow = new float[Math.max(row.length, FLOAT_CHUNK)];
        fixedWeights = q.formats().weights() instanceof FixedPoint fixed ? fixed : null;
    }

    /**
     * Updates weights base..base+n-1 of W_l with gradients g[0..n-1] and their state: each
     * weight becomes w - change, quantized to the weight format. float32 weights go to
     * {@link #updateFloats} instead.
     */
    protected abstract void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate);

    /**
     * {@link #updateWeights} for float32 weights, in float arithmetic (the same bits as rounding
     * each double result), on float32 state words; each weight becomes w - change, not yet
     * quantized to the weight format.
     */
    protected abstract void updateFloats(float[] w, int layer, int base, float[] g, int n, float rate);

    /**
     * A whole layer's step from sums that wait in the products ({@link BatchGradient#sumsDeferred},
     * only for products of no fixed order and weights stored as float32): an optimizer whose state
     * takes the mean gradient linearly updates that state in the product itself
     * ({@link BatchGradient#scaleAndAddSums}), then its weights; returns false to take the sums
     * instead (the default).
     */
    protected boolean updateFromProducts(float[] w, int layer, BatchGradient gradient, float rate) {
        return false;
    }

    /** Updates the state of neuron i's bias with gradient g and returns what to subtract from it. */
    protected abstract double biasChange(int layer, int i, double g, double rate);

    /** {@link #updateFloats} of weights base..base+n-1 with the gradients g[from..from+n-1], converted to float32. */
    private void updateFromDoubles(float[] w, int layer, int base, double[] g, int from, int n, double rate) {
        for (int j = 0; j < n; j++) {
            floatRow[j] = (float) g[from + j];
        }
        updateFloatRun(w, layer, base, floatRow, n, (float) rate);
    }

    /** {@link #updateFloats}, then the run stored in the weight format when it quantizes. */
    private void updateFloatRun(float[] w, int layer, int base, float[] g, int n, float rate) {
        updateFloats(w, layer, base, g, n, rate);
        if (fixedWeights != null) {
            FixedPointUpdates.quantize(w, base, n, fixedWeights, q.noise());
        }
    }

    /** The float32 weights of W_l, else null. */
    private static float[] floats(Model model, int layer) {
        return model.liveWeights(layer) instanceof Weights.Single single ? single.w() : null;
    }

    @Override
    public final void step(Model model, ForwardPass pass, double[][] delta, double lr) {
        beginStep();
        double rate = stepRate(lr);
        for (int l = 1; l < delta.length; l++) {
            if (delta[l] == null || !model.network().layer(l).trainable()) {
                continue;
            }
            model.kernel(l).gradientRuns(delta[l], pass.liveInput(l), p, row,
                    new Runs(l, model.liveWeights(l), floats(model, l), model.liveBiases(l), rate));
        }
    }

    /** Applies a per-example step's runs of one layer. */
    private final class Runs implements GradientSink {
        private final int layer;
        private final Weights w;
        private final float[] floats; // w's floats when updated in float arithmetic, else null
        private final double[] c;
        private final double rate;

        Runs(int layer, Weights w, float[] floats, double[] c, double rate) {
            this.layer = layer;
            this.w = w;
            this.floats = floats;
            this.c = c;
            this.rate = rate;
        }

        @Override
        public void run(int first, double[] g, int n, int bias, double gb) {
            if (floats != null) {
                updateFromDoubles(floats, layer, first, g, 0, n, rate);
            } else {
                updateWeights(w, layer, first, g, n, rate);
            }
            updateBias(bias, gb);
        }

        @Override
        public void productRun(int first, float d, float[] x, int n, int bias, double[] scratch) {
            if (floats == null) {
                GradientSink.super.productRun(first, d, x, n, bias, scratch);
                return;
            }
            FloatUpdates.products(floatRow, d, x, n);
            updateFloatRun(floats, layer, first, floatRow, n, (float) rate);
            updateBias(bias, d);
        }

        private void updateBias(int bias, double gb) {
            if (biases && bias >= 0) {
                c[bias] = q.weight(p.round(c[bias] - biasChange(layer, bias, gb, rate)));
            }
        }
    }

    @Override
    protected final void apply(Model model, int layer, double[] g, double[] gb, double rate) {
        float[] floats = floats(model, layer);
        if (floats == null) {
            updateWeights(model.liveWeights(layer), layer, 0, g, g.length, rate);
        } else {
            for (int first = 0; first < g.length; first += floatRow.length) {
                updateFromDoubles(floats, layer, first, g, first, Math.min(floatRow.length, g.length - first), rate);
            }
        }
        updateBiases(model, layer, gb, rate);
    }

    /**
     * A minibatch's float32 sums of float32 weights, a chunk at a time: scaled to the mean in
     * {@link #updateFloats}'s row, and set to zero for the next batch.
     */
    @Override
    protected final void applyFloats(Model model, int layer, BatchGradient gradient, double rate) {
        float[] floats = floats(model, layer);
        if (floats == null) {
            super.applyFloats(model, layer, gradient, rate);
            return;
        }
        if (fixedWeights == null && gradient.sumsDeferred(layer)
                && updateFromProducts(floats, layer, gradient, (float) rate)) {
            updateBiases(model, layer, gradient.biasGradient(layer), rate);
            return;
        }
        float[] sums = gradient.takeFloatSums(layer);
        float factor = gradient.meanFactor(layer);
        for (int first = 0; first < sums.length; first += floatRow.length) {
            int n = Math.min(floatRow.length, sums.length - first);
            System.arraycopy(sums, first, floatRow, 0, n);
            Arrays.fill(sums, first, first + n, 0f);
            for (int j = 0; j < n; j++) { // at offset 0, where the JIT vectorises the loop
                floatRow[j] *= factor;
            }
            updateFloatRun(floats, layer, first, floatRow, n, (float) rate);
        }
        updateBiases(model, layer, gradient.biasGradient(layer), rate);
    }

    private void updateBiases(Model model, int layer, double[] gb, double rate) {
        if (biases) {
            double[] c = model.liveBiases(layer);
            for (int i = 0; i < c.length; i++) {
                c[i] = q.weight(p.round(c[i] - biasChange(layer, i, gb[i], rate)));
            }
        }
    }
}
