package org.neurotile.neuron.functional;

import org.neurotile.neuron.layers.LayerKernel;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.workloads.NetworkSpec;

/**
 * One forward pass: a_l = W_l h_{l-1} + c_l, h_l = f(a_l) (identity at the output), then
 * softmax + cross-entropy: e = softmax(a_L) - onehot(label). With a {@link Quantization}, x, every
 * a_l and h_l are stored in the activation format (h_l = f of the unquantized sum, then quantized;
 * the logits h_L = a_L too) and e in the error format.
 */
public final class ForwardPass {
    final double[][] preActivations; // a_l
    final double[][] activations;    // h_l, h_0 = x
    final double[] outputError;      // e
    final double loss;

    private ForwardPass(double[][] preActivations, double[][] activations, double[] outputError, double loss) {
        this.preActivations = preActivations;
        this.activations = activations;
        this.outputError = outputError;
        this.loss = loss;
    }

    public static ForwardPass run(Model model, double[] input, int label) {
        return run(model, input, label, Quantization.none());
    }

    public static ForwardPass run(Model model, double[] input, int label, Quantization q) {
        NetworkSpec network = model.network();
        Precision p = model.precision();
        int layers = network.layerCount();
        if (input.length != network.inputSize()) {
            throw new IllegalArgumentException("input of " + input.length + " values for " + network.inputSize());
        }
        double[][] a = new double[layers + 1][];
        double[][] h = new double[layers + 1][];
        h[0] = input.clone();
        for (int j = 0; j < h[0].length; j++) {
            h[0][j] = q.activation(p.round(h[0][j]));
        }
        for (int l = 1; l <= layers; l++) {
            LayerKernel kernel = model.kernel(l);
            a[l] = new double[kernel.shape().outputs()];
            h[l] = new double[kernel.shape().outputs()];
            kernel.forward(model.weights[l], model.biases[l], h[l - 1], a[l], h[l], l == layers, p, q);
        }
        double[] output = a[layers];
        double max = Double.NEGATIVE_INFINITY;
        for (double v : output) {
            max = Math.max(max, v);
        }
        double total = 0;
        for (double v : output) {
            total += Math.exp(v - max);
        }
        double[] e = new double[output.length];
        for (int i = 0; i < output.length; i++) {
            e[i] = q.error(p.round(Math.exp(output[i] - max) / total - (i == label ? 1 : 0)));
        }
        double loss = -(output[label] - max - Math.log(total));
        return new ForwardPass(a, h, e, loss);
    }

    /** The class the network predicts: the largest output (the first of equals). */
    public int predicted() {
        double[] output = preActivations[preActivations.length - 1];
        int best = 0;
        for (int i = 1; i < output.length; i++) {
            if (output[i] > output[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The first layer whose pre-activations hold a NaN or an infinity, or -1 if none does. */
    public int firstNonFiniteLayer() {
        for (int l = 1; l < preActivations.length; l++) {
            for (double value : preActivations[l]) {
                if (!Double.isFinite(value)) {
                    return l;
                }
            }
        }
        return -1;
    }

    public double loss() {
        return loss;
    }

    /** A copy of e. */
    public double[] outputError() {
        return outputError.clone();
    }

    /** A copy of h_l (h_0 is the input). */
    public double[] activations(int layer) {
        return activations[layer].clone();
    }

    /** h_l itself, not a copy: for the update's inner loops, which only read it. */
    public double[] liveActivations(int layer) {
        return activations[layer];
    }

    /** a_l[i], the pre-activation of neuron i of layer l. */
    public double preActivation(int layer, int i) {
        return preActivations[layer][i];
    }
}
