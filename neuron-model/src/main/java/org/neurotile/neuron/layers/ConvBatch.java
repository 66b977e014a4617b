package org.neurotile.neuron.layers;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.neurotile.neuron.math.FlatProducts;
import org.neurotile.neuron.math.Products;
import org.neurotile.neuron.math.Workers;

/**
 * A convolution's float32 products over a batch, on flat float arrays kept from one step to the
 * next (up to 4 MiB a thread): patches unfolded (im2col, positions x taps, {@link Im2col}), then blocked products
 * ({@link FlatProducts}). Threads share a product by examples, output channels, positions or taps,
 * never by a sum, so every sum is computed whole by one thread in its documented order:
 *
 * <ul>
 *   <li>sums: kernel row times patch, eight lanes, as a dense row (two rows against four patches, or
 *       for short kernels one row against eight patches); threads share the examples (or, with
 *       fewer examples than threads, each example's output channels);
 *   <li>the weight gradient: one product reducing over the batch's positions, examples in order and
 *       positions in order within each, each sum held in float from the first example to the last;
 *       threads share the taps, each unfolding its own taps of every patch;
 *   <li>the error: W^T delta per position (output channels in order), then col2im, per example;
 *       threads share the examples (or each example's positions).
 * </ul>
 *
 * Float arithmetic gives exactly the float64 operations rounded to float32 at every step, the bits
 * of {@link ConvKernel}'s per-example loops. Under products of no fixed order ({@code --arithmetic
 * fast}) the same three products are each one call of the library per example and group (sgemm on
 * the same unfolded patches; the gradient's threads still share the taps, each call adding one
 * example), in the library's order.
 */
final class ConvBatch {
    private static final int TAP_BLOCK = 16; // the taps of the gradient kernel's registers
    // below this many taps a sum's lanes cost more to combine than to fill: the sums take eight
    // positions at a time, each lane a vector, from patches stored as rows of taps
    private static final int SHORT_KERNEL = 32;

    private final ConvGeometry geometry;
    private final Im2col im2col;
    private final int channels;
    private final int groups;
    private final int inputs;
    // scratch of the calls under way: each thread of a call takes a set and gives it back; a set too
    // large to keep (a large image's patches) is left to the collector, as before
    private static final long KEEP_FLOATS = 1L << 20;
    private final ConcurrentLinkedDeque<Buffers> spare = new ConcurrentLinkedDeque<>();

    ConvBatch(ConvGeometry geometry) {
        this.geometry = geometry;
        this.im2col = new Im2col(geometry);
        this.channels = geometry.sums().channels();
        this.groups = geometry.groups();
        this.inputs = geometry.input().size();
    }

    /** Scratch arrays, grown on first use. */
    private static final class Buffers {
        float[] input = new float[0];
        float[] patches = new float[0];
        float[] values = new float[0];
        float[] deltas = new float[0];
        float[] gradient = new float[0];

        static float[] fit(float[] array, int size) {
            return array.length >= size ? array : new float[size];
        }

        long floats() {
            return (long) input.length + patches.length + values.length + deltas.length + gradient.length;
        }
    }

    /** The library that computes the products when they keep no fixed order (--arithmetic fast), else null. */
    private static Products fast(Workers workers) {
        return workers.products().fixedOrder() ? null : workers.products();
    }

    private void give(Buffers buffers) {
        if (buffers.floats() <= KEEP_FLOATS) {
            spare.push(buffers);
        }
    }

    private Buffers take() {
        Buffers buffers = spare.poll();
        return buffers == null ? new Buffers() : buffers;
    }

    /** into[m][o positions + pos] = the sum of output channel o at position pos, without bias. */
    void sums(float[] w, double[][] in, double[][] into, int count, Workers workers) {
        Products fast = fast(workers);
        long macs = (long) channels * geometry.taps() * geometry.positions();
        if (count >= workers.threads()) {
            workers.split(count, macs, (from, to) -> {
                Buffers b = take();
                for (int m = from; m < to; m++) {
                    sums(w, in[m], into[m], b, null, fast);
                }
                give(b);
            });
        } else {
            Buffers b = take();
            for (int m = 0; m < count; m++) {
                sums(w, in[m], into[m], b, workers, fast);
            }
            give(b);
        }
    }

