package org.neurotile.neuron.math;

import java.io.IOException;
import org.neurotile.neuron.chip.OptimizerCost;
import org.neurotile.workloads.NetworkSpec;

/**
 * Applies a step's deltas to the model: g = delta_i h_j for weights and delta_i for biases, then
 * the optimizer's rule. State is kept per weight and bias of every trained layer, in the model's
 * precision (never quantized), as the tiles would keep it (see {@link OptimizerCost} for what the
 * hardware counts); every weight and bias it changes is quantized to the weight format.
 */
public abstract sealed class Optimizer permits Optimizer.Sgd, Optimizer.Momentum, Optimizer.Adam,
        Optimizer.SplitMomentum {
    /** The optimizer's settings; unused ones are ignored (momentum by Adam, betas by momentum). */
    public record Settings(OptimizerCost kind, double momentum, double beta1, double beta2, double epsilon) {
        public static Settings of(OptimizerCost kind) {
            return new Settings(kind, 0.9, 0.9, 0.999, 1e-8);
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
    public abstract void step(Model model, ForwardPass pass, double[][] delta, double lr);

    /**
     * One update of a step whose deltas are bp's ({@code backpropStep}) or a feedback rule's; only
     * split momentum tells them apart.
     */
    public void step(Model model, ForwardPass pass, double[][] delta, double lr, boolean backpropStep) {
        step(model, pass, delta, lr);
    }

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
        for (int l = 1; l < gradient.present.length; l++) {
            if (gradient.present[l]) {
                apply(model, l, gradient.weights[l], gradient.biases[l], lr);
            }
        }
        gradient.clear();
    }

    /** Called once per minibatch step, before its layers are applied. */
    void beginStep(boolean backpropStep) {
    }

    /** Applies the gradient g (per weight of W_l, row-major) and gb (per bias) of one layer. */
    abstract void apply(Model model, int layer, double[] g, double[] gb, double lr);

    /** The optimizer's state, in a fixed order, for a checkpoint. */
    abstract void writeState(StateOutput out) throws IOException;

    /** Restores what {@link #writeState} wrote. */
    abstract void readState(StateInput in) throws IOException;

    /** SGD: w -= lr g. */
    public static final class Sgd extends Optimizer {
        Sgd(Precision p, boolean biases, Quantization q) {
            super(p, biases, q);
        }

        @Override
        public void step(Model model, ForwardPass pass, double[][] delta, double lr) {
            LearningStep.update(model, pass, delta, lr, biases, q);
        }

        @Override
        void apply(Model model, int layer, double[] g, double[] gb, double lr) {
            double rate = p.round(lr);
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

    /** Momentum (heavy ball): v = mu v + g; w -= lr v. */
    public static final class Momentum extends Optimizer {
        private final double mu;
        private final double[][] velocity;
        private final double[][] biasVelocity;

        Momentum(Model model, boolean biases, double mu, Quantization q) {
            super(model.precision(), biases, q);
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
        void apply(Model model, int layer, double[] g, double[] gb, double lr) {
            double rate = p.round(lr);
            Weights w = model.weights[layer];
            double[] v = velocity[layer];
            for (int k = 0; k < g.length; k++) {
                v[k] = p.round(p.round(mu * v[k]) + g[k]);
                w.set(k, q.weight(p.round(w.get(k) - p.round(rate * v[k]))));
            }
            if (biases) {
                double[] bv = biasVelocity[layer];
                double[] c = model.biases[layer];
                for (int i = 0; i < c.length; i++) {
                    bv[i] = p.round(p.round(mu * bv[i]) + gb[i]);
                    c[i] = q.weight(p.round(c[i] - p.round(rate * bv[i])));
                }
            }
        }

        @Override
        public void step(Model model, ForwardPass pass, double[][] delta, double lr) {
            double rate = p.round(lr);
            for (int l = 1; l < delta.length; l++) {
                if (delta[l] == null || !model.network().layer(l).trainable()) {
                    continue;
                }
                Weights w = model.weights[l];
                double[] h = pass.activations[l - 1];
                double[] v = velocity[l];
                int columns = h.length;
                for (int i = 0; i < delta[l].length; i++) {
                    double d = delta[l][i];
                    int base = i * columns;
                    for (int j = 0; j < columns; j++) {
                        int k = base + j;
                        v[k] = p.round(p.round(mu * v[k]) + p.round(d * h[j]));
                        w.set(k, q.weight(p.round(w.get(k) - p.round(rate * v[k]))));
                    }
                    if (biases) {
                        biasVelocity[l][i] = p.round(p.round(mu * biasVelocity[l][i]) + d);
                        model.biases[l][i] = q.weight(p.round(model.biases[l][i] - p.round(rate * biasVelocity[l][i])));
                    }
                }
            }
        }
    }

    /**
     * Split momentum (hybrid dfa): a bp step does v_bp = mu v_bp + g, w -= lr v_bp; a feedback step
     * does v_dfa = mu v_dfa + g, w -= lr (gamma v_dfa + (1 - gamma) v_bp). The plain
     * {@link #step(Model, ForwardPass, double[][], double)} is a feedback step.
     */
    public static final class SplitMomentum extends Optimizer {
        private final double mu;
        private final double gamma;
        private final double complement;
        private final double[][] bp;
        private final double[][] dfa;
        private final double[][] biasBp;
        private final double[][] biasDfa;
        private boolean batchIsBackprop; // the kind of the minibatch being applied

        SplitMomentum(Model model, boolean biases, double mu, double gamma, Quantization q) {
            super(model.precision(), biases, q);
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
        public void step(Model model, ForwardPass pass, double[][] delta, double lr) {
            step(model, pass, delta, lr, false);
        }

        @Override
        public void step(Model model, ForwardPass pass, double[][] delta, double lr, boolean backpropStep) {
            double rate = p.round(lr);
            for (int l = 1; l < delta.length; l++) {
                if (delta[l] == null || !model.network().layer(l).trainable()) {
                    continue;
                }
                Weights w = model.weights[l];
                double[] h = pass.activations[l - 1];
                int columns = h.length;
                for (int i = 0; i < delta[l].length; i++) {
                    double d = delta[l][i];
                    int base = i * columns;
                    for (int j = 0; j < columns; j++) {
                        int k = base + j;
                        double u = update(bp[l], dfa[l], k, p.round(d * h[j]), backpropStep);
                        w.set(k, q.weight(p.round(w.get(k) - p.round(rate * u))));
                    }
                    if (biases) {
                        double u = update(biasBp[l], biasDfa[l], i, d, backpropStep);
                        model.biases[l][i] = q.weight(p.round(model.biases[l][i] - p.round(rate * u)));
                    }
                }
            }
        }

        @Override
        void beginStep(boolean backpropStep) {
            batchIsBackprop = backpropStep;
        }

        @Override
        void apply(Model model, int layer, double[] g, double[] gb, double lr) {
            double rate = p.round(lr);
            Weights w = model.weights[layer];
            for (int k = 0; k < g.length; k++) {
                double u = update(bp[layer], dfa[layer], k, g[k], batchIsBackprop);
                w.set(k, q.weight(p.round(w.get(k) - p.round(rate * u))));
            }
            if (biases) {
                double[] c = model.biases[layer];
                for (int i = 0; i < c.length; i++) {
                    c[i] = q.weight(p.round(c[i] - p.round(rate * update(biasBp[layer], biasDfa[layer], i, gb[i],
                            batchIsBackprop))));
                }
            }
        }

        /** Updates the step's velocity with gradient g and returns the direction to apply. */
        private double update(double[] bpVelocity, double[] dfaVelocity, int k, double g, boolean backpropStep) {
            if (backpropStep) {
                bpVelocity[k] = p.round(p.round(mu * bpVelocity[k]) + g);
                return bpVelocity[k];
            }
            dfaVelocity[k] = p.round(p.round(mu * dfaVelocity[k]) + g);
            return p.round(p.round(gamma * dfaVelocity[k]) + p.round(complement * bpVelocity[k]));
        }
    }

    /**
     * Adam (Kingma and Ba, 2015): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
     * w -= lr_t m / (sqrt(v) + eps) with lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), t the step count.
     */
    public static final class Adam extends Optimizer {
        private final double b1;
        private final double b2;
        private final double eps;
        private final double[][] m;
        private final double[][] v;
        private final double[][] biasM;
        private final double[][] biasV;
        private long t;

        Adam(Model model, boolean biases, Settings settings, Quantization q) {
            super(model.precision(), biases, q);
            b1 = p.round(settings.beta1());
            b2 = p.round(settings.beta2());
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

        /** t counts optimizer steps: one per minibatch. */
        @Override
        void beginStep(boolean backpropStep) {
            t++;
        }

        @Override
        void apply(Model model, int layer, double[] g, double[] gb, double lr) {
            double rate = p.round(lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t)));
            double c1 = p.round(1 - b1);
            double c2 = p.round(1 - b2);
            Weights w = model.weights[layer];
            double[] ml = m[layer];
            double[] vl = v[layer];
            for (int k = 0; k < g.length; k++) {
                ml[k] = moment(ml[k], b1, c1, g[k]);
                vl[k] = moment(vl[k], b2, c2, p.round(g[k] * g[k]));
                w.set(k, q.weight(p.round(w.get(k) - step(rate, ml[k], vl[k]))));
            }
            if (biases) {
                double[] c = model.biases[layer];
                for (int i = 0; i < c.length; i++) {
                    biasM[layer][i] = moment(biasM[layer][i], b1, c1, gb[i]);
                    biasV[layer][i] = moment(biasV[layer][i], b2, c2, p.round(gb[i] * gb[i]));
                    c[i] = q.weight(p.round(c[i] - step(rate, biasM[layer][i], biasV[layer][i])));
                }
            }
        }

        @Override
        public void step(Model model, ForwardPass pass, double[][] delta, double lr) {
            t++;
            double rate = p.round(lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t)));
            double c1 = p.round(1 - b1);
            double c2 = p.round(1 - b2);
            for (int l = 1; l < delta.length; l++) {
                if (delta[l] == null || !model.network().layer(l).trainable()) {
                    continue;
                }
                Weights w = model.weights[l];
                double[] h = pass.activations[l - 1];
                int columns = h.length;
                for (int i = 0; i < delta[l].length; i++) {
                    double d = delta[l][i];
                    int base = i * columns;
                    for (int j = 0; j < columns; j++) {
                        int k = base + j;
                        double g = p.round(d * h[j]);
                        m[l][k] = moment(m[l][k], b1, c1, g);
                        v[l][k] = moment(v[l][k], b2, c2, p.round(g * g));
                        w.set(k, q.weight(p.round(w.get(k) - step(rate, m[l][k], v[l][k]))));
                    }
                    if (biases) {
                        biasM[l][i] = moment(biasM[l][i], b1, c1, d);
                        biasV[l][i] = moment(biasV[l][i], b2, c2, p.round(d * d));
                        model.biases[l][i] = q.weight(p.round(model.biases[l][i]
                                - step(rate, biasM[l][i], biasV[l][i])));
                    }
                }
            }
        }

        private double moment(double previous, double beta, double complement, double value) {
            return p.round(p.round(beta * previous) + p.round(complement * value));
        }

        private double step(double rate, double mean, double variance) {
            return p.round(rate * p.round(mean / p.round(p.round(Math.sqrt(variance)) + eps)));
        }
    }
}
