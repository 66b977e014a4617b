package org.neurotile.neuron.math;

import java.io.IOException;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.workloads.NetworkSpec;

/**
 * Applies a step's deltas to the model: g = delta_i h_j for weights and delta_i for biases, then
 * the optimizer's rule. State is kept per weight and bias of every trained layer, in the model's
 * precision (never quantized), as the tiles would keep it (see {@link OptimizerCost} for what the
 * hardware counts); every weight and bias it changes is quantized to the weight format.
 */
public abstract sealed class Optimizer permits Optimizer.Sgd, Optimizer.Elementwise {
    /** The optimizer's settings; unused ones are ignored (momentum by Adam, betas by momentum). */
    public record Settings(OptimizerCost kind, double momentum, double beta1, double beta2, double epsilon) {
        public static final double DEFAULT_MOMENTUM = 0.9;
        public static final double DEFAULT_BETA1 = 0.9;
        public static final double DEFAULT_BETA2 = 0.999;
        public static final double DEFAULT_EPSILON = 1e-8;
        public static final double DEFAULT_LEARNING_RATE = 0.01;
        public static final double DEFAULT_ADAM_LEARNING_RATE = 0.001;

        /** The defaults: momentum's mu and Adam's betas and epsilon as declared above. */
        public static Settings of(OptimizerCost kind) {
            return withMomentum(kind, DEFAULT_MOMENTUM);
        }

        /** The defaults with momentum's mu (also split momentum's) set to {@code momentum}. */
        public static Settings withMomentum(OptimizerCost kind, double momentum) {
            return new Settings(kind, momentum, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
        }

        /** The learning rate used when none is given: Adam's steps are normalised, so its default is smaller. */
        public static double defaultLearningRate(OptimizerCost kind) {
            return kind == OptimizerCost.ADAM ? DEFAULT_ADAM_LEARNING_RATE : DEFAULT_LEARNING_RATE;
        }
    }

    final Precision p;
    final boolean biases;
    final Quantization q;

    Optimizer(Precision p, boolean biases, Quantization q) {
        this.p = p;
        this.biases = biases;
        this.q = q;
    }

    public static Optimizer create(Settings settings, Model model, boolean biases) {
        return create(settings, model, biases, Quantization.none());
    }

    /** An optimizer that stores every weight and bias it changes in {@code q}'s weight format. */
    public static Optimizer create(Settings settings, Model model, boolean biases, Quantization q) {
        return switch (settings.kind()) {
            case SGD -> new Sgd(model.precision(), biases, q);
            case MOMENTUM -> new Momentum(model, biases, settings.momentum(), q);
            case ADAM -> new Adam(model, biases, settings, q);
            case SPLIT_MOMENTUM_BP, SPLIT_MOMENTUM_DFA -> throw new IllegalArgumentException(
                    "split momentum comes with the hybrid rule: use splitMomentum");
        };
    }

    /** Hybrid dfa's split momentum with momentum {@code mu} and mix {@code gamma}. */
    public static Optimizer splitMomentum(Model model, boolean biases, double mu, double gamma) {
        return splitMomentum(model, biases, mu, gamma, Quantization.none());
    }

    /** As {@link #splitMomentum(Model, boolean, double, double)}, weights stored in {@code q}'s format. */
    public static Optimizer splitMomentum(Model model, boolean biases, double mu, double gamma, Quantization q) {
        return new SplitMomentum(model, biases, mu, gamma, q);
    }

    /** One state word per weight of every layer (index 1..L). */
    static double[][] perWeight(NetworkSpec network) {
        double[][] state = new double[network.layerCount() + 1][];
        for (int l = 1; l <= network.layerCount(); l++) {
            state[l] = new double[(int) network.weights(l)];
        }
        return state;
    }