    /**
     * One example's sums, its output channels shared among {@code workers} (null: this thread alone),
     * or in one call of {@code fast}'s library (null: the fixed order).
     */
    private void sums(float[] w, double[] in, double[] a, Buffers b, Workers workers, Products fast) {
        int positions = geometry.positions();
        int taps = geometry.taps();
        int rows = geometry.groupOutputs();
        b.input = Buffers.fit(b.input, inputs);
        b.patches = Buffers.fit(b.patches, positions * taps);
        b.values = Buffers.fit(b.values, channels * positions);
        float[] patches = b.patches;
        float[] sums = b.values;
        Im2col.floats(in, inputs, b.input);
        for (int group = 0; group < groups; group++) {
            int first = group * rows;
            if (fast != null) { // by column: the group's sums, positions x rows, = patches^T W^T
                im2col.unfold(b.input, group, 0, taps, patches, taps);
                fast.matrixProduct(true, false, positions, rows, taps, 1f, patches, 0, taps, w, first * taps, taps, 0f,
                        sums, first * positions, positions);
                continue;
            }
            Workers.Range product;
            if (taps < SHORT_KERNEL) {
                im2col.unfoldTransposed(b.input, group, patches);
                product = (from, to) -> FlatProducts.dotsTransposed(w, taps, first + from, first + to, patches, 0,
                        positions, positions, sums, (first + from) * positions, positions);
            } else {
                im2col.unfold(b.input, group, 0, taps, patches, taps);
                product = (from, to) -> FlatProducts.dots(w, taps, first + from, first + to, patches, 0, positions,
                        sums, (first + from) * positions, positions);
            }
            if (workers == null) {
                product.run(0, rows);
            } else {
                workers.split(rows, (long) taps * positions, product);
            }
        }
        for (int k = 0; k < channels * positions; k++) {
            a[k] = sums[k];
        }
    }

    /**
     * The gradient of the kernels and biases, added to g (its first C_out taps values) and gb:
     * g[o][tap] += delta[o][pos] patch[pos][tap], gb[o] += delta[o][pos], the examples in order and
     * the positions in order within each.
     */
    void addGradients(double[] g, double[] gb, double[][] delta, double[][] in, int count, Workers workers) {
        int positions = geometry.positions();
        int taps = geometry.taps();
        for (int o = 0; o < channels; o++) {
            float bias = (float) gb[o];
            for (int m = 0; m < count; m++) {
                double[] d = delta[m];
                for (int pos = o * positions; pos < (o + 1) * positions; pos++) {
                    bias += (float) d[pos];
                }
            }
            gb[o] = bias;
        }
        int blocks = (taps + TAP_BLOCK - 1) / TAP_BLOCK;
        Products fast = fast(workers);
        workers.split(blocks, (long) channels * TAP_BLOCK * positions * count, (from, to) -> {
            Buffers b = take();
            addGradients(g, delta, in, count, from * TAP_BLOCK, Math.min(taps, to * TAP_BLOCK), b, fast);
            give(b);
        });
    }

