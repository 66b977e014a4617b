package org.neurotile.neuron.layers;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.LayerShape;
import org.neurotile.workloads.TensorShape;

/**
 * A convolution layer (with its activation, pool and residual add, {@link Conv2d}). Weights: the
 * kernels OIHW (C_out x C_in/groups x k x k), then the residual projection's C_from x C_out
 * weights if it has one; one bias per output channel.
 *
 * <p>{@code added} is the shape of the output the residual add brings, empty without one. A value
 * like a record's (equal by layer, shape and added), which also keeps the scratch arrays of its
 * float32 products ({@link ConvBatch}) from one step to the next.
 */
public final class ConvKernel implements LayerKernel {
    private final Conv2d layer;
    private final LayerShape shape;
    private final Optional<TensorShape> added;
    private volatile ConvBatch batch; // made on the first product: a count-mode run never needs it

    public ConvKernel(Conv2d layer, LayerShape shape, Optional<TensorShape> added) {
        if (!layer.shape(shape.input(), added).equals(shape)) {
            throw new IllegalArgumentException("shape " + shape + " is not the shape of " + layer);
        }
        this.layer = layer;
        this.shape = shape;
        this.added = added;
    }

    private ConvBatch batch() {
        ConvBatch made = batch;
        if (made == null) {
            synchronized (this) {
                made = batch;
                if (made == null) {
                    made = new ConvBatch(ConvGeometry.of(layer, shape.input()));
                    batch = made;
                }
            }
        }
        return made;
    }

    public Conv2d layer() {
        return layer;
    }

    @Override
    public LayerShape shape() {
        return shape;
    }

