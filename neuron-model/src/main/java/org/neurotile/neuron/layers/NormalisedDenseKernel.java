package org.neurotile.neuron.layers;

import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.LayerShape;

/**
 * A fully connected layer with batch normalisation before its activation, as PyTorch's
 * {@code BatchNorm1d} after a {@code Linear}: s = W x (no bias: the mean removes it), then per unit
 * x^ = (s - mu) / sqrt(var + eps), y = scale x^ + shift, h = f(y). In training mu and var are the
 * minibatch's (var biased, divided by B), and the running statistics move towards them by
 * {@link #MOMENTUM} (the running variance towards the unbiased var B / (B - 1)); at test time the
 * running statistics take their place. Every operation is rounded to the precision, sums in the
 * examples' order.
 *
 * <p>Per unit the layer keeps, in its bias array ({@link #biasCount}): shift, scale, running mean,
 * running variance, each a block of n values in that order. Shift and scale are trained like biases;
 * the running statistics have no gradient, so an optimizer leaves them as they are.
 *
 * <p>An example's pre-activations ({@link #sumCount}) are three blocks of n: y, x^, and the gain
 * scale / sqrt(var + eps) of the statistics that normalised it (the derivative of y by s with the
 * statistics held fixed). The delta at the sums couples the examples of a minibatch
 * ({@link #normaliseDeltas}). The chip's cost model has no batch normalisation: the costing methods
 * refuse the layer.
 */
public final class NormalisedDenseKernel implements LayerKernel {
    /** Added to the variance before its square root (PyTorch's default). */
    public static final double EPSILON = 1e-5;
    /** How far the running statistics move towards a minibatch's (PyTorch's default). */
    public static final double MOMENTUM = 0.1;

    private final Dense layer;
    private final LayerShape shape;
    private final DenseKernel dense;
    private final int n;

    public NormalisedDenseKernel(Dense layer, LayerShape shape) {
        if (!layer.normalised()) {
            throw new IllegalArgumentException(layer + " has no batch normalisation");
        }
        this.layer = layer;
        this.shape = shape;
        this.dense = new DenseKernel(layer, shape);
        this.n = shape.outputs();
    }

    @Override
    public Dense layer() {
        return layer;
    }

    @Override
    public LayerShape shape() {
        return shape;
    }

    /** y, x^ and the gain per unit. */
    @Override
    public int sumCount() {
        return 3 * n;
    }

    /** Shift, scale, running mean and running variance per unit. */
    @Override
    public int biasCount() {
        return 4 * n;
    }

    /** Shift 0, scale 1, running mean 0, running variance 1. */
    @Override
    public double[] initialBiases() {
        double[] values = new double[4 * n];
        java.util.Arrays.fill(values, n, 2 * n, 1.0);
        java.util.Arrays.fill(values, 3 * n, 4 * n, 1.0);
        return values;
    }

    @Override
    public boolean normalises() {
        return true;
    }

    /** With the running statistics (a test-time pass). */
    @Override
    public void forward(Weights weights, double[] biases, double[] input, double[] pre, double[] out,
                        boolean outputLayer, Precision p, Quantization q) {
        forwardAsBatch(weights, biases, input, pre, out, outputLayer, p, q);
    }