    /** {@link #addGradients} for taps {@code from..to-1} of every kernel, by {@code fast}'s library unless null. */
    private void addGradients(double[] g, double[][] delta, double[][] in, int count, int from, int to, Buffers b,
                              Products fast) {
        int positions = geometry.positions();
        int taps = geometry.taps();
        int rows = geometry.groupOutputs();
        int width = to - from;
        b.input = Buffers.fit(b.input, inputs);
        b.patches = Buffers.fit(b.patches, positions * width);
        b.deltas = Buffers.fit(b.deltas, channels * positions);
        b.gradient = Buffers.fit(b.gradient, channels * width);
        float[] sums = b.gradient;
        for (int o = 0; o < channels; o++) {
            for (int j = 0; j < width; j++) {
                sums[o * width + j] = (float) g[o * taps + from + j];
            }
        }
        float[] byPosition = b.deltas;
        for (int m = 0; m < count; m++) {
            double[] d = delta[m];
            Im2col.floats(in[m], inputs, b.input);
            if (fast != null) {
                Im2col.floats(d, channels * positions, byPosition); // as it is: by channel
            }
            for (int group = 0; group < groups; group++) {
                int first = group * rows;
                if (fast != null) { // by column: the group's sums, taps x rows, += patches^T delta^T
                    im2col.unfold(b.input, group, from, to, b.patches, width);
                    fast.matrixProduct(false, false, width, rows, positions, 1f, b.patches, 0, width, byPosition,
                            first * positions, positions, 1f, sums, first * width, width);
                    continue;
                }
                for (int o = 0; o < rows; o++) {
                    int plane = (first + o) * positions;
                    for (int pos = 0; pos < positions; pos++) {
                        byPosition[pos * rows + o] = (float) d[plane + pos];
                    }
                }
                im2col.unfold(b.input, group, from, to, b.patches, width);
                FlatProducts.accumulate(sums, first * width, width, byPosition, 0, rows, b.patches, 0, width, 0, rows,
                        width, positions);
            }
        }
        for (int o = 0; o < channels; o++) {
            for (int j = 0; j < width; j++) {
                g[o * taps + from + j] = sums[o * width + j];
            }
        }
    }

    /** out[m] = the error of each input value: per position W^T delta, output channels in order, then col2im. */
    void errors(float[] w, double[][] delta, double[][] out, int count, Workers workers) {
        Products fast = fast(workers);
        if (count >= workers.threads()) {
            workers.split(count, (long) channels * geometry.taps() * geometry.positions(), (from, to) -> {
                Buffers b = take();
                for (int m = from; m < to; m++) {
                    out[m] = error(w, delta[m], b, null, fast);
                }
                give(b);
            });
        } else {
            Buffers b = take();
            for (int m = 0; m < count; m++) {
                out[m] = error(w, delta[m], b, workers, fast);
            }
            give(b);
        }
    }

    /**
     * One example's error, its positions shared among {@code workers} (null: this thread alone), or in
     * one call of {@code fast}'s library (null: the fixed order).
     */
    private double[] error(float[] w, double[] delta, Buffers b, Workers workers, Products fast) {
        int positions = geometry.positions();
        int taps = geometry.taps();
        int rows = geometry.groupOutputs();
        b.input = Buffers.fit(b.input, inputs);
        b.patches = Buffers.fit(b.patches, positions * taps);
        b.deltas = Buffers.fit(b.deltas, channels * positions);
        float[] tapErrors = b.patches;
        float[] deltas = b.deltas;
        float[] errors = b.input;
        Im2col.floats(delta, channels * positions, deltas);
        Arrays.fill(errors, 0, inputs, 0f);
        for (int group = 0; group < groups; group++) {
            int first = group * rows;
            if (fast != null) { // by column: the taps' errors, taps x positions, = W^T delta
                fast.matrixProduct(false, true, taps, positions, rows, 1f, w, first * taps, taps, deltas,
                        first * positions, positions, 0f, tapErrors, 0, taps);
                im2col.fold(tapErrors, group, errors);
                continue;
            }
            Arrays.fill(tapErrors, 0, positions * taps, 0f);
            Workers.Range product = (from, to) -> FlatProducts.accumulate(tapErrors, 0, taps, deltas,
                    first * positions, positions, w, first * taps, taps, from, to, taps, rows);
            if (workers == null) {
                product.run(0, positions);
            } else {
                workers.split(positions, (long) rows * taps, product);
            }
            im2col.fold(tapErrors, group, errors);
        }
        double[] error = new double[inputs];
        for (int k = 0; k < inputs; k++) {
            error[k] = errors[k];
        }
        return error;
    }
}