    /** One state word per neuron (bias) of every layer (index 1..L). */
    static double[][] perNeuron(NetworkSpec network) {
        double[][] state = new double[network.layerCount() + 1][];
        for (int l = 1; l <= network.layerCount(); l++) {
            state[l] = new double[network.neurons(l)];
        }
        return state;
    }

    /** One update with learning rate {@code lr}; layers with a null delta (not trained) are skipped. */
    public final void step(Model model, ForwardPass pass, double[][] delta, double lr) {
        step(model, pass, delta, lr, false);
    }

    /**
     * One update of a step whose deltas are bp's ({@code backpropStep}) or a feedback rule's; only
     * split momentum tells them apart.
     */
    public abstract void step(Model model, ForwardPass pass, double[][] delta, double lr, boolean backpropStep);

    /**
     * One update with the mean of a minibatch's gradients (the batch is then emptied); layers
     * without a gradient in the batch are skipped.
     */
    public final void step(Model model, BatchGradient gradient, double lr) {
        step(model, gradient, lr, false);
    }

    /** As {@link #step(Model, BatchGradient, double)}, for a batch of bp or feedback steps (hybrid). */
    public final void step(Model model, BatchGradient gradient, double lr, boolean backpropStep) {
        gradient.mean();
        beginStep(backpropStep);
        double rate = stepRate(lr);
        for (int l = 1; l < gradient.present.length; l++) {
            if (gradient.present[l]) {
                apply(model, l, gradient.weights[l], gradient.biases[l], rate);
            }
        }
        gradient.clear();
    }

    /** Called once per step (an example's or a minibatch's), before its layers are updated. */
    void beginStep(boolean backpropStep) {
    }

    /** The rate of the step that {@link #beginStep} began: lr rounded to the precision. */
    double stepRate(double lr) {
        return p.round(lr);
    }

    /** Applies the gradient g (per weight of W_l, row-major) and gb (per bias) of one layer. */
    abstract void apply(Model model, int layer, double[] g, double[] gb, double rate);

    /** The optimizer's state, in a fixed order, for a checkpoint. */
    abstract void writeState(StateOutput out) throws IOException;

    /** Restores what {@link #writeState} wrote. */
    abstract void readState(StateInput in) throws IOException;

    /** SGD: w -= lr g, a row at a time. */
    public static final class Sgd extends Optimizer {
        Sgd(Precision p, boolean biases, Quantization q) {
            super(p, biases, q);
        }

        @Override
        public void step(Model model, ForwardPass pass, double[][] delta, double lr, boolean backpropStep) {
            LearningStep.update(model, pass, delta, lr, biases, q);
        }

        @Override
        void apply(Model model, int layer, double[] g, double[] gb, double rate) {
            if (q.weightsQuantized()) {
                model.weights[layer].subtractScaled(0, rate, g, g.length, q);
            } else {
                model.weights[layer].subtractScaled(0, rate, g, g.length);
            }
            if (biases) {
                double[] c = model.biases[layer];
                for (int i = 0; i < c.length; i++) {
                    c[i] = q.weight(p.round(c[i] - p.round(rate * gb[i])));
                }
            }
        }

        @Override
        void writeState(StateOutput out) {
        }

        @Override
        void readState(StateInput in) {
        }
    }

    /**
     * An optimizer with state beside every weight. Both kinds of step go through the same row
     * update: a per-example step takes the gradients run by run from the layer's kernel (a dense
     * row: delta_i h_j rounded) and updates the run, then its unit's bias; a minibatch step updates
     * a layer's weights as one row, then its biases.
     */
    abstract static sealed class Elementwise extends Optimizer permits Momentum, SplitMomentum, Adam {
        private final double[] row; // a run of gradients in a per-example step

        Elementwise(Model model, boolean biases, Quantization q) {
            super(model.precision(), biases, q);
            int widest = 0;
            for (int l = 1; l <= model.network().layerCount(); l++) {
                widest = Math.max(widest, model.kernel(l).gradientRunLength());
            }
            row = new double[widest];
        }

