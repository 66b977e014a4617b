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

    @Override
    public SliceCost slice(long units) {
        throw unsupported();
    }

    @Override
    public long parameterWordsPerUnit() {
        throw unsupported();
    }

    @Override
    public long inputWordsPerSlice() {
        throw unsupported();
    }

    @Override
    public long partialSumsReceived(long units, long senders) {
        throw unsupported();
    }

    private UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("conv2d kernels are being built");
    }
}
