package org.neurotile.neuron.functional;

import java.util.OptionalInt;
import org.neurotile.neuron.math.BlockedProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.NetworkSpec;

/**
 * One SGD step on one example: the deltas of the rule, then dW_l = delta_l h_{l-1}^T,
 * dc_l = delta_l, W -= lr dW, c -= lr dc for every trained layer. The output layer's delta is e.
 */
public final class LearningStep {
    private LearningStep() {
    }

    /** bp: delta_l = (W_{l+1}^T delta_{l+1}) * f'(a_l), with the weights of the forward pass. */
    public static double[][] backprop(Model model, ForwardPass pass, double learningRate, boolean biases) {
        double[][] delta = backpropDeltas(model, pass);
        update(model, pass, delta, learningRate, biases);
        return delta;
    }

    /** bp's deltas without the update. */
    public static double[][] backpropDeltas(Model model, ForwardPass pass) {
        return backpropDeltas(model, pass, Quantization.none());
    }

    /**
     * bp's deltas, where the sum (W_{l+1}^T delta_{l+1})_j a neuron receives is quantized to the
     * error format once, as if its partial sums were reduced exactly (one tile's case).
     */
    public static double[][] backpropDeltas(Model model, ForwardPass pass, Quantization q) {
        NetworkSpec network = model.network();
        Precision p = model.precision();
        int layers = network.layerCount();
        double[][] delta = new double[layers + 1][];
        delta[layers] = pass.outputError.clone();
        for (int l = layers - 1; l >= 1; l--) {
            delta[l] = propagated(model, pass, l, delta, q);
        }
        return delta;
    }

    /**
     * bp's delta of hidden layer l: the error at its outputs, W_{l+1}^T delta_{l+1} plus what the
     * residual adds reading them send back ({@link #addResiduals}), quantized to the error format,
     * then turned into the delta at its sums by its kernel ((...) * f'(a_l) for a dense layer).
     */
    private static double[] propagated(Model model, ForwardPass pass, int l, double[][] delta, Quantization q) {
        double[] e = model.kernel(l + 1).backward(model.weights[l + 1], delta[l + 1], model.precision());
        addResiduals(model, l, delta, e);
        return model.kernel(l).delta(q.errors(e), pass.preActivations[l], model.precision(), q);
    }

    /**
     * Adds to {@code error} (at layer l's outputs) what each layer that adds layer l's output to its
     * sums sends back from its delta, those layers in ascending order, each sum rounded.
     */
    private static void addResiduals(Model model, int l, double[][] delta, double[] error) {
        Precision p = model.precision();
        for (int above = l + 2; above < delta.length; above++) {
            OptionalInt added = model.kernel(above).addedLayer();
            if (added.isPresent() && added.getAsInt() == l && delta[above] != null) {
                double[] back = model.kernel(above).backwardAdded(model.weights[above], delta[above], p);
                for (int j = 0; j < error.length; j++) {
                    error[j] = p.round(error[j] + back[j]);
                }
            }
        }
    }

    /**
     * The feedback family: delta_l = (B_l g) * f'(a_l), g the delta of layer source(l) (e for the
     * output), computed from the output down so that every source is ready; a layer whose source is
     * {@link Feedback#BACKPROP} takes bp's delta from the layer above (feedback propagation).
     */
    public static double[][] withFeedback(Model model, Feedback feedback, ForwardPass pass, double learningRate,
                                          boolean biases) {
        double[][] delta = feedbackDeltas(model, feedback, pass);
        update(model, pass, delta, learningRate, biases);
        return delta;
    }

    /** The feedback family's deltas without the update; layers without feedback have none (null). */
    public static double[][] feedbackDeltas(Model model, Feedback feedback, ForwardPass pass) {
        return feedbackDeltas(model, feedback, pass, Quantization.none());
    }

    /**
     * The feedback family's deltas; a hidden layer's delta is quantized to the error format where it
     * is sent to the layers it feeds back to, and used unquantized for its own update (e arrives
     * quantized from the forward pass).
     */
    public static double[][] feedbackDeltas(Model model, Feedback feedback, ForwardPass pass, Quantization q) {
        NetworkSpec network = model.network();
        Precision p = model.precision();
        int layers = network.layerCount();
        double[][] delta = new double[layers + 1][];
        double[][] sent = new double[layers + 1][];
        delta[layers] = pass.outputError.clone();
        sent[layers] = delta[layers];
        for (int l = layers - 1; l >= 1; l--) {
            int source = feedback.source[l];
            if (source == Feedback.BACKPROP) {
                delta[l] = propagated(model, pass, l, delta, q);
                continue;
            }
            if (source == 0) {
                continue;
            }
            if (sent[source] == null) {
                sent[source] = q.errors(delta[source]);
            }
            double[] g = sent[source];
            double[] d;
            if (feedback.convolutions[l] != null) {
                d = feedback.convolutions[l].apply(g, p);
            } else {
                int columns = g.length;
                d = new double[network.neurons(l)];
                BlockedProducts.dotsOfOne(feedback.matrices[l], d.length, columns, g, d, p);
            }
            delta[l] = model.kernel(l).delta(d, pass.preActivations[l], p, q);
        }
        return delta;
    }

