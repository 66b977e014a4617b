package org.neurotile.neuron.layers;

import java.util.OptionalInt;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.LayerShape;

/**
 * One layer of a network as its kind computes and costs it, bound to the layer's shape.
 *
 * <p>Arithmetic: the layer's weights are one array in the layout the kernel chooses, its biases
 * one per output unit. Every result is rounded to the precision {@code p} as the step's arithmetic
 * requires, and the order of operations is part of the contract: training histories are compared
 * bit for bit.
 *
 * <p>Costs: the layer is cut into slices of consecutive output units (in the mapping's order), each
 * kept whole on one tile with what it needs ({@link #slice}, {@link #parameterWordsPerUnit},
 * {@link #inputWordsPerSlice}).
 */
public interface LayerKernel {

    Layer layer();

    LayerShape shape();

    /** The sums the layer computes (one pre-activation each): its outputs, or a convolution's maps before the pool. */
    default int sumCount() {
        return shape().outputs();
    }

    /** The layer's biases: one per output unit, or per output channel of a convolution. */
    default int biasCount() {
        return shape().outputs();
    }

    /** The per-unit parameters as a model starts: biases zero by default. */
    default double[] initialBiases() {
        return new double[biasCount()];
    }

    /**
     * Whether the layer normalises its sums over a minibatch (batch normalisation): its training
     * forward pass and its deltas then take the whole minibatch at once ({@link #forwardTraining},
     * {@link #normaliseDeltas}).
     */
    default boolean normalises() {
        return false;
    }

    /**
     * The earlier layer (0: the network's input) whose output the layer also reads, by a residual
     * add; the {@code input} arrays handed to the kernel then hold that output after the layer's
     * own input. Empty for a layer that reads only the layer below.
     */
    default OptionalInt addedLayer() {
        return OptionalInt.empty();
    }

    /**
     * The delta at the layer's sums from the error at its outputs (W^T delta or B e of the layer
     * above): e * f'(a) rounded, in place of {@code error}, where each output is one sum.
     */
    default double[] delta(double[] error, double[] pre, Precision p, Quantization q) {
        for (int j = 0; j < error.length; j++) {
            error[j] = p.round(error[j] * p.round(layer().activation().derivative(pre[j])));
        }
        return error;
    }

    /** The error the output of {@link #addedLayer} receives from this layer's delta; only with a residual add. */
    default double[] backwardAdded(Weights weights, double[] delta, Precision p) {
        throw new UnsupportedOperationException(layer().kind() + " layers add no earlier layer");
    }

    /**
     * The forward pass: for each output unit a = p(sum + c) quantized to the activation format, and
     * h = a in the output layer, else f(a) rounded and quantized; {@code pre} holds the
     * {@link #sumCount} sums, {@code out} one value per output.
     */
    void forward(Weights weights, double[] biases, double[] input, double[] pre, double[] out, boolean outputLayer,
                 Precision p, Quantization q);

    /** {@link #forward} as a minibatch of one: for a kernel whose arithmetic is all in {@link #forwardBatch}. */
    default void forwardAsBatch(Weights weights, double[] biases, double[] input, double[] pre, double[] out,
                                boolean outputLayer, Precision p, Quantization q) {
        forwardBatch(weights, biases, new double[][] {input}, new double[][] {pre}, new double[][] {out}, 1,
                outputLayer, p, q, Workers.single());
    }

    /**
     * {@link #forward} for examples {@code m < count} of a minibatch, with the same bits; only for
     * a quantization whose rounding draws no noise, as the order of the values' rounding changes. A
     * kernel may share the products among {@code workers}, each sum computed whole by one of them.
     */
    default void forwardBatch(Weights weights, double[] biases, double[][] inputs, double[][] pre, double[][] out,
                              int count, boolean outputLayer, Precision p, Quantization q, Workers workers) {
        for (int m = 0; m < count; m++) {
            forward(weights, biases, inputs[m], pre[m], out[m], outputLayer, p, q);
        }
    }

    /**
     * {@link #forwardBatch} in a training step: a layer that {@link #normalises} uses the minibatch's
     * statistics and updates its running statistics; every other layer computes what forwardBatch does.
     */
    default void forwardTraining(Weights weights, double[] biases, double[][] inputs, double[][] pre, double[][] out,
                                 int count, boolean outputLayer, Precision p, Quantization q, Workers workers) {
        forwardBatch(weights, biases, inputs, pre, out, count, outputLayer, p, q, workers);
    }

    /**
     * Only for a layer that {@link #normalises}: turns the minibatch's {@link #delta}s (at the
     * normalised values) into the deltas at its sums, in place, and returns each example's gradients
     * of the per-unit parameters, which the minibatch adds to its bias gradients.
     */
    default double[][] normaliseDeltas(double[][] deltas, double[][] pre, int count, Precision p) {
        throw new UnsupportedOperationException(layer().kind() + " layers do not normalise");
    }

    /**
     * How much the value unit {@code unit}'s activation reads moves per move of its sum, with the
     * minibatch's statistics held fixed: 1 unless the layer {@link #normalises}.
     */
    default double sumGain(double[] pre, int unit) {
        return 1;
    }

    /** W x without biases, each unit's sum rounded (the forward product applied to a direction). */
    double[] product(Weights weights, double[] x, Precision p);

    /** W^T delta: the error each input receives from the sums it feeds, before f' of the layer below. */
    double[] backward(Weights weights, double[] delta, Precision p);

