package org.neurotile.neuron.functional;

import java.util.Arrays;
import org.neurotile.neuron.layers.LayerKernel;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.NetworkSpec;

/**
 * One forward pass: a_l = W_l h_{l-1} + c_l, h_l = f(a_l) (identity at the output), then
 * softmax + cross-entropy: e = softmax(a_L) - onehot(label). a_l holds the sums of layer l's kernel
 * (a convolution's maps before its pool), h_l its outputs; a layer with a residual add reads
 * h_{l-1} followed by the added layer's output. With a {@link Quantization}, x, every
 * a_l and h_l are stored in the activation format (h_l = f of the unquantized sum, then quantized;
 * the logits h_L = a_L too) and e in the error format.
 */
public final class ForwardPass {
    final double[][] preActivations; // a_l
    final double[][] activations;    // h_l, h_0 = x
    final double[][] inputs;         // what layer l reads: h_{l-1}, then a residual add's h_r
    final double[] outputError;      // e
    final double loss;
    private double[][] unitGradients; // per layer that normalises: {@link #keepUnitGradients}

    private ForwardPass(double[][] preActivations, double[][] activations, double[][] inputs, double[] outputError,
                        double loss) {
        this.preActivations = preActivations;
        this.activations = activations;
        this.inputs = inputs;
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
        double[][] a = new double[layers + 1][];
        double[][] h = new double[layers + 1][];
        double[][] in = new double[layers + 1][];
        h[0] = inputLayer(network, input, p, q);
        for (int l = 1; l <= layers; l++) {
            LayerKernel kernel = model.kernel(l);
            a[l] = new double[kernel.sumCount()];
            h[l] = new double[kernel.shape().outputs()];
            in[l] = layerInput(kernel, h, l);
            kernel.forward(model.weights[l], model.biases[l], in[l], a[l], h[l], l == layers, p, q);
        }
        return finish(a, h, in, label, p, q);
    }

    /**
     * The forward passes of examples {@code m < count} of a minibatch, with the bits of {@link #run}
     * for each: every layer's products for the whole block at once ({@link LayerKernel#forwardBatch}).
     * Only for a quantization whose rounding draws no noise: the values are rounded layer by layer.
     * A batch-normalised layer uses its running statistics, as at test time.
     */
    public static ForwardPass[] runBatch(Model model, double[][] inputs, int[] labels, int count, Quantization q,
                                         Workers workers) {
        return runBatch(model, inputs, labels, count, q, workers, false);
    }

    /**
     * {@link #runBatch(Model, double[][], int[], int, Quantization, Workers)} in a training step
     * when {@code training}: the examples are then one minibatch, whose statistics a batch-normalised
     * layer uses and keeps ({@link LayerKernel#forwardTraining}).
     */
    public static ForwardPass[] runBatch(Model model, double[][] inputs, int[] labels, int count, Quantization q,
                                         Workers workers, boolean training) {
        NetworkSpec network = model.network();
        Precision p = model.precision();
        int layers = network.layerCount();
        double[][][] a = new double[count][layers + 1][];
        double[][][] h = new double[count][layers + 1][];
        double[][][] in = new double[count][layers + 1][];
        for (int m = 0; m < count; m++) {
            h[m][0] = inputLayer(network, inputs[m], p, q);
        }
        for (int l = 1; l <= layers; l++) {
            LayerKernel kernel = model.kernel(l);
            int outputs = kernel.shape().outputs();
            double[][] below = new double[count][];
            double[][] pre = new double[count][];
            double[][] out = new double[count][];
            for (int m = 0; m < count; m++) {
                below[m] = in[m][l] = layerInput(kernel, h[m], l);
                pre[m] = a[m][l] = new double[kernel.sumCount()];
                out[m] = h[m][l] = new double[outputs];
            }
            if (training) {
                kernel.forwardTraining(model.weights[l], model.biases[l], below, pre, out, count, l == layers, p, q,
                        workers);
            } else {
                kernel.forwardBatch(model.weights[l], model.biases[l], below, pre, out, count, l == layers, p, q,
                        workers);
            }
        }
        ForwardPass[] passes = new ForwardPass[count];
        for (int m = 0; m < count; m++) {
            passes[m] = finish(a[m], h[m], in[m], labels[m], p, q);
        }
        return passes;
    }

    /** What layer l reads: h_{l-1} itself, or h_{l-1} then h_r for a residual add from layer r. */
    private static double[] layerInput(LayerKernel kernel, double[][] h, int l) {
        if (kernel.addedLayer().isEmpty()) {
            return h[l - 1];
        }
        double[] added = h[kernel.addedLayer().getAsInt()];
        double[] both = Arrays.copyOf(h[l - 1], h[l - 1].length + added.length);
        System.arraycopy(added, 0, both, h[l - 1].length, added.length);
        return both;
    }

    /** The input as the first layer holds it: each value rounded to the precision and the activation format. */
    private static double[] inputLayer(NetworkSpec network, double[] input, Precision p, Quantization q) {
        if (input.length != network.inputSize()) {
            throw new IllegalArgumentException("input of " + input.length + " values for " + network.inputSize());
        }
        double[] x = input.clone();
        for (int j = 0; j < x.length; j++) {
            x[j] = q.activation(p.round(x[j]));
        }
        return x;
    }

    /** Softmax and cross-entropy of the output layer: e = softmax(a_L) - onehot(label). */
    private static ForwardPass finish(double[][] a, double[][] h, double[][] in, int label, Precision p,
                                      Quantization q) {
        double[] output = a[a.length - 1];
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
        return new ForwardPass(a, h, in, e, loss);
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

    /**
     * Keeps the gradients of layer {@code layer}'s per-unit parameters that its batch normalisation
     * gives this example ({@link LayerKernel#normaliseDeltas}), for the minibatch's sums.
     */
    public void keepUnitGradients(int layer, double[] gradients) {
        if (unitGradients == null) {
            unitGradients = new double[preActivations.length][];
        }
        unitGradients[layer] = gradients;
    }

    /** What {@link #keepUnitGradients} kept for layer {@code layer}, or null. */
    public double[] unitGradients(int layer) {
        return unitGradients == null ? null : unitGradients[layer];
    }

    /** How much unit {@code unit}'s activation moves per move of its sum ({@link LayerKernel#sumGain}). */
    public double sumGain(Model model, int layer, int unit) {
        return model.kernel(layer).sumGain(preActivations[layer], unit);
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

    /** What layer l reads, itself, not a copy: h_{l-1}, followed by h_r if the layer adds layer r's output. */
    public double[] liveInput(int layer) {
        return inputs[layer];
    }

    /** a_l[i], the pre-activation of neuron i of layer l. */
    public double preActivation(int layer, int i) {
        return preActivations[layer][i];
    }
}
