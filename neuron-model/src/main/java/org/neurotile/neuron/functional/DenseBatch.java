package org.neurotile.neuron.functional;

import java.util.Optional;
import org.neurotile.neuron.math.FloatActivations;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Products;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

/**
 * A minibatch of a float32 dense network, unquantized, as float32 matrices, one per layer for the
 * whole block and stored by unit (the block's values of unit i at i count, as {@link Products}
 * takes them): x, a_l, h_l, e and delta_l from the forward pass through
 * the rule's deltas to the gradient sums, with the bits of {@link ForwardPass#runBatch},
 * {@link LearningStep}'s minibatch deltas and {@link BatchGradient#add} for each example. No array
 * is made per example or converted for a product: the per-example path's float64 arrays cost more
 * than the products at batch 32. Every other network (conv layers, residual adds, batch
 * normalisation, fixed-point numbers, float64) keeps the per-example API.
 */
public final class DenseBatch {
    private final Model model;
    private final Workers workers;
    private final int layers;
    private final int[] width;      // n_l, width[0] the input's
    private final float[][] sums;   // a_l, n_l x count; the output layer's are the logits
    private final float[][] outputs; // h_l, n_l x count; outputs[0] = x
    private final float[][] deltas; // delta_l, n_l x count; the output layer's is e
    private final boolean[] present; // whether layer l has a delta in this block
    private final double[] loss;
    private final int[] predicted;
    private final double[] logits;  // one example's a_L in float64, for the softmax
    private final double[] exps;    // exp(a_L - max) of one example
    private final float[][] biases; // c_l as floats, for the sums
    private int count;

    private DenseBatch(Model model, Workers workers, int capacity) {
        this.model = model;
        this.workers = workers;
        NetworkSpec network = model.network();
        this.layers = network.layerCount();
        this.width = new int[layers + 1];
        width[0] = network.inputSize();
        sums = new float[layers + 1][];
        outputs = new float[layers + 1][];
        deltas = new float[layers + 1][];
        present = new boolean[layers + 1];
        outputs[0] = new float[capacity * width[0]];
        for (int l = 1; l <= layers; l++) {
            width[l] = network.neurons(l);
            sums[l] = new float[capacity * width[l]];
            outputs[l] = l == layers ? sums[l] : new float[capacity * width[l]];
            deltas[l] = new float[capacity * width[l]];
        }
        loss = new double[capacity];
        predicted = new int[capacity];
        logits = new double[width[layers]];
        exps = new double[width[layers]];
        biases = new float[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            biases[l] = new float[width[l]];
        }
    }

    /**
     * Whether the model's minibatches can go through this path: float32, every layer dense (no
     * residual add or normalisation), and no number format that quantizes activations or errors.
     */
    public static boolean supports(Model model, Quantization q) {
        return supports(model.network(), model.precision(), q.formats());
    }

    /** {@link #supports(Model, Quantization)} before the model is made: every layer dense and not normalised. */
    public static boolean supports(NetworkSpec network, Precision precision, NumberFormats formats) {
        return precision == Precision.FLOAT32 && !formats.activations().quantizes() && !formats.errors().quantizes()
                && network.layers().stream().allMatch(layer -> layer instanceof Dense dense && !dense.normalised());
    }

    /** A batch of at most {@code capacity} examples of a model that {@link #supports} it. */
    public static DenseBatch of(Model model, Workers workers, int capacity) {
        return new DenseBatch(model, workers, capacity);
    }

    /** The block's inputs, n_0 x count stored by unit, to be filled before {@link #forward}. */
    public float[] inputs() {
        return outputs[0];
    }

    /**
     * The forward pass of the first {@code count} examples of {@link #inputs}, labelled
     * {@code labels}: a_l = W_l h_{l-1} + c_l rounded, h_l = f(a_l) rounded, then softmax and
     * cross-entropy, e = softmax(a_L) - onehot(label), as {@link ForwardPass} computes them.
     */
    public void forward(int[] labels, int count) {
        this.count = count;
        Products products = workers.products();
        for (int l = 1; l <= layers; l++) {
            int rows = width[l];
            int columns = width[l - 1];
            Weights w = model.weights[l];
            float[] below = outputs[l - 1];
            float[] a = sums[l];
            workers.split(rows, (long) columns * count,
                    (from, to) -> products.dots(w, columns, rows, from, to, below, count, a));
            activate(l, count);
        }
        for (int m = 0; m < count; m++) {
            finish(m, labels[m]);
        }
    }

    /**
     * a = p(a + c); h = p(f(a)) but at the output, where h = a. With float32 biases (as every
     * float32 step keeps them) and relu or the identity, in float arithmetic, which gives the same
     * bits (a float32 sum rounded twice is rounded once: {@link Precision}) in a loop the JIT
     * vectorises; else through the float64 activation.
     */
    private void activate(int l, int count) {
        int rows = width[l];
        float[] a = sums[l];
        float[] h = outputs[l];
        boolean output = l == layers;
        Activation f = model.kernel(l).layer().activation();
        float[] c = floatBiases(l);
        if (c != null && (output || f == Activation.RELU || f == Activation.IDENTITY)) {
            if (!output && f == Activation.RELU) {
                FloatActivations.addBiasRelu(a, h, c, rows, count);
                return;
            }
            for (int i = 0; i < rows; i++) {
                addBias(a, i * count, c[i], count);
            }
            if (!output) {
                System.arraycopy(a, 0, h, 0, rows * count);
            }
            return;
        }
        double[] biases = model.biases[l];
        for (int i = 0; i < rows; i++) {
            int base = i * count;
            for (int m = 0; m < count; m++) {
                double sum = (float) (a[base + m] + biases[i]);
                a[base + m] = (float) sum;
                if (!output) {
                    h[base + m] = (float) f.apply(sum);
                }
            }
        }
    }

