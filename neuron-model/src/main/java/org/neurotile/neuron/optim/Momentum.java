package org.neurotile.neuron.optim;

import java.io.IOException;
import org.neurotile.neuron.functional.BatchGradient;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.functional.StateInput;
import org.neurotile.neuron.functional.StateOutput;
import org.neurotile.neuron.math.FloatUpdates;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;

/** Momentum (heavy ball): v = mu v + g; w -= lr v; costs {@link OptimizerCost#MOMENTUM}. */
public final class Momentum extends Elementwise {
    private final double mu;
    private final StateWords velocity;
    private final double[][] biasVelocity;

    Momentum(Model model, boolean biases, double mu, Quantization q) {
        super(model, biases, q);
        this.mu = p.round(mu);
        velocity = StateWords.perWeight(model);
        biasVelocity = perNeuron(model.network());
    }

    @Override
    public void writeState(StateOutput out) throws IOException {
        velocity.write(out);
        out.arrays(biasVelocity);
    }

    @Override
    public void readState(StateInput in) throws IOException {
        velocity.read(in);
        in.arrays(biasVelocity);
    }

    @Override
    protected void updateFloats(float[] w, int layer, int base, float[] g, int n, float rate) {
        FloatUpdates.momentum(w, velocity.floats(layer), base, g, n, (float) mu, rate);
    }

    /**
     * v = mu v + (1/B) X^T Delta in the gradient's product, then w -= rate v on each thread's rows as
     * it makes them: two passes fewer over the sums.
     */
    @Override
    protected boolean updateFromProducts(float[] w, int layer, BatchGradient gradient, float rate) {
        float[] v = velocity.floats(layer);
        gradient.scaleAndAddSums(layer, v, (float) mu, gradient.meanFactor(layer),
                (from, to) -> FloatUpdates.subtractScaled(w, rate, v, from, to));
        return true;
    }

    @Override
    protected void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate) {
        step(velocity, w, layer, base, g, n, mu, rate, p, q);
    }

    /**
     * The heavy-ball step v = mu v + g; w -= rate v on weights {@code base..base+n-1} of W_l and
     * their velocities {@code v}, every result rounded to {@code p} and each changed weight quantized;
     * float64 weights stored without quantization in plain double arithmetic. (float32 weights take
     * {@link FloatUpdates#momentum}, then {@link org.neurotile.neuron.math.FixedPointUpdates#quantize}
     * under a fixed-point weight format.)
     */
    public static void step(StateWords v, Weights w, int layer, int base, double[] g, int n, double mu, double rate,
                            Precision p, Quantization q) {
        if (!q.weightsQuantized() && w instanceof Weights.Double plain) {
            double[] weights = plain.w();
            double[] velocities = v.doubles(layer);
            for (int j = 0; j < n; j++) {
                int k = base + j;
                velocities[k] = mu * velocities[k] + g[j];
                weights[k] -= rate * velocities[k];
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            int k = base + j;
            double velocityNow = p.round(p.round(mu * v.get(layer, k)) + g[j]);
            v.set(layer, k, velocityNow);
            w.set(k, q.weight(p.round(w.get(k) - p.round(rate * velocityNow))));
        }
    }

    @Override
    protected double biasChange(int layer, int i, double g, double rate) {
        double[] v = biasVelocity[layer];
        v[i] = p.round(p.round(mu * v[i]) + g);
        return p.round(rate * v[i]);
    }
}
