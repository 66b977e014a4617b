package org.neurotile.neuron.optim;

import java.io.IOException;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.functional.StateInput;
import org.neurotile.neuron.functional.StateOutput;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;

/** Momentum (heavy ball): v = mu v + g; w -= lr v; costs {@link OptimizerCost#MOMENTUM}. */
public final class Momentum extends Elementwise {
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
    public void writeState(StateOutput out) throws IOException {
        out.arrays(velocity);
        out.arrays(biasVelocity);
    }

    @Override
    public void readState(StateInput in) throws IOException {
        in.arrays(velocity);
        in.arrays(biasVelocity);
    }

    @Override
    protected void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate) {
        double[] v = velocity[layer];
        if (unquantizedStep(w, v, base, g, n, mu, rate, q)) {
            return;
        }
        for (int j = 0; j < n; j++) {
            int k = base + j;
            v[k] = p.round(p.round(mu * v[k]) + g[j]);
            w.set(k, q.weight(p.round(w.get(k) - p.round(rate * v[k]))));
        }
    }

    /**
     * The heavy-ball step v = mu v + g; w -= rate v on weights {@code base..base+n-1} stored without
     * quantization, in their own arithmetic (float32 values in float arithmetic: the same bits as
     * rounding each double result), as one loop; false, doing nothing, for quantized weights.
     */
    public static boolean unquantizedStep(Weights w, double[] v, int base, double[] g, int n, double mu, double rate,
                                          Quantization q) {
        if (q.weightsQuantized()) {
            return false;
        }
        if (w instanceof Weights.Single single) {
            float[] weights = single.w();
            float m = (float) mu;
            float r = (float) rate;
            for (int j = 0; j < n; j++) {
                int k = base + j;
                float velocityNow = m * (float) v[k] + (float) g[j];
                v[k] = velocityNow;
                weights[k] -= r * velocityNow;
            }
            return true;
        }
        double[] weights = ((Weights.Double) w).w();
        for (int j = 0; j < n; j++) {
            int k = base + j;
            v[k] = mu * v[k] + g[j];
            weights[k] -= rate * v[k];
        }
        return true;
    }

    @Override
    protected double biasChange(int layer, int i, double g, double rate) {
        double[] v = biasVelocity[layer];
        v[i] = p.round(p.round(mu * v[i]) + g);
        return p.round(rate * v[i]);
    }
}