        /**
         * Updates weights base..base+n-1 of W_l with gradients g[0..n-1] and their state: each
         * weight becomes w - change, quantized to the weight format.
         */
        abstract void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate);

        /** Updates the state of neuron i's bias with gradient g and returns what to subtract from it. */
        abstract double biasChange(int layer, int i, double g, double rate);

        @Override
        public final void step(Model model, ForwardPass pass, double[][] delta, double lr, boolean backpropStep) {
            beginStep(backpropStep);
            double rate = stepRate(lr);
            for (int l = 1; l < delta.length; l++) {
                if (delta[l] == null || !model.network().layer(l).trainable()) {
                    continue;
                }
                int layer = l;
                Weights w = model.weights[l];
                double[] c = model.biases[l];
                model.kernel(l).gradientRuns(delta[l], pass.activations[l - 1], p, row, (first, g, n, i, gb) -> {
                    updateWeights(w, layer, first, g, n, rate);
                    if (biases) {
                        c[i] = q.weight(p.round(c[i] - biasChange(layer, i, gb, rate)));
                    }
                });
            }
        }

        @Override
        final void apply(Model model, int layer, double[] g, double[] gb, double rate) {
            updateWeights(model.weights[layer], layer, 0, g, g.length, rate);
            if (biases) {
                double[] c = model.biases[layer];
                for (int i = 0; i < c.length; i++) {
                    c[i] = q.weight(p.round(c[i] - biasChange(layer, i, gb[i], rate)));
                }
            }
        }
    }

    /** Momentum (heavy ball): v = mu v + g; w -= lr v. */
    public static final class Momentum extends Elementwise {
        private final double mu;
        private final double[][] velocity;
        private final double[][] biasVelocity;

        Momentum(Model model, boolean biases, double mu, Quantization q) {
            super(model, biases, q);
            this.mu = p.round(mu);
            velocity = perWeight(model.network());
            biasVelocity = perNeuron(model.network());
        }

        @Override
        void writeState(StateOutput out) throws IOException {
            out.arrays(velocity);
            out.arrays(biasVelocity);
        }

        @Override
        void readState(StateInput in) throws IOException {
            in.arrays(velocity);
            in.arrays(biasVelocity);
        }

        @Override
        void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate) {
            double[] v = velocity[layer];
            for (int j = 0; j < n; j++) {
                int k = base + j;
                v[k] = p.round(p.round(mu * v[k]) + g[j]);
                w.set(k, q.weight(p.round(w.get(k) - p.round(rate * v[k]))));
            }
        }