    /** a[base + m] += c for m below n. */
    private static void addBias(float[] a, int base, float c, int n) {
        for (int m = base; m < base + n; m++) {
            a[m] += c;
        }
    }

    /** Layer l's biases as floats where each is a float32 value, else null. */
    private float[] floatBiases(int l) {
        double[] biases = model.biases[l];
        float[] c = this.biases[l];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) biases[i];
            if (c[i] != biases[i]) {
                return null;
            }
        }
        return c;
    }

    /** Softmax and cross-entropy of example m, as {@link ForwardPass}'s finish: e into the output's deltas. */
    private void finish(int m, int label) {
        int n = width[layers];
        float[] a = sums[layers];
        float[] e = deltas[layers];
        int count = this.count;
        double max = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int i = 0; i < n; i++) {
            logits[i] = a[i * count + m];
            max = Math.max(max, logits[i]);
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            exps[i] = Math.exp(logits[i] - max);
            total += exps[i];
        }
        for (int i = 0; i < n; i++) {
            e[i * count + m] = (float) (exps[i] / total - (i == label ? 1 : 0));
        }
        loss[m] = -(logits[label] - max - Math.log(total));
        predicted[m] = best;
    }

    /**
     * The deltas of the block: through {@code feedback} where present (B_l g for a layer with a
     * source, bp's for a layer whose source is {@link Feedback#BACKPROP}, none for a layer without),
     * else bp's, each layer from the output down, as {@link LearningStep}'s minibatch deltas.
     */
    public void deltas(Optional<Feedback> feedback) {
        present[layers] = true;
        for (int l = layers - 1; l >= 1; l--) {
            int source = feedback.isPresent() ? feedback.get().source[l] : Feedback.BACKPROP;
            present[l] = source != 0;
            if (source == Feedback.BACKPROP) {
                backward(l);
            } else if (source != 0) {
                fedBack(feedback.get(), l, source);
            }
        }
    }

    /** The error at layer l's outputs, delta_{l+1} W_{l+1}, then times f'(a_l). */
    private void backward(int l) {
        int rows = width[l + 1];
        int columns = width[l];
        int count = this.count;
        Weights w = model.weights[l + 1];
        float[] above = deltas[l + 1];
        float[] out = deltas[l];
        Products products = workers.products();
        workers.split(columns, (long) rows * count,
                (from, to) -> products.transposedProducts(w, rows, columns, from, to, above, count, out));
        derivative(l);
    }

    /** B_l g for the block, g the delta of layer {@code source}, then times f'(a_l). */
    private void fedBack(Feedback feedback, int l, int source) {
        if (feedback.convolutions[l] != null) {
            throw new IllegalStateException("layer " + l + " is fed back through a convolution: not a dense batch");
        }
        int rows = width[l];
        int columns = width[source];
        int count = this.count;
        Weights b = feedback.float32(l);
        float[] g = deltas[source];
        float[] out = deltas[l];
        Products products = workers.products();
        workers.split(rows, (long) columns * count,
                (from, to) -> products.dots(b, columns, rows, from, to, g, count, out));
        derivative(l);
    }

    /** delta = p(error p(f'(a))), in place: for relu, error times 1 or 0 in float arithmetic, the same bits. */
    private void derivative(int l) {
        Activation f = model.kernel(l).layer().activation();
        float[] a = sums[l];
        float[] d = deltas[l];
        int n = count * width[l];
        if (f == Activation.RELU) {
            FloatActivations.timesReluDerivative(d, a, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            d[k] = (float) (d[k] * (double) (float) f.derivative((double) a[k]));
        }
    }

    int count() {
        return count;
    }

    int width(int layer) {
        return width[layer];
    }

    boolean present(int layer) {
        return present[layer];
    }

    float[] delta(int layer) {
        return deltas[layer];
    }

    float[] input(int layer) {
        return outputs[layer - 1];
    }

    /** Example m's loss, -log softmax(a_L)_label. */
    public double loss(int m) {
        return loss[m];
    }

    /** The class example m's network predicts: the largest output (the first of equals). */
    public int predicted(int m) {
        return predicted[m];
    }

    /**
     * Whether every example's loss and every delta of the block are finite: one pass over each
     * matrix, where the examples' own checks read each example's values a unit apart.
     */
    public boolean finite() {
        for (int m = 0; m < count; m++) {
            if (!Double.isFinite(loss[m])) {
                return false;
            }
        }
        for (int l = 1; l <= layers; l++) {
            if (present[l]) {
                float[] d = deltas[l];
                for (int k = 0, n = count * width[l]; k < n; k++) {
                    if (!Float.isFinite(d[k])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The first layer whose sums of example m hold a NaN or an infinity, or -1 if none does. */
    public int firstNonFiniteLayer(int m) {
        for (int l = 1; l <= layers; l++) {
            for (int i = 0; i < width[l]; i++) {
                if (!Float.isFinite(sums[l][i * count + m])) {
                    return l;
                }
            }
        }
        return -1;
    }

    /** The highest layer whose delta of example m holds a NaN or an infinity, with the value, or null. */
    public double[] firstNonFiniteDelta(int m) {
        for (int l = layers; l >= 1; l--) {
            if (!present[l]) {
                continue;
            }
            for (int i = 0; i < width[l]; i++) {
                float value = deltas[l][i * count + m];
                if (!Float.isFinite(value)) {
                    return new double[] {l, value};
                }
            }
        }
        return null;
    }
}
