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
public abstract sealed class Optimizer permits Optimizer.Sgd, Optimizer.Momentum, Optimizer.Adam {
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
        };
    }

    /** One update with learning rate {@code lr}; layers with a null delta (not trained) are skipped. */
    public abstract void step(Model model, ForwardPass pass, double[][] delta, double lr);

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
            NetworkSpec network = model.network();
            velocity = new double[network.layerCount() + 1][];
            biasVelocity = new double[network.layerCount() + 1][];
            for (int l = 1; l <= network.layerCount(); l++) {
                velocity[l] = new double[(int) network.weights(l)];
                biasVelocity[l] = new double[network.neurons(l)];
            }
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
            int layers = network.layerCount();
            m = new double[layers + 1][];
            v = new double[layers + 1][];
            biasM = new double[layers + 1][];
            biasV = new double[layers + 1][];
            for (int l = 1; l <= layers; l++) {
                m[l] = new double[(int) network.weights(l)];
                v[l] = new double[(int) network.weights(l)];
                biasM[l] = new double[network.neurons(l)];
                biasV[l] = new double[network.neurons(l)];
            }
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