    /**
     * bp's deltas of examples {@code m < count} of a minibatch, with the bits of
     * {@link #backpropDeltas(Model, ForwardPass, Quantization)} for each: W^T delta for the whole
     * block at once. Only for a quantization whose rounding draws no noise.
     */
    public static double[][][] backpropDeltas(Model model, ForwardPass[] passes, int count, Quantization q,
                                              Workers workers) {
        int layers = model.network().layerCount();
        double[][][] delta = new double[count][layers + 1][];
        for (int m = 0; m < count; m++) {
            delta[m][layers] = passes[m].outputError.clone();
        }
        for (int l = layers - 1; l >= 1; l--) {
            propagated(model, passes, l, delta, count, q, workers);
        }
        return delta;
    }

    /** bp's delta of hidden layer l for a block of examples, into delta[m][l]. */
    private static void propagated(Model model, ForwardPass[] passes, int l, double[][][] delta, int count,
                                   Quantization q, Workers workers) {
        double[][] above = new double[count][];
        for (int m = 0; m < count; m++) {
            above[m] = delta[m][l + 1];
        }
        double[][] sums = new double[count][];
        model.kernel(l + 1).backwardBatch(model.weights[l + 1], above, sums, count, model.precision(), workers);
        for (int m = 0; m < count; m++) {
            addResiduals(model, l, delta[m], sums[m]);
            delta[m][l] = model.kernel(l).delta(q.errors(sums[m]), passes[m].preActivations[l], model.precision(), q);
        }
        normalise(model, passes, delta, l, count);
    }

    /**
     * For a layer whose kernel {@link org.neurotile.neuron.layers.LayerKernel#normalises}: the
     * deltas of the minibatch's examples {@code m < count} (each the kernel's {@code delta}) coupled
     * into the deltas at its sums, in place, and each example's gradients of the layer's per-unit
     * parameters kept in its pass. Nothing for another layer.
     */
    public static void normalise(Model model, ForwardPass[] passes, double[][][] delta, int l, int count) {
        if (!model.kernel(l).normalises() || delta[0][l] == null) {
            return;
        }
        double[][] deltas = new double[count][];
        double[][] pre = new double[count][];
        for (int m = 0; m < count; m++) {
            deltas[m] = delta[m][l];
            pre[m] = passes[m].preActivations[l];
        }
        double[][] unit = model.kernel(l).normaliseDeltas(deltas, pre, count, model.precision());
        for (int m = 0; m < count; m++) {
            passes[m].keepUnitGradients(l, unit[m]);
        }
    }

    /**
     * The feedback family's deltas of examples {@code m < count} of a minibatch, with the bits of
     * {@link #feedbackDeltas(Model, Feedback, ForwardPass, Quantization)} for each: B_l g for the
     * whole block at once. Only for a quantization whose rounding draws no noise.
     */
    public static double[][][] feedbackDeltas(Model model, Feedback feedback, ForwardPass[] passes, int count,
                                              Quantization q, Workers workers) {
        NetworkSpec network = model.network();
        Precision p = model.precision();
        int layers = network.layerCount();
        double[][][] delta = new double[count][layers + 1][];
        double[][][] sent = new double[layers + 1][][];
        for (int m = 0; m < count; m++) {
            delta[m][layers] = passes[m].outputError.clone();
        }
        for (int l = layers - 1; l >= 1; l--) {
            int source = feedback.source[l];
            if (source == Feedback.BACKPROP) {
                propagated(model, passes, l, delta, count, q, workers);
                continue;
            }
            if (source == 0) {
                continue;
            }
            if (sent[source] == null) {
                sent[source] = new double[count][];
                for (int m = 0; m < count; m++) {
                    sent[source][m] = source == layers ? delta[m][source] : q.errors(delta[m][source]);
                }
            }
            double[][] d = new double[count][network.neurons(l)];
            double[][] g = sent[source];
            if (feedback.convolutions[l] != null) {
                feedback.convolutions[l].apply(g, d, count, p, workers);
            } else {
                Weights b = p == Precision.FLOAT32 ? feedback.float32(l) : Weights.view(p, feedback.matrices[l]);
                int columns = g[0].length;
                workers.split(d[0].length, (long) columns * count,
                        (from, to) -> workers.products().dots(b, columns, from, to, g, count, d));
            }
            for (int m = 0; m < count; m++) {
                delta[m][l] = model.kernel(l).delta(d[m], passes[m].preActivations[l], p, q);
            }
            normalise(model, passes, delta, l, count);
        }
        return delta;
    }

    /** SGD: W_l -= lr delta_l h_{l-1}^T and c_l -= lr delta_l for every trained layer with a delta. */
    static void update(Model model, ForwardPass pass, double[][] delta, double learningRate, boolean biases) {
        update(model, pass, delta, learningRate, biases, Quantization.none());
    }

    /** SGD with every changed weight and bias quantized to the weight format. */
    public static void update(Model model, ForwardPass pass, double[][] delta, double learningRate, boolean biases,
                              Quantization q) {
        NetworkSpec network = model.network();
        Precision p = model.precision();
        for (int l = 1; l <= network.layerCount(); l++) {
            if (!network.layer(l).trainable() || delta[l] == null) {
                continue;
            }
            model.kernel(l).sgdStep(model.weights[l], model.biases[l], delta[l], pass.inputs[l], learningRate,
                    biases, p, q);
        }
    }
}
