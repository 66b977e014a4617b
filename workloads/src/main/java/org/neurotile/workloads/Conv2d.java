package org.neurotile.workloads;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A 2-D convolution layer: {@code channels} output maps, each the sum over its group's
 * {@code C_in / groups} input maps of a {@code kernel x kernel} kernel ({@code dilation} apart)
 * slid {@code stride} apart over the input padded with zeros by {@code padding}, plus one bias per
 * output channel; then the activation, then the optional {@link Pool}, all in the tiles that hold
 * the output. The output size is floor((H + 2 padding - dilation (kernel - 1) - 1) / stride) + 1,
 * as PyTorch's {@code Conv2d}. Kernels are stored OIHW: output channel, input channel of the
 * group, row, column.
 *
 * <p>{@code add}, when present, names an earlier layer (0 for the network's input) whose output
 * is added to the convolution's sums before the activation: a residual connection. If that output
 * has another shape, a 1 x 1 projection (stride = the ratio of the map sizes, no bias) maps it to
 * the convolution's shape, and its C_from x C_out weights are the layer's too, after the kernels.
 */
public record Conv2d(int channels, int kernel, int stride, int padding, int dilation, int groups,
                     Activation activation, Optional<Pool> pool, OptionalInt add, boolean trainable) implements Layer {

    public Conv2d {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(add, "add");
        if (channels < 1) {
            throw new IllegalArgumentException("conv2d needs at least one output channel, got " + channels);
        }
        if (kernel < 1 || stride < 1 || dilation < 1 || groups < 1) {
            throw new IllegalArgumentException("conv2d: kernel, stride, dilation and groups must be >= 1, got kernel "
                    + kernel + ", stride " + stride + ", dilation " + dilation + ", groups " + groups);
        }
        if (padding < 0) {
            throw new IllegalArgumentException("conv2d: padding must be >= 0, got " + padding);
        }
        if (channels % groups != 0) {
            throw new IllegalArgumentException("conv2d: " + channels + " output channels are not divisible by "
                    + groups + " groups");
        }
        if (add.isPresent() && add.getAsInt() < 0) {
            throw new IllegalArgumentException("conv2d: add names layer " + add.getAsInt() + ", valid from 0 (the input)");
        }
    }

    /** A trainable convolution with stride 1, no dilation, one group, no pool and no residual add. */
    public static Conv2d of(int channels, int kernel, int padding, Activation activation) {
        return new Conv2d(channels, kernel, 1, padding, 1, 1, activation, Optional.empty(), OptionalInt.empty(), true);
    }

    /** This layer with {@code pool} after its activation. */
    public Conv2d pooled(Pool pool) {
        return new Conv2d(channels, kernel, stride, padding, dilation, groups, activation, Optional.of(pool), add,
                trainable);
    }

    @Override
    public String kind() {
        return "conv2d";
    }

    /** The kernel's extent on the input: dilation (kernel - 1) + 1. */
    public int span() {
        return dilation * (kernel - 1) + 1;
    }

    /** The convolution's output maps (the sums), before any pool. */
    public TensorShape sums(TensorShape input) {
        if (input.channels() % groups != 0) {
            throw new IllegalArgumentException(input.channels() + " input channels are not divisible by " + groups
                    + " groups");
        }
        int height = outputs(input.height());
        int width = outputs(input.width());
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("a " + kernel + "x" + kernel + " kernel" + (dilation > 1 ? " dilated "
                    + dilation + " (span " + span() + ")" : "") + " is larger than its " + input.height() + "x"
                    + input.width() + " input padded by " + padding);
        }
        return new TensorShape(channels, height, width);
    }

    private int outputs(int size) {
        int padded = size + 2 * padding;
        return padded < span() ? 0 : (padded - span()) / stride + 1;
    }

    /** The weights of one output channel's kernel: k^2 C_in / groups. */
    public long kernelWeights(TensorShape input) {
        return (long) kernel * kernel * (input.channels() / groups);
    }

    /** Without a residual add (the shape of a layer whose add is unknown counts no projection). */
    @Override
    public LayerShape shape(TensorShape input) {
        return shape(input, Optional.empty());
    }

    /**
     * The shape reading {@code input}, with {@code added} the shape of the output the residual add
     * brings: kernels k^2 (C_in / groups) C_out weights and H_out W_out C_out k^2 C_in / groups MACs,
     * plus the projection's C_from C_out weights and H_out W_out C_out C_from MACs if it needs one.
     * Fan-in k^2 C_in / groups and fan-out k^2 C_out, as PyTorch's initialisers count them.
     */
    public LayerShape shape(TensorShape input, Optional<TensorShape> added) {
        TensorShape sums = sums(input);
        TensorShape output = pool.map(p -> p.output(sums)).orElse(sums);
        long weights = product(kernelWeights(input), channels);
        long macs = product(sums.positions(), weights);
        if (added.isPresent()) {
            long projection = projectionWeights(added.get(), sums);
            weights = sum(weights, projection);
            macs = sum(macs, product(sums.positions(), projection));
        }
        if (kernelWeights(input) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a kernel of " + kernelWeights(input) + " weights is too large");
        }
        int fanIn = (int) kernelWeights(input);
        int fanOut = (int) Math.min(Integer.MAX_VALUE, (long) kernel * kernel * channels);
        return new LayerShape(input, output, weights, macs, fanIn, fanOut);
    }

    /** a * b, refusing a count too large to hold. */
    private static long product(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(a + " x " + b + " is too large to count", e);
        }
    }

    /** a + b, refusing a count too large to hold. */
    private static long sum(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(a + " + " + b + " is too large to count", e);
        }
    }

    /**
     * The projection's weights when {@code added} is added to {@code sums}: 0 when the shapes are
     * equal, else C_from C_out for a 1 x 1 convolution whose stride maps the added maps onto the sums.
     */
    public static long projectionWeights(TensorShape added, TensorShape sums) {
        if (added.equals(sums)) {
            return 0;
        }
        projectionStride(added, sums);
        return (long) added.channels() * sums.channels();
    }

    /** The stride of the 1 x 1 projection from {@code added} to {@code sums}; refuses maps it cannot match. */
    public static int projectionStride(TensorShape added, TensorShape sums) {
        int stride = Math.max(1, added.height() / sums.height());
        if ((added.height() - 1) / stride + 1 != sums.height() || (added.width() - 1) / stride + 1 != sums.width()) {
            throw new IllegalArgumentException("cannot add " + added + " maps to " + sums + " sums: a 1x1 projection"
                    + " with stride " + stride + " gives " + ((added.height() - 1) / stride + 1) + "x"
                    + ((added.width() - 1) / stride + 1));
        }
        return stride;
    }

    /** e.g. {@code conv2d 5x5 96 pad 2, maxpool 3x3/2 pad 1}. */
    public String describe() {
        StringBuilder text = new StringBuilder("conv2d " + kernel + "x" + kernel + " " + channels);
        if (stride > 1) {
            text.append(" /").append(stride);
        }
        if (padding > 0) {
            text.append(" pad ").append(padding);
        }
        if (dilation > 1) {
            text.append(" dil ").append(dilation);
        }
        if (groups > 1) {
            text.append(" groups ").append(groups);
        }
        add.ifPresent(from -> text.append(" + layer ").append(from));
        pool.ifPresent(p -> text.append(", ").append(p.describe()));
        return text.toString();
    }
}
