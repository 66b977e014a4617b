package org.neurotile.neuron.optim;

import org.neurotile.neuron.functional.BatchGradient;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.LearningStep;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.functional.StateInput;
import org.neurotile.neuron.functional.StateOutput;
import org.neurotile.neuron.math.BlockedProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;

/** SGD: w -= lr g, a row at a time; costs {@link OptimizerCost#SGD}. */
public final class Sgd extends Optimizer {
    Sgd(Precision p, boolean biases, Quantization q) {
        super(p, biases, q);
    }

    @Override
    public void step(Model model, ForwardPass pass, double[][] delta, double lr) {
        LearningStep.update(model, pass, delta, lr, biases, q);
    }

    @Override
    protected void apply(Model model, int layer, double[] g, double[] gb, double rate) {
        if (q.weightsQuantized()) {
            model.liveWeights(layer).subtractScaled(0, rate, g, g.length, q);
        } else {
            model.liveWeights(layer).subtractScaled(0, rate, g, g.length);
        }
        updateBiases(model, layer, gb, rate);
    }

    /** A minibatch's float32 sums of float32 weights in one pass: w -= lr (g / B), g = 0; the bits of {@link #apply}. */
    @Override
    protected void applyFloats(Model model, int layer, BatchGradient gradient, double rate) {
        if (q.weightsQuantized() || !(model.liveWeights(layer) instanceof Weights.Single single)) {
            super.applyFloats(model, layer, gradient, rate);
            return;
        }
        if (gradient.sumsDeferred(layer)) { // products of no fixed order: the step is added in them, w += (-lr/B) sum
            gradient.scaleAndAddSums(layer, single.w(), 1f, -((float) rate * gradient.meanFactor(layer)));
            updateBiases(model, layer, gradient.biasGradient(layer), rate);
            return;
        }
        float[] sums = gradient.takeFloatSums(layer);
        BlockedProducts.subtractScaledMean(single.w(), (float) rate, sums, gradient.meanFactor(layer), sums.length);
        updateBiases(model, layer, gradient.biasGradient(layer), rate);
    }

    private void updateBiases(Model model, int layer, double[] gb, double rate) {
        if (biases) {
            double[] c = model.liveBiases(layer);
            for (int i = 0; i < c.length; i++) {
                c[i] = q.weight(p.round(c[i] - p.round(rate * gb[i])));
            }
        }
    }

    @Override
    public void writeState(StateOutput out) {
    }

    @Override
    public void readState(StateInput in) {
    }
}