    public Optional<TensorShape> added() {
        return added;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConvKernel kernel && layer.equals(kernel.layer) && shape.equals(kernel.shape)
                && added.equals(kernel.added);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layer, shape, added);
    }

    @Override
    public String toString() {
        return "ConvKernel[layer=" + layer + ", shape=" + shape + ", added=" + added + "]";
    }

    /** The convolution's sums (before the pool): C_out x H_out x W_out. */
    public TensorShape sums() {
        return layer.sums(shape.input());
    }

    // ---- arithmetic -------------------------------------------------------------------------
    //
    // Sums: for each output value, the kernel row of its channel (OIHW) times the patch of its
    // position (ConvGeometry), taps in OIHW order summed in eight lanes as a dense row; then + bias,
    // rounded; then + the residual add (ResidualAdd), rounded. a = the sum quantized, the activated
    // value f(a) rounded and quantized, then the pool (PoolArithmetic). Threads share the output
    // channels, each sum computed whole by one thread, so results do not depend on their number.

    /** One sum per output channel and position: C_out H_out W_out (before the pool). */
    @Override
    public int sumCount() {
        return sums().size();
    }

    /** One bias per output channel. */
    @Override
    public int biasCount() {
        return layer.channels();
    }

    /** The layer whose output the residual add brings: {@code input} arrays hold it after the layer's input. */
    @Override
    public OptionalInt addedLayer() {
        return added.isPresent() ? layer.add() : OptionalInt.empty();
    }

    @Override
    public void forward(Weights weights, double[] biases, double[] input, double[] pre, double[] out,
                        boolean outputLayer, Precision p, Quantization q) {
        forwardAsBatch(weights, biases, input, pre, out, outputLayer, p, q);
    }

    /** Example by example; each example's output channels shared among {@code workers}. */
    @Override
    public void forwardBatch(Weights weights, double[] biases, double[][] inputs, double[][] pre, double[][] out,
                             int count, boolean outputLayer, Precision p, Quantization q, Workers workers) {
        ConvGeometry geometry = geometry();
        int positions = geometry.positions();
        boolean single = weights instanceof Weights.Single && p == Precision.FLOAT32;
        if (single) { // the bits of the loops, faster
            batch().sums(((Weights.Single) weights).w(), inputs, pre, count, workers);
        }
        for (int m = 0; m < count; m++) {
            double[] a = pre[m];
            if (!single) {
                ConvLoops.sums(weights, inputs[m], a, geometry, p, workers);
            }
            for (int o = 0; o < layer.channels(); o++) {
                for (int pos = 0; pos < positions; pos++) {
                    a[o * positions + pos] = p.round(a[o * positions + pos] + biases[o]);
                }
            }
            Optional<ResidualAdd> residual = residual();
            if (residual.isPresent()) {
                residual.get().forward(weights, Arrays.copyOfRange(inputs[m], shape.inputs(), inputs[m].length), a, p);
            }
            for (int i = 0; i < a.length; i++) {
                a[i] = q.activation(a[i]);
            }
            double[] h = activated(a, outputLayer, p, q);
            if (layer.pool().isPresent()) {
                pool().forward(h, out[m], p);
            } else {
                System.arraycopy(h, 0, out[m], 0, h.length);
            }
        }
    }

    /** The activated values f(a) of the stored sums, rounded and quantized (a itself at the output). */
    private double[] activated(double[] a, boolean outputLayer, Precision p, Quantization q) {
        double[] h = new double[a.length];
        Activation f = layer.activation();
        for (int i = 0; i < a.length; i++) {
            h[i] = outputLayer ? a[i] : q.activation(p.round(Relu.apply(f, a[i])));
        }
        return h;
    }


    /** The convolution of {@code x} without biases or residual add: one rounded sum per output channel and position. */
    @Override
    public double[] product(Weights weights, double[] x, Precision p) {
        double[] result = new double[sumCount()];
        ConvLoops.sums(weights, x, result, geometry(), p, Workers.single());
        return result;
    }

    /** The delta at the sums: the error routed back through the pool, then times f'(a). */
    @Override
    public double[] delta(double[] error, double[] pre, Precision p, Quantization q) {
        double[] g = layer.pool().isPresent() ? pool().backward(error, activated(pre, false, p, q), p) : error;
        Activation f = layer.activation();
        for (int j = 0; j < g.length; j++) {
            g[j] = p.round(g[j] * p.round(Relu.derivative(f, pre[j])));
        }
        return g;
    }

    /**
     * The error of each input value: per group, for each position and tap the sum over the group's
     * output channels in order of delta times weight (as a dense layer's W^T delta), then added to
     * the input value the tap read, position by position (col2im).
     */
    @Override
    public double[] backward(Weights weights, double[] delta, Precision p) {
        double[][] out = new double[1][];
        backwardBatch(weights, new double[][] {delta}, out, 1, p, Workers.single());
        return out[0];
    }

    /** Example by example, each example's taps shared among {@code workers}. */
    @Override
    public void backwardBatch(Weights weights, double[][] delta, double[][] out, int count, Precision p,
                              Workers workers) {
        if (weights instanceof Weights.Single single && p == Precision.FLOAT32) { // the bits of the loops, faster
            batch().errors(single.w(), delta, out, count, workers);
        } else {
            ConvLoops.errors(weights, delta, out, count, geometry(), p, workers);
        }
    }

    /** The error the residual add's source receives: delta itself, or the projection's P^T delta. */
    @Override
    public double[] backwardAdded(Weights weights, double[] delta, Precision p) {
        return residual().orElseThrow(() -> new IllegalStateException(layer.describe() + " adds no earlier layer"))
                .backward(weights, delta, p);
    }

    /** The gradient of one example, then w -= lr g and c -= lr gb as a minibatch step of SGD applies them. */
    @Override
    public void sgdStep(Weights weights, double[] biases, double[] delta, double[] input, double learningRate,
                        boolean updateBiases, Precision p, Quantization q) {
        double[] g = new double[weights.length()];
        double[] gb = new double[biases.length];
        addGradient(g, gb, delta, input, p);
        double rate = p.round(learningRate);
        if (q.weightsQuantized()) {
            weights.subtractScaled(0, rate, g, g.length, q);
        } else {
            weights.subtractScaled(0, rate, g, g.length);
        }
        if (updateBiases) {
            for (int i = 0; i < biases.length; i++) {
                biases[i] = q.weight(p.round(biases[i] - p.round(rate * gb[i])));
            }
        }
    }

    @Override
    public void addGradient(double[] gradient, double[] biasGradient, double[] delta, double[] input, Precision p) {
        addGradients(gradient, biasGradient, new double[][] {delta}, new double[][] {input}, 1, p, Workers.single());
    }

    /**
     * The weight gradient as a correlation: g[o][tap] += delta[o][pos] patch[pos][tap] and
     * gb[o] += delta[o][pos], positions in order within each example, examples in order; each
     * product and sum rounded. Threads share the output channels.
     */
    @Override
    public void addGradients(double[] gradient, double[] biasGradient, double[][] delta, double[][] inputs, int count,
                             Precision p, Workers workers) {
        if (p == Precision.FLOAT32) { // the bits of the loops, faster
            batch().addGradients(gradient, biasGradient, delta, inputs, count, workers);
        } else {
            ConvLoops.addGradients(gradient, biasGradient, delta, inputs, count, geometry(), p, workers);
        }
        Optional<ResidualAdd> residual = residual();
        for (int m = 0; residual.isPresent() && m < count; m++) { // the projection's weights, after the kernels
            double[] values = Arrays.copyOfRange(inputs[m], shape.inputs(), inputs[m].length);
            residual.get().addGradient(gradient, delta[m], values, p);
        }
    }

    /** An output channel's kernel, or a row of the projection. */
    @Override
    public int gradientRunLength() {
        return Math.max(geometry().taps(), added.map(TensorShape::channels).orElse(0));
    }

    /** Channel by channel: its kernel with its bias; then the projection's rows, with no bias (-1). */
    @Override
    public void gradientRuns(double[] delta, double[] input, Precision p, double[] scratch, GradientSink sink) {
        double[] g = new double[(int) shape.weights()];
        double[] gb = new double[layer.channels()];
        addGradient(g, gb, delta, input, p);
        int taps = geometry().taps();
        for (int o = 0; o < layer.channels(); o++) {
            System.arraycopy(g, o * taps, scratch, 0, taps);
            sink.run(o * taps, scratch, taps, o, gb[o]);
        }
        Optional<ResidualAdd> residual = residual();
        if (residual.isPresent() && residual.get().projected()) {
            int from = added.get().channels();
            for (int o = 0; o < layer.channels(); o++) {
                int first = residual.get().offset() + o * from;
                System.arraycopy(g, first, scratch, 0, from);
                sink.run(first, scratch, from, -1, 0);
            }
        }
    }

    /** The residual projection's weights, after the kernels: C_from C_out, or 0. */
    public int projectionWeights() {
        return residual().map(ResidualAdd::weights).orElse(0);
    }

    private ConvGeometry geometry() {
        return ConvGeometry.of(layer, shape.input());
    }

    private PoolArithmetic pool() {
        return PoolArithmetic.of(layer.pool().orElseThrow(), sums());
    }

    private Optional<ResidualAdd> residual() {
        return added.map(from -> ResidualAdd.of(from, sums(), layer.channels() * (int) layer.kernelWeights(shape.input())));
    }

    // ---- costs ------------------------------------------------------------------------------
    // The geometry is ConvSlices'; a slice is cut on output rows of a block or channels (ConvCut).

    /** The slice of the first {@code units} units, cut as the default mapping cuts them. */
    @Override
    public SliceCost slice(long units) {
        return slice(0, units, ConvCut.of(WeightSharing.DEFAULT));
    }

    /** A convolution's words depend on where a slice starts: see {@link #words}. */
    @Override
    public long parameterWordsPerUnit() {
        throw new UnsupportedOperationException("a convolution's parameter words depend on the slice: use words()");
    }

    /** At most the whole input: what a slice reads is {@link #inputRanges}. */
    @Override
    public long inputWordsPerSlice() {
        return shape.inputs();
    }

    /** A convolution's partial sums go only to the units its windows read: see {@link #inputRanges}. */
    @Override
    public long partialSumsReceived(long units, long senders) {
        throw new UnsupportedOperationException("a convolution sends partial sums by its input ranges");
    }

    @Override
    public boolean sharesWeights() {
        return true;
    }

    @Override
    public long alignment(ConvCut cut) {
        return slices(cut).alignment(cut.sharing());
    }

    @Override
    public SliceCost slice(long first, long count, ConvCut cut) {
        return slices(cut).slice(first, count);
    }

    @Override
    public SliceWords words(long first, long count, ConvCut cut) {
        return slices(cut).words(first, count, cut.sharing());
    }

    @Override
    public long[] inputRanges(long first, long count, ConvCut cut) {
        return slices(cut).inputRanges(first, count);
    }

    @Override
    public int addedFrom() {
        return layer.add().orElse(-1);
    }

    @Override
    public long[] addedRanges(long first, long count, ConvCut cut) {
        return slices(cut).addedRanges(first, count);
    }

    /** The weights and bias of one output channel (its kernel, its share of the projection, its bias). */
    public long channelParameterWords() {
        return slices(ConvCut.of(WeightSharing.DEFAULT)).channelWeights() + 1;
    }

    /**
     * The block of G channels (one channel under copies) whose kernels the slice starting at unit
     * {@code first} copies from an earlier slice, or -1 (never under single: a slice is whole channels).
     */
    public int sharedBlock(long first, ConvCut cut) {
        return cut.sharing() == WeightSharing.SINGLE ? -1 : slices(cut).sharedBlock(first);
    }

    /** The first unit of block {@code block}: its kernels' owner is the slice that holds it. */
    public long blockStart(int block, ConvCut cut) {
        return slices(cut).blockStart(block);
    }

    private ConvSlices slices(ConvCut cut) {
        return new ConvSlices(layer, shape, added, cut.blockChannels());
    }
}