        @Override
        double biasChange(int layer, int i, double g, double rate) {
            double[] v = biasVelocity[layer];
            v[i] = p.round(p.round(mu * v[i]) + g);
            return p.round(rate * v[i]);
        }
    }

    /**
     * Split momentum (hybrid dfa): a bp step does v_bp = mu v_bp + g, w -= lr v_bp; a feedback step
     * does v_dfa = mu v_dfa + g, w -= lr (gamma v_dfa + (1 - gamma) v_bp). A step without a kind is
     * a feedback step.
     */
    public static final class SplitMomentum extends Elementwise {
        private final double mu;
        private final double gamma;
        private final double complement;
        private final double[][] bp;
        private final double[][] dfa;
        private final double[][] biasBp;
        private final double[][] biasDfa;
        private boolean backpropStep; // the kind of the step being applied

        SplitMomentum(Model model, boolean biases, double mu, double gamma, Quantization q) {
            super(model, biases, q);
            this.mu = p.round(mu);
            this.gamma = p.round(gamma);
            this.complement = p.round(1 - gamma);
            NetworkSpec network = model.network();
            bp = perWeight(network);
            dfa = perWeight(network);
            biasBp = perNeuron(network);
            biasDfa = perNeuron(network);
        }

        @Override
        void writeState(StateOutput out) throws IOException {
            out.arrays(bp);
            out.arrays(dfa);
            out.arrays(biasBp);
            out.arrays(biasDfa);
        }

        @Override
        void readState(StateInput in) throws IOException {
            in.arrays(bp);
            in.arrays(dfa);
            in.arrays(biasBp);
            in.arrays(biasDfa);
        }

        @Override
        void beginStep(boolean backpropStep) {
            this.backpropStep = backpropStep;
        }

        @Override
        void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate) {
            double[] vBp = bp[layer];
            double[] vDfa = dfa[layer];
            for (int j = 0; j < n; j++) {
                int k = base + j;
                w.set(k, q.weight(p.round(w.get(k) - change(vBp, vDfa, k, g[j], rate))));
            }
        }

        @Override
        double biasChange(int layer, int i, double g, double rate) {
            return change(biasBp[layer], biasDfa[layer], i, g, rate);
        }

        /** Updates the step's velocity with gradient g and returns lr times the direction to apply. */
        private double change(double[] bpVelocity, double[] dfaVelocity, int k, double g, double rate) {
            if (backpropStep) {
                bpVelocity[k] = p.round(p.round(mu * bpVelocity[k]) + g);
                return p.round(rate * bpVelocity[k]);
            }
            dfaVelocity[k] = p.round(p.round(mu * dfaVelocity[k]) + g);
            return p.round(rate * p.round(p.round(gamma * dfaVelocity[k]) + p.round(complement * bpVelocity[k])));
        }
    }

    /**
     * Adam (Kingma and Ba, 2015): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
     * w -= lr_t m / (sqrt(v) + eps) with lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), t the step count
     * (one per example, or per minibatch).
     */
    public static final class Adam extends Elementwise {
        private final double b1;
        private final double b2;
        private final double c1;
        private final double c2;
        private final double eps;
        private final double[][] m;
        private final double[][] v;
        private final double[][] biasM;
        private final double[][] biasV;
        private long t;

        Adam(Model model, boolean biases, Settings settings, Quantization q) {
            super(model, biases, q);
            b1 = p.round(settings.beta1());
            b2 = p.round(settings.beta2());
            c1 = p.round(1 - b1);
            c2 = p.round(1 - b2);
            eps = p.round(settings.epsilon());
            NetworkSpec network = model.network();
            m = perWeight(network);
            v = perWeight(network);
            biasM = perNeuron(network);
            biasV = perNeuron(network);
        }

        @Override
        void writeState(StateOutput out) throws IOException {
            out.longValue(t);
            out.arrays(m);
            out.arrays(v);
            out.arrays(biasM);
            out.arrays(biasV);
        }

        @Override
        void readState(StateInput in) throws IOException {
            t = in.longValue();
            in.arrays(m);
            in.arrays(v);
            in.arrays(biasM);
            in.arrays(biasV);
        }

        @Override
        void beginStep(boolean backpropStep) {
            t++;
        }

        /** lr_t: the bias corrections of step t folded into the rate once per step. */
        @Override
        double stepRate(double lr) {
            return p.round(lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t)));
        }

        @Override
        void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate) {
            double[] mean = m[layer];
            double[] variance = v[layer];
            for (int j = 0; j < n; j++) {
                int k = base + j;
                w.set(k, q.weight(p.round(w.get(k) - change(mean, variance, k, g[j], rate))));
            }
        }

        @Override
        double biasChange(int layer, int i, double g, double rate) {
            return change(biasM[layer], biasV[layer], i, g, rate);
        }

        private double change(double[] mean, double[] variance, int k, double g, double rate) {
            mean[k] = p.round(p.round(b1 * mean[k]) + p.round(c1 * g));
            variance[k] = p.round(p.round(b2 * variance[k]) + p.round(c2 * p.round(g * g)));
            return p.round(rate * p.round(mean[k] / p.round(p.round(Math.sqrt(variance[k])) + eps)));
        }
    }
}
