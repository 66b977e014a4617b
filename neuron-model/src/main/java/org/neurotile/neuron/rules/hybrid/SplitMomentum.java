package org.neurotile.neuron.rules.hybrid;

import java.io.IOException;
import org.neurotile.neuron.functional.BatchGradient;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.functional.StateInput;
import org.neurotile.neuron.functional.StateOutput;
import org.neurotile.neuron.math.FloatUpdates;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.optim.Elementwise;
import org.neurotile.neuron.optim.Momentum;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.optim.StateWords;
import org.neurotile.workloads.NetworkSpec;

/**
 * Split momentum (hybrid dfa): a bp step does v_bp = mu v_bp + g, w -= lr v_bp; a feedback step
 * does v_dfa = mu v_dfa + g, w -= lr (gamma v_dfa + (1 - gamma) v_bp). Until told otherwise with
 * {@link #stepKind}, a step is a feedback step.
 *
 * <p>Its cost, two state words v_bp and v_dfa per weight: a bp step ({@link #BP_STEP_COST}) does
 * momentum's arithmetic (3 MACs, v_bp read and written); a feedback step ({@link #DFA_STEP_COST})
 * does v_dfa = mu v_dfa + g, u = gamma v_dfa + (1 - gamma) v_bp, w -= lr u (5 MACs, both read,
 * v_dfa written). Chosen by the hybrid rule, not by name.
 */
public final class SplitMomentum extends Elementwise {
    public static final OptimizerCost BP_STEP_COST = new OptimizerCost("split-momentum:bp", 2, 1, 1, 3, 2, 0);
    public static final OptimizerCost DFA_STEP_COST = new OptimizerCost("split-momentum:dfa", 2, 2, 1, 5, 4, 0);

    private final double mu;
    private final double gamma;
    private final double complement;
    private final StateWords bp;
    private final StateWords dfa;
    private final double[][] biasBp;
    private final double[][] biasDfa;
    private boolean backpropStep; // the kind of the step being applied

    SplitMomentum(Model model, boolean biases, double mu, double gamma, Quantization q) {
        super(model, biases, q);
        this.mu = p.round(mu);
        this.gamma = p.round(gamma);
        this.complement = p.round(1 - gamma);
        NetworkSpec network = model.network();
        bp = StateWords.perWeight(model);
        dfa = StateWords.perWeight(model);
        biasBp = perNeuron(network);
        biasDfa = perNeuron(network);
    }

    /** The kind of the steps applied from now on: bp's ({@code true}) or the feedback rule's. */
    void stepKind(boolean backprop) {
        this.backpropStep = backprop;
    }

    @Override
    public void writeState(StateOutput out) throws IOException {
        bp.write(out);
        dfa.write(out);
        out.arrays(biasBp);
        out.arrays(biasDfa);
    }

    @Override
    public void readState(StateInput in) throws IOException {
        bp.read(in);
        dfa.read(in);
        in.arrays(biasBp);
        in.arrays(biasDfa);
    }

    @Override
    protected void updateFloats(float[] w, int layer, int base, float[] g, int n, float rate) {
        if (backpropStep) {
            FloatUpdates.momentum(w, bp.floats(layer), base, g, n, (float) mu, rate);
        } else {
            FloatUpdates.splitMomentum(w, bp.floats(layer), dfa.floats(layer), base, g, n, (float) mu, rate,
                    (float) gamma, (float) complement);
        }
    }

    /** The step's velocity updated in the gradient's product (beta mu, alpha 1/B), then the weights from it. */
    @Override
    protected boolean updateFromProducts(float[] w, int layer, BatchGradient gradient, float rate) {
        float[] vBp = bp.floats(layer);
        float[] velocity = backpropStep ? vBp : dfa.floats(layer);
        float share = (float) gamma;
        float rest = (float) complement;
        gradient.scaleAndAddSums(layer, velocity, (float) mu, gradient.meanFactor(layer), backpropStep
                ? (from, to) -> FloatUpdates.subtractScaled(w, rate, vBp, from, to)
                : (from, to) -> FloatUpdates.subtractMixed(w, rate, share, velocity, rest, vBp, from, to));
        return true;
    }

    @Override
    protected void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate) {
        if (backpropStep) {
            Momentum.step(bp, w, layer, base, g, n, mu, rate, p, q);
            return;
        }
        if (!q.weightsQuantized() && w instanceof Weights.Double plain) {
            double[] weights = plain.w();
            double[] vBp = bp.doubles(layer);
            double[] vDfa = dfa.doubles(layer);
            for (int j = 0; j < n; j++) {
                int k = base + j;
                vDfa[k] = mu * vDfa[k] + g[j];
                weights[k] -= rate * (gamma * vDfa[k] + complement * vBp[k]);
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            int k = base + j;
            double velocity = p.round(p.round(mu * dfa.get(layer, k)) + g[j]);
            dfa.set(layer, k, velocity);
            w.set(k, q.weight(p.round(w.get(k) - dfaChange(velocity, bp.get(layer, k), rate))));
        }
    }

    @Override
    protected double biasChange(int layer, int i, double g, double rate) {
        return change(biasBp[layer], biasDfa[layer], i, g, rate);
    }

    /** Updates the step's velocity with gradient g and returns lr times the direction to apply. */
    private double change(double[] bpVelocity, double[] dfaVelocity, int k, double g, double rate) {
        if (backpropStep) {
            bpVelocity[k] = p.round(p.round(mu * bpVelocity[k]) + g);
            return p.round(rate * bpVelocity[k]);
        }
        dfaVelocity[k] = p.round(p.round(mu * dfaVelocity[k]) + g);
        return dfaChange(dfaVelocity[k], bpVelocity[k], rate);
    }

    /** A feedback step's lr (gamma v_dfa + (1 - gamma) v_bp), each result rounded. */
    private double dfaChange(double dfaVelocity, double bpVelocity, double rate) {
        return p.round(rate * p.round(p.round(gamma * dfaVelocity) + p.round(complement * bpVelocity)));
    }
}
