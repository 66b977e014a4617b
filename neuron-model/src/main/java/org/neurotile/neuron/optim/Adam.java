package org.neurotile.neuron.optim;

import java.io.IOException;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.functional.StateInput;
import org.neurotile.neuron.functional.StateOutput;
import org.neurotile.neuron.math.FloatUpdates;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.workloads.NetworkSpec;

/**
 * Adam (Kingma and Ba, 2015): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * w -= lr_t m / (sqrt(v) + eps) with lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), t the step count
 * (one per example, or per minibatch); costs {@link OptimizerCost#ADAM}.
 */
public final class Adam extends Elementwise {
    private final double b1;
    private final double b2;
    private final double c1;
    private final double c2;
    private final double eps;
    private final StateWords m;
    private final StateWords v;
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
        m = StateWords.perWeight(model);
        v = StateWords.perWeight(model);
        biasM = perNeuron(network);
        biasV = perNeuron(network);
    }

    @Override
    public void writeState(StateOutput out) throws IOException {
        out.longValue(t);
        m.write(out);
        v.write(out);
        out.arrays(biasM);
        out.arrays(biasV);
    }

    @Override
    public void readState(StateInput in) throws IOException {
        t = in.longValue();
        m.read(in);
        v.read(in);
        in.arrays(biasM);
        in.arrays(biasV);
    }

    @Override
    protected void beginStep() {
        t++;
    }

    /** lr_t: the bias corrections of step t folded into the rate once per step. */
    @Override
    protected double stepRate(double lr) {
        return p.round(lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t)));
    }

    @Override
    protected void updateFloats(float[] w, int layer, int base, float[] g, int n, float rate) {
        FloatUpdates.adam(w, m.floats(layer), v.floats(layer), base, g, n, (float) b1, (float) b2, (float) c1,
                (float) c2, (float) eps, rate);
    }

    @Override
    protected void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate) {
        if (!q.weightsQuantized() && w instanceof Weights.Double plain) {
            double[] weights = plain.w();
            double[] mean = m.doubles(layer);
            double[] variance = v.doubles(layer);
            for (int j = 0; j < n; j++) {
                int k = base + j;
                mean[k] = b1 * mean[k] + c1 * g[j];
                variance[k] = b2 * variance[k] + c2 * (g[j] * g[j]);
                weights[k] -= rate * (mean[k] / (Math.sqrt(variance[k]) + eps));
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            int k = base + j;
            double meanNow = p.round(p.round(b1 * m.get(layer, k)) + p.round(c1 * g[j]));
            double varianceNow = p.round(p.round(b2 * v.get(layer, k)) + p.round(c2 * p.round(g[j] * g[j])));
            m.set(layer, k, meanNow);
            v.set(layer, k, varianceNow);
            w.set(k, q.weight(p.round(w.get(k) - change(meanNow, varianceNow, rate))));
        }
    }

    @Override
    protected double biasChange(int layer, int i, double g, double rate) {
        double[] mean = biasM[layer];
        double[] variance = biasV[layer];
        mean[i] = p.round(p.round(b1 * mean[i]) + p.round(c1 * g));
        variance[i] = p.round(p.round(b2 * variance[i]) + p.round(c2 * p.round(g * g)));
        return change(mean[i], variance[i], rate);
    }

    /** rate m / (sqrt(v) + eps), each result rounded: what the step subtracts from a weight. */
    private double change(double mean, double variance, double rate) {
        return p.round(rate * p.round(mean / p.round(p.round(Math.sqrt(variance)) + eps)));
    }
}
