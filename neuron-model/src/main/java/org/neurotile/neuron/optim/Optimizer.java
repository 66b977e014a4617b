package org.neurotile.neuron.optim;

import org.neurotile.neuron.functional.BatchGradient;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.functional.SavedState;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.workloads.NetworkSpec;

/**
 * Applies a step's deltas to the model: g = delta_i h_j for weights and delta_i for biases, then
 * the optimizer's rule. State is kept per weight and bias of every trained layer, in the model's
 * precision (never quantized), as the tiles would keep it (see {@link OptimizerCost} for what the
 * hardware counts); every weight and bias it changes is quantized to the weight format.
 */
public abstract class Optimizer implements SavedState {
    /** The optimizer's settings; unused ones are ignored (momentum by Adam, betas by momentum). */
    public record Settings(OptimizerCost kind, double momentum, double beta1, double beta2, double epsilon) {
        /** mu of momentum (and of hybrid's split momentum) when a run gives none. */
        public static final double DEFAULT_MOMENTUM = 0.9;
        /** Adam's b1, b2 and eps when a run gives none (Kingma and Ba's). */
        public static final double DEFAULT_BETA1 = 0.9;
        public static final double DEFAULT_BETA2 = 0.999;
        public static final double DEFAULT_EPSILON = 1e-8;
        public static final double DEFAULT_LEARNING_RATE = 0.01;
        public static final double DEFAULT_ADAM_LEARNING_RATE = 0.001;

        /** {@code kind} with the default momentum, betas and epsilon. */
        public static Settings of(OptimizerCost kind) {
            return withMomentum(kind, DEFAULT_MOMENTUM);
        }

        /** The defaults with momentum's mu (also split momentum's) set to {@code momentum}. */
        public static Settings withMomentum(OptimizerCost kind, double momentum) {
            return new Settings(kind, momentum, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
        }

        /** These settings with Adam's eps set to {@code adamEpsilon}. */
        public Settings withEpsilon(double adamEpsilon) {
            return new Settings(kind, momentum, beta1, beta2, adamEpsilon);
        }

        /** The learning rate used when none is given: Adam's steps are normalised, so its default is smaller. */
        public static double defaultLearningRate(OptimizerCost kind) {
            return kind.equals(OptimizerCost.ADAM) ? DEFAULT_ADAM_LEARNING_RATE : DEFAULT_LEARNING_RATE;
        }
    }

    protected final Precision p;
    protected final boolean biases;
    protected final Quantization q;

    protected Optimizer(Precision p, boolean biases, Quantization q) {
        this.p = p;
        this.biases = biases;
        this.q = q;
    }

    public static Optimizer create(Settings settings, Model model, boolean biases) {
        return create(settings, model, biases, Quantization.none());
    }

    /** An optimizer that stores every weight and bias it changes in {@code q}'s weight format. */
    public static Optimizer create(Settings settings, Model model, boolean biases, Quantization q) {
        OptimizerCost kind = settings.kind();
        if (kind.equals(OptimizerCost.SGD)) {
            return new Sgd(model.precision(), biases, q);
        }
        if (kind.equals(OptimizerCost.MOMENTUM)) {
            return new Momentum(model, biases, settings.momentum(), q);
        }
        if (kind.equals(OptimizerCost.ADAM)) {
            return new Adam(model, biases, settings, q);
        }
        throw new IllegalArgumentException("optimizer " + kind.id() + " comes with its rule, not by name");
    }

    /** One state word per weight of every layer (index 1..L). */
    protected static double[][] perWeight(NetworkSpec network) {
        double[][] state = new double[network.layerCount() + 1][];
        for (int l = 1; l <= network.layerCount(); l++) {
            state[l] = new double[(int) network.weights(l)];
        }
        return state;
    }

    /** One state word per bias of every layer (index 1..L): per neuron, or per output channel of a convolution. */
    protected static double[][] perNeuron(NetworkSpec network) {
        double[][] state = new double[network.layerCount() + 1][];
        for (int l = 1; l <= network.layerCount(); l++) {
            state[l] = new double[LayerKernels.of(network, l).biasCount()];
        }
        return state;
    }

    /** One update with learning rate {@code lr}; layers with a null delta (not trained) are skipped. */
    public abstract void step(Model model, ForwardPass pass, double[][] delta, double lr);

    /**
     * One update with the mean of a minibatch's gradients (the batch is then emptied); layers
     * without a gradient in the batch are skipped.
     */
    public final void step(Model model, BatchGradient gradient, double lr) {
        gradient.mean();
        beginStep();
        double rate = stepRate(lr);
        for (int l = 1; l < gradient.layerSlots(); l++) {
            if (gradient.present(l) && gradient.floats()) {
                applyFloats(model, l, gradient, rate);
            } else if (gradient.present(l)) {
                apply(model, l, gradient.weightGradient(l), gradient.biasGradient(l), rate);
            }
        }
        gradient.clear();
    }

    /** Called once per step (an example's or a minibatch's), before its layers are updated. */
    protected void beginStep() {
    }

    /** The rate of the step that {@link #beginStep} began: lr rounded to the precision. */
    protected double stepRate(double lr) {
        return p.round(lr);
    }

    /** Applies the gradient g (per weight of W_l, row-major) and gb (per bias) of one layer. */
    protected abstract void apply(Model model, int layer, double[] g, double[] gb, double rate);

    /**
     * {@link #applyFloats(Model, int, float[], double[], double)} of layer {@code layer} of a float32
     * minibatch: by default with its mean gradients; an optimizer that reads each once may take the
     * sums instead ({@link BatchGradient#takeFloatSums}), saving two passes over them.
     */
    protected void applyFloats(Model model, int layer, BatchGradient gradient, double rate) {
        applyFloats(model, layer, gradient.floatWeightGradient(layer), gradient.biasGradient(layer), rate);
    }

    /**
     * {@link #apply} with float32 gradients (a float32 minibatch's): by default through a float64
     * copy, which holds the same values.
     */
    protected void applyFloats(Model model, int layer, float[] g, double[] gb, double rate) {
        double[] copy = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            copy[k] = g[k];
        }
        apply(model, layer, copy, gb, rate);
    }
}
