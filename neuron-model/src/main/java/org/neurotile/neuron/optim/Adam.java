package org.neurotile.neuron.optim;

import java.io.IOException;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.functional.StateInput;
import org.neurotile.neuron.functional.StateOutput;
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
    public void writeState(StateOutput out) throws IOException {
        out.longValue(t);
        out.arrays(m);
        out.arrays(v);
        out.arrays(biasM);
        out.arrays(biasV);
    }

    @Override
    public void readState(StateInput in) throws IOException {
        t = in.longValue();
        in.arrays(m);
        in.arrays(v);
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
    protected void updateWeights(Weights w, int layer, int base, double[] g, int n, double rate) {
        double[] mean = m[layer];
        double[] variance = v[layer];
        if (!q.weightsQuantized() && w instanceof Weights.Single single) {
            // float arithmetic on float32 values (sqrt in double, rounded once): the same bits
            float[] weights = single.w();
            float decay1 = (float) b1;
            float decay2 = (float) b2;
            float keep1 = (float) c1;
            float keep2 = (float) c2;
            float epsilon = (float) eps;
            float r = (float) rate;
            for (int j = 0; j < n; j++) {
                int k = base + j;
                float gradient = (float) g[j];
                float meanNow = decay1 * (float) mean[k] + keep1 * gradient;
                float varianceNow = decay2 * (float) variance[k] + keep2 * (gradient * gradient);
                mean[k] = meanNow;
                variance[k] = varianceNow;
                weights[k] -= r * (meanNow / ((float) Math.sqrt(varianceNow) + epsilon));
            }
            return;
        }
        if (!q.weightsQuantized() && w instanceof Weights.Double plain) {
            double[] weights = plain.w();
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
            w.set(k, q.weight(p.round(w.get(k) - change(mean, variance, k, g[j], rate))));
        }
    }

    @Override
    protected double biasChange(int layer, int i, double g, double rate) {
        return change(biasM[layer], biasV[layer], i, g, rate);
    }

    private double change(double[] mean, double[] variance, int k, double g, double rate) {
        mean[k] = p.round(p.round(b1 * mean[k]) + p.round(c1 * g));
        variance[k] = p.round(p.round(b2 * variance[k]) + p.round(c2 * p.round(g * g)));
        return p.round(rate * p.round(mean[k] / p.round(p.round(Math.sqrt(variance[k])) + eps)));
    }
}