    /** {@link #backward} for examples {@code m < count} of a minibatch: {@code out[m]} is W^T delta[m]. */
    default void backwardBatch(Weights weights, double[][] delta, double[][] out, int count, Precision p,
                               Workers workers) {
        for (int m = 0; m < count; m++) {
            out[m] = backward(weights, delta[m], p);
        }
    }

    /**
     * SGD on one example: each weight w -= lr delta_i x_j, each bias (if {@code updateBiases})
     * c -= lr delta_i, every changed value quantized to the weight format.
     */
    void sgdStep(Weights weights, double[] biases, double[] delta, double[] input, double learningRate,
                 boolean updateBiases, Precision p, Quantization q);

    /** Adds one example's gradient to the sums {@code gradient} (per weight) and {@code biasGradient}. */
    void addGradient(double[] gradient, double[] biasGradient, double[] delta, double[] input, Precision p);

    /**
     * {@link #addGradient} for examples {@code m < count} in order, with the same bits; a kernel
     * may sum a weight's gradients in a block, as long as each weight's sum keeps the examples' order.
     */
    default void addGradients(double[] gradient, double[] biasGradient, double[][] delta, double[][] inputs, int count,
                              Precision p, Workers workers) {
        for (int m = 0; m < count; m++) {
            addGradient(gradient, biasGradient, delta[m], inputs[m], p);
        }
    }

    /**
     * {@link #addGradients} in float32 with float32 sums: by default through a float64 copy of the
     * sums, which holds the same float32 values and so gives the same bits.
     */
    default void addGradients(float[] gradient, double[] biasGradient, double[][] delta, double[][] inputs, int count,
                              Workers workers) {
        double[] sums = new double[gradient.length];
        for (int k = 0; k < sums.length; k++) {
            sums[k] = gradient[k];
        }
        addGradients(sums, biasGradient, delta, inputs, count, Precision.FLOAT32, workers);
        for (int k = 0; k < sums.length; k++) {
            gradient[k] = (float) sums[k];
        }
    }

    /** The most weights {@link #gradientRuns} hands over at once: the length of its scratch array. */
    int gradientRunLength();

    /**
     * One example's weight gradient, a run of weights at a time, each run followed by the gradient
     * of the bias that goes with it, in the order an optimizer must apply them.
     */
    void gradientRuns(double[] delta, double[] input, Precision p, double[] scratch, GradientSink sink);

    /** Receives the runs of {@link #gradientRuns}. */
    @FunctionalInterface
    interface GradientSink {
        /**
         * Weights {@code firstWeight .. firstWeight + length - 1} have gradients {@code gradient[0 .. length - 1]};
         * bias {@code bias} has gradient {@code biasGradient}, or the run has no bias if {@code bias} is negative.
         */
        void run(int firstWeight, double[] gradient, int length, int bias, double biasGradient);

        /**
         * A run of a float32 step whose gradients are the products d x[0..length-1] (a dense row), with bias
         * {@code bias} and bias gradient d: by default each product is formed in {@code scratch} and the run
         * handed to {@link #run}; a sink may form them itself where it uses them.
         */
        default void productRun(int firstWeight, float d, float[] x, int length, int bias, double[] scratch) {
            for (int j = 0; j < length; j++) {
                scratch[j] = d * x[j];
            }
            run(firstWeight, scratch, length, bias, d);
        }
    }

    /** What a slice of {@code units} consecutive output units holds and does per example. */
    SliceCost slice(long units);

    /** The whole layer as one slice: the layer's terms of the closed forms. */
    default SliceCost whole() {
        return slice(shape().outputs());
    }

    /** The words one output unit keeps of the layer's parameters: its weights and its bias. */
    long parameterWordsPerUnit();

    /** The input words a slice keeps once however many units it has. */
    long inputWordsPerSlice();

    /**
     * The partial sums {@code units} units of the layer below receive when {@code senders} slices
     * of this layer each send what their share of W^T delta adds to them.
     */
    long partialSumsReceived(long units, long senders);

    // ---- slices of layers that share weights -------------------------------------------------
    // A dense-like kernel answers these from the per-unit methods above; a convolution overrides them.

    /** Whether a slice's words and inputs depend on where it starts, not only on its units (weight sharing, windows). */
    default boolean sharesWeights() {
        return false;
    }

    /** Slices hold a multiple of this many units (a convolution: whole output rows of a block, or channels). */
    default long alignment(ConvCut cut) {
        return 1;
    }

    /**
     * What the slice of units {@code first .. first + count - 1} (in the order of {@code cut})
     * holds and does per example.
     */
    default SliceCost slice(long first, long count, ConvCut cut) {
        return slice(count);
    }

    /** The words that slice keeps in its tile. */
    default SliceWords words(long first, long count, ConvCut cut) {
        long parameters = count * parameterWordsPerUnit();
        return new SliceWords(count, parameters, parameters, inputWordsPerSlice(), count);
    }

    /**
     * The input values the slice reads, as ascending disjoint ranges {@code [start, end)} of the
     * layer's input in CHW order (the layer below counts its units in its own {@link ConvCut}
     * order: {@link ConvCut#stored}), flattened: {start0, end0, start1, end1, ...}. By default all of them.
     */
    default long[] inputRanges(long first, long count, ConvCut cut) {
        return new long[] {0, shape().inputs()};
    }

    /** The earlier layer (0: the network's input) whose output a residual add brings, or -1 without one. */
    default int addedFrom() {
        return -1;
    }

    /** The values of that layer's output the slice adds, as {@link #inputRanges} gives ranges; none by default. */
    default long[] addedRanges(long first, long count, ConvCut cut) {
        return new long[0];
    }
}