    /** With the running statistics (a test-time pass). */
    @Override
    public void forwardBatch(Weights weights, double[] biases, double[][] inputs, double[][] pre, double[][] out,
                             int count, boolean outputLayer, Precision p, Quantization q, Workers workers) {
        sums(weights, inputs, pre, count, workers);
        double[] mean = new double[n];
        double[] inverseStd = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = biases[2 * n + i];
            inverseStd[i] = inverseStd(biases[3 * n + i], p);
        }
        normalise(biases, mean, inverseStd, pre, out, count, p, q);
    }

    /** With the minibatch's statistics, which the running statistics then move towards. */
    @Override
    public void forwardTraining(Weights weights, double[] biases, double[][] inputs, double[][] pre, double[][] out,
                                int count, boolean outputLayer, Precision p, Quantization q, Workers workers) {
        sums(weights, inputs, pre, count, workers);
        double size = count;
        double[] mean = new double[n];
        double[] inverseStd = new double[n];
        double keep = p.round(1 - MOMENTUM);
        double move = p.round(MOMENTUM);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int m = 0; m < count; m++) {
                sum = p.round(sum + pre[m][i]);
            }
            mean[i] = p.round(sum / size);
            double squares = 0;
            for (int m = 0; m < count; m++) {
                double centred = p.round(pre[m][i] - mean[i]);
                squares = p.round(squares + p.round(centred * centred));
            }
            double variance = p.round(squares / size);
            inverseStd[i] = inverseStd(variance, p);
            biases[2 * n + i] = p.round(p.round(keep * biases[2 * n + i]) + p.round(move * mean[i]));
            if (count > 1) { // one example has no unbiased variance: the running variance stays
                double unbiased = p.round(squares / (size - 1));
                biases[3 * n + i] = p.round(p.round(keep * biases[3 * n + i]) + p.round(move * unbiased));
            }
        }
        normalise(biases, mean, inverseStd, pre, out, count, p, q);
    }

    /** s = W x of every example into the first block of its pre-activations. */
    private void sums(Weights weights, double[][] inputs, double[][] pre, int count, Workers workers) {
        int columns = shape.inputs();
        workers.split(n, (long) columns * count,
                (from, to) -> workers.products().dots(weights, columns, from, to, inputs, count, pre));
    }

    private static double inverseStd(double variance, Precision p) {
        return p.round(1 / p.round(Math.sqrt(p.round(variance + EPSILON))));
    }

    private void normalise(double[] biases, double[] mean, double[] inverseStd, double[][] pre, double[][] out,
                           int count, Precision p, Quantization q) {
        for (int i = 0; i < n; i++) {
            double shift = biases[i];
            double scale = biases[n + i];
            double gain = p.round(scale * inverseStd[i]);
            for (int m = 0; m < count; m++) {
                double[] a = pre[m];
                double normalised = p.round(p.round(a[i] - mean[i]) * inverseStd[i]);
                double y = p.round(p.round(scale * normalised) + shift);
                a[i] = q.activation(y);
                a[n + i] = normalised;
                a[2 * n + i] = gain;
                out[m][i] = q.activation(p.round(layer.activation().apply(y)));
            }
        }
    }

    /**
     * The deltas at the sums of examples {@code m < count}, from g = e * f'(y) (in place): with
     * G = sum g and X = sum g x^ over the batch, delta = gain / B (B g - G - x^ X), each operation
     * rounded. Returns each example's gradients of shift and scale, {g | g x^} (2n values), which a
     * minibatch sums as it sums bias gradients.
     */
    @Override
    public double[][] normaliseDeltas(double[][] g, double[][] pre, int count, Precision p) {
        double[][] unitGradients = new double[count][2 * n];
        double size = count;
        double share = p.round(1 / size);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double alongNormalised = 0;
            for (int m = 0; m < count; m++) {
                double product = p.round(g[m][i] * pre[m][n + i]);
                unitGradients[m][i] = g[m][i];
                unitGradients[m][n + i] = product;
                sum = p.round(sum + g[m][i]);
                alongNormalised = p.round(alongNormalised + product);
            }
            for (int m = 0; m < count; m++) {
                double[] a = pre[m];
                double centred = p.round(p.round(p.round(size * g[m][i]) - sum)
                        - p.round(a[n + i] * alongNormalised));
                g[m][i] = p.round(p.round(a[2 * n + i] * share) * centred);
            }
        }
        return unitGradients;
    }

    /** The gain: y moves by gain times a move of s, the statistics held fixed. */
    @Override
    public double sumGain(double[] pre, int unit) {
        return pre[2 * n + unit];
    }

    @Override
    public double[] product(Weights weights, double[] x, Precision p) {
        return dense.product(weights, x, p);
    }

    @Override
    public double[] backward(Weights weights, double[] delta, Precision p) {
        return dense.backward(weights, delta, p);
    }

    @Override
    public void backwardBatch(Weights weights, double[][] delta, double[][] out, int count, Precision p,
                              Workers workers) {
        dense.backwardBatch(weights, delta, out, count, p, workers);
    }

    /** The weights' sums only: shift and scale take their gradients from {@link #normaliseDeltas}. */
    @Override
    public void addGradients(double[] gradient, double[] biasGradient, double[][] delta, double[][] inputs, int count,
                             Precision p, Workers workers) {
        dense.addGradients(gradient, new double[n], delta, inputs, count, p, workers);
    }

    /** The weights' sums only, as the float64 version. */
    @Override
    public void addGradients(float[] gradient, double[] biasGradient, double[][] delta, double[][] inputs, int count,
                             Workers workers) {
        dense.addGradients(gradient, new double[n], delta, inputs, count, workers);
    }

    @Override
    public void sgdStep(Weights weights, double[] biases, double[] delta, double[] input, double learningRate,
                        boolean updateBiases, Precision p, Quantization q) {
        throw perExample();
    }

    @Override
    public void addGradient(double[] gradient, double[] biasGradient, double[] delta, double[] input, Precision p) {
        throw perExample();
    }

    @Override
    public int gradientRunLength() {
        return dense.gradientRunLength();
    }

    @Override
    public void gradientRuns(double[] delta, double[] input, Precision p, double[] scratch, GradientSink sink) {
        throw perExample();
    }

    private IllegalStateException perExample() {
        return new IllegalStateException("a batch-normalised layer learns from minibatches, not example by example");
    }

    @Override
    public SliceCost slice(long units) {
        throw notCosted();
    }

    @Override
    public long parameterWordsPerUnit() {
        throw notCosted();
    }

    @Override
    public long inputWordsPerSlice() {
        throw notCosted();
    }

    @Override
    public long partialSumsReceived(long units, long senders) {
        throw notCosted();
    }

    private static InvalidInputException notCosted() {
        return new InvalidInputException("batch normalisation (normalise: batch) has no cost model on the chip:"
                + " `neurotile train` trains such a network; run, compare, sweep and validate take networks without it");
    }
}
