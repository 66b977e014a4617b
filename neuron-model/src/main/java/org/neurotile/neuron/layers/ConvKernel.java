package org.neurotile.neuron.layers;

import java.util.Optional;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.LayerShape;
import org.neurotile.workloads.TensorShape;

/**
 * A convolution layer (with its activation, pool and residual add, {@link Conv2d}). Weights: the
 * kernels OIHW (C_out x C_in/groups x k x k), then the residual projection's C_from x C_out
 * weights if it has one; one bias per output channel.
 *
 * <p>{@code added} is the shape of the output the residual add brings, empty without one.
 */
public record ConvKernel(Conv2d layer, LayerShape shape, Optional<TensorShape> added) implements LayerKernel {

    public ConvKernel {
        if (!layer.shape(shape.input(), added).equals(shape)) {
            throw new IllegalArgumentException("shape " + shape + " is not the shape of " + layer);
        }
    }

    /** The convolution's sums (before the pool): C_out x H_out x W_out. */
    public TensorShape sums() {
        return layer.sums(shape.input());
    }

    // ---- arithmetic -------------------------------------------------------------------------

    @Override
    public void forward(Weights weights, double[] biases, double[] input, double[] pre, double[] out,
                        boolean outputLayer, Precision p, Quantization q) {
        throw unsupported();
    }

    @Override
    public double[] product(Weights weights, double[] x, Precision p) {
        throw unsupported();
    }

    @Override
    public double[] backward(Weights weights, double[] delta, Precision p) {
        throw unsupported();
    }

    @Override
    public void sgdStep(Weights weights, double[] biases, double[] delta, double[] input, double learningRate,
                        boolean updateBiases, Precision p, Quantization q) {
        throw unsupported();
    }

    @Override
    public void addGradient(double[] gradient, double[] biasGradient, double[] delta, double[] input, Precision p) {
        throw unsupported();
    }

    @Override
    public int gradientRunLength() {
        throw unsupported();
    }

    @Override
    public void gradientRuns(double[] delta, double[] input, Precision p, double[] scratch, GradientSink sink) {
        throw unsupported();
    }

    // ---- costs ------------------------------------------------------------------------------
    // The geometry is ConvSlices'; a slice is cut on output rows or channels (WeightSharing).

    /** The slice of the first {@code units} units, cut as the default mapping cuts them. */
    @Override
    public SliceCost slice(long units) {
        return slice(0, units, WeightSharing.DEFAULT);
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
    public long alignment(WeightSharing sharing) {
        return slices().alignment(sharing);
    }

    @Override
    public SliceCost slice(long first, long count, WeightSharing sharing) {
        return slices().slice(first, count);
    }

    @Override
    public SliceWords words(long first, long count, WeightSharing sharing) {
        return slices().words(first, count, sharing);
    }

    @Override
    public long[] inputRanges(long first, long count, WeightSharing sharing) {
        return slices().inputRanges(first, count);
    }

    @Override
    public int addedFrom() {
        return layer.add().orElse(-1);
    }

    @Override
    public long[] addedRanges(long first, long count, WeightSharing sharing) {
        return slices().addedRanges(first, count);
    }

    /** The weights and bias of one output channel (its kernel, its share of the projection, its bias). */
    public long channelParameterWords() {
        return slices().channelWeights() + 1;
    }

    /** The channel whose kernel the slice starting at unit {@code first} copies from an earlier slice, or -1. */
    public int sharedChannel(long first) {
        return slices().sharedChannel(first);
    }

    /** The first unit of {@code channel}: its kernel's owner is the slice that holds it. */
    public long channelStart(int channel) {
        return slices().channelStart(channel);
    }

    private ConvSlices slices() {
        return new ConvSlices(layer, shape, added);
    }

    private UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("conv2d kernels are being built");
    }
}
