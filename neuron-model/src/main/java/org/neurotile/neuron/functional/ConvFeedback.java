package org.neurotile.neuron.functional;

import java.util.Objects;
import org.neurotile.neuron.layers.ConvGeometry;
import org.neurotile.neuron.math.BlockedProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.TensorShape;

/**
 * A fixed convolutional feedback B_l as an operator (the extended-DFA paper's convolutional
 * feedback): the source delta map g (C_s x H_s x W_s, CHW) is resized by nearest neighbour to the
 * target's H x W (row y reads source row floor(y H_s / H), column x column floor(x W_s / W), as
 * PyTorch's {@code interpolate(mode='nearest')}), convolved with {@code kernels} (OIHW: C_t x C_s/G
 * x K x K, stride 1, dilation D, zero padding D (K - 1) / 2 so that the map keeps its size, G
 * groups), and its C_t output channels shuffled as ShuffleNet does (output channel o = g C_t/G + j
 * of group g lands at j G + g). The result is the target's C_t x H x W values.
 *
 * <p>Each value is one kernel row times one patch, summed as a convolution's forward sums are
 * ({@link BlockedProducts#dots}) and rounded; threads share the output channels, so the bits do not
 * depend on their number, and one example gives the bits of a batch.
 */
public final class ConvFeedback {
    private final TensorShape source;
    private final TensorShape target;
    private final int kernel;
    private final int dilation;
    private final int groups;
    private final double[] kernels;
    private final ConvGeometry geometry;

    public ConvFeedback(TensorShape source, TensorShape target, int kernel, int dilation, int groups, double[] kernels) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        if (kernel < 1 || kernel % 2 == 0 || dilation < 1 || groups < 1) {
            throw new IllegalArgumentException("conv feedback needs an odd kernel, dilation >= 1 and groups >= 1, got "
                    + kernel + ", " + dilation + ", " + groups);
        }
        if (source.channels() % groups != 0 || target.channels() % groups != 0) {
            throw new IllegalArgumentException(groups + " groups do not divide " + source.channels() + " and "
                    + target.channels() + " channels");
        }
        long expected = (long) target.channels() * (source.channels() / groups) * kernel * kernel;
        if (kernels.length != expected) {
            throw new IllegalArgumentException("conv feedback kernels hold " + expected + " values, got " + kernels.length);
        }
        this.kernel = kernel;
        this.dilation = dilation;
        this.groups = groups;
        this.kernels = kernels;
        TensorShape resized = new TensorShape(source.channels(), target.height(), target.width());
        this.geometry = new ConvGeometry(resized, target, kernel, 1, dilation * (kernel - 1) / 2, dilation, groups);
    }

    /** The source delta's shape (C_s x H_s x W_s). */
    public TensorShape source() {
        return source;
    }

    /** The shape of what the operator produces: the layer's outputs it feeds back to. */
    public TensorShape target() {
        return target;
    }

    public int kernel() {
        return kernel;
    }

    public int dilation() {
        return dilation;
    }

    public int groups() {
        return groups;
    }

    /** The zero padding on each side: D (K - 1) / 2. */
    public int padding() {
        return geometry.padding();
    }

    /** The kernels, OIHW (a copy). */
    public double[] kernels() {
        return kernels.clone();
    }

    /** The same operator with every kernel weight rounded to {@code precision}. */
    ConvFeedback rounded(Precision precision) {
        double[] copy = kernels.clone();
        for (int k = 0; k < copy.length; k++) {
            copy[k] = precision.round(copy[k]);
        }
        return new ConvFeedback(source, target, kernel, dilation, groups, copy);
    }

    /** Where the channel shuffle puts output channel {@code channel} of the grouped convolution. */
    public int shuffled(int channel) {
        int perGroup = target.channels() / groups;
        return (channel % perGroup) * groups + channel / perGroup;
    }

    /** B_l g for one source delta. */
    public double[] apply(double[] g, Precision p) {
        double[][] out = new double[1][];
        apply(new double[][] {g}, out, 1, p, Workers.single());
        return out[0];
    }

    /** {@code out[m]} = B_l {@code g[m]} for examples {@code m < count}, output channels shared among {@code workers}. */
    public void apply(double[][] g, double[][] out, int count, Precision p, Workers workers) {
        Weights w = Weights.view(p, kernels);
        int positions = geometry.positions();
        int taps = geometry.taps();
        int rows = geometry.groupOutputs();
        for (int m = 0; m < count; m++) {
            double[] resized = resized(g[m]);
            double[][] byPosition = new double[positions][target.channels()];
            for (int group = 0; group < groups; group++) {
                double[][] patches = geometry.patches(resized, group);
                int first = group * rows;
                workers.split(rows, (long) taps * positions, (from, to) ->
                        BlockedProducts.dots(w, taps, first + from, first + to, patches, positions, byPosition));
            }
            double[] d = new double[target.size()];
            for (int o = 0; o < target.channels(); o++) {
                int plane = shuffled(o) * positions;
                for (int pos = 0; pos < positions; pos++) {
                    d[plane + pos] = p.round(byPosition[pos][o]);
                }
            }
            out[m] = d;
        }
    }

    /** The source map resized by nearest neighbour to the target's height and width. */
    double[] resized(double[] g) {
        if (g.length != source.size()) {
            throw new IllegalArgumentException("conv feedback reads " + source + " = " + source.size()
                    + " values, got " + g.length);
        }
        int height = target.height();
        int width = target.width();
        if (height == source.height() && width == source.width()) {
            return g;
        }
        double[] r = new double[source.channels() * height * width];
        for (int c = 0; c < source.channels(); c++) {
            for (int y = 0; y < height; y++) {
                int from = (c * source.height() + (int) ((long) y * source.height() / height)) * source.width();
                for (int x = 0; x < width; x++) {
                    r[(c * height + y) * width + x] = g[from + (int) ((long) x * source.width() / width)];
                }
            }
        }
        return r;
    }
}
