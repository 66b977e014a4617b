package org.neurotile.neuron.functional;

import java.util.Arrays;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.math.BlockedProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Products;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.NetworkSpec;

/**
 * The gradients of a minibatch, per weight and bias of every trained layer: g = delta_i h_j and
 * delta_i of each example summed in example order (every product and sum rounded to the
 * precision), then {@link #mean()}: the sum times 1/B, rounded. Each example's deltas must come
 * from the weights as they were at the batch start; the optimizer applies the mean once. The
 * examples are summed when the sums are first read, a block at a time
 * ({@link org.neurotile.neuron.layers.LayerKernel#addGradients}): each weight's sum keeps the
 * examples' order, and each weight is read and written once per block rather than once per example.
 */
public final class BatchGradient {
    private final Precision p;
    private final LayerKernels kernels;
    final double[][] weights; // float64: per trained layer, row-major as W_l; null for the others
    final float[][] floatWeights; // float32: the same, in float32, as float32 arithmetic sums them
    final double[][] biases;  // per trained layer, one per bias of its kernel
    final boolean[] present;  // whether a layer had a delta in the batch
    // float32 weight sums that mean() left to scale as they are read, and those an optimizer took
    private final boolean[] unscaled;
    private final boolean[] taken;
    private float floatScale;
    private int examples;
    // added, not yet summed: at most a block, which is then summed
    private final ForwardPass[] pendingPasses = new ForwardPass[BlockedProducts.EXAMPLE_BLOCK];
    private final double[][][] pendingDeltas = new double[BlockedProducts.EXAMPLE_BLOCK][][];
    private int pending;
    // a whole minibatch's dense block whose weight sums are not summed yet (products without a fixed
    // order only): an optimizer may add them, scaled, straight into the weights, or read them summed
    private DenseBatch deferred;

    private final Workers workers;

    public BatchGradient(Model model) {
        this(model, Workers.single());
    }

    /** With the sums shared among {@code workers} by rows of the weights. */
    public BatchGradient(Model model, Workers workers) {
        this.workers = workers;
        NetworkSpec network = model.network();
        this.p = model.precision();
        this.kernels = LayerKernels.of(network);
        int layers = network.layerCount();
        weights = new double[layers + 1][];
        floatWeights = new float[layers + 1][];
        biases = new double[layers + 1][];
        present = new boolean[layers + 1];
        unscaled = new boolean[layers + 1];
        taken = new boolean[layers + 1];
        for (int l = 1; l <= layers; l++) {
            if (network.layer(l).trainable()) {
                if (p == Precision.FLOAT32) {
                    floatWeights[l] = new float[(int) network.weights(l)];
                } else {
                    weights[l] = new double[(int) network.weights(l)];
                }
                biases[l] = new double[kernels.layer(l).biasCount()];
            }
        }
    }

    /** The examples added since the last {@link #clear()}. */
    public int examples() {
        return examples;
    }

    /**
     * Adds one example's gradient; layers with a null delta are skipped. The arrays are kept until
     * the sums are read and must not change meanwhile.
     */
    public void add(ForwardPass pass, double[][] delta) {
        for (int l = 1; l < delta.length; l++) {
            if (delta[l] != null && biases[l] != null) {
                present[l] = true;
            }
        }
        pendingPasses[pending] = pass;
        pendingDeltas[pending] = delta;
        pending++;
        examples++;
        if (pending == pendingPasses.length) { // a large batch is summed a block at a time
            sum();
        }
    }

    /**
     * Adds a dense minibatch's block of examples (after any added before it), with the bits of
     * adding them one by one: the same products as {@link #add}, on the block's float32 matrices.
     */
    public void add(DenseBatch batch) {
        add(batch, false);
    }

    /**
     * {@link #add(DenseBatch)}; {@code wholeBatch}: the block is the whole minibatch and stays as it
     * is until the optimizer's step, so that with products of no fixed order its weight sums can wait
     * for the step ({@link #sumsDeferred}). Its bias sums are made now either way.
     */
    public void add(DenseBatch batch, boolean wholeBatch) {
        if (p != Precision.FLOAT32) {
            throw new IllegalStateException("a dense batch is float32");
        }
        if (deferred != null) {
            throw new IllegalStateException("a block joined a batch whose block was to be its whole");
        }
        sum();
        if (wholeBatch && examples == 0 && !workers.products().fixedOrder()) {
            deferred = batch;
            addBiasSums(batch);
            examples += batch.count();
            return;
        }
        int count = batch.count();
        for (int l = 1; l < present.length; l++) {
            if (!batch.present(l) || biases[l] == null) {
                continue;
            }
            present[l] = true;
            int rows = batch.width(l);
            int columns = batch.width(l - 1);
            float[] g = floatWeights[l];
            double[] gb = biases[l];
            float[] delta = batch.delta(l);
            float[] x = batch.input(l);
            workers.split(rows, (long) columns * count, (from, to) -> workers.products()
                    .addOuterProducts(g, gb, columns, rows, from, to, delta, x, count));
        }
        examples += count;
    }

    /** The deferred block's bias sums, each unit's examples in order, as the products add them. */
    private void addBiasSums(DenseBatch batch) {
        int count = batch.count();
        for (int l = 1; l < present.length; l++) {
            if (!batch.present(l) || biases[l] == null) {
                continue;
            }
            present[l] = true;
            Products.addBiasSums(biases[l], 0, biases[l].length, batch.delta(l), count);
        }
    }

    /** Whether layer {@code layer}'s weight sums wait in a dense block, for {@link #scaleAndAddSums}. */
    public boolean sumsDeferred(int layer) {
        return deferred != null && present[layer] && !taken[layer];
    }

    /**
     * After {@link #mean}: target = beta target + factor times layer {@code layer}'s weight sums,
     * made in the products themselves (SGD's step of -lr/B into the weights with beta 1, momentum's
     * velocity with beta mu and factor 1/B); the sums are then taken, as by {@link #takeFloatSums}.
     */
    public void scaleAndAddSums(int layer, float[] target, float beta, float factor) {
        scaleAndAddSums(layer, target, beta, factor, null);
    }

    /**
     * {@link #scaleAndAddSums(int, float[], float, float)}, each thread then running {@code then} on
     * the weights whose values it has just made (indices from..to-1 of W_l), while they are in its
     * cache: momentum's w -= lr v after its velocity.
     */
    public void scaleAndAddSums(int layer, float[] target, float beta, float factor, Workers.Range then) {
        if (!sumsDeferred(layer)) {
            throw new IllegalStateException("layer " + layer + "'s weight sums are not deferred");
        }
        addDeferred(layer, target, beta, factor, then);
        taken[layer] = true;
    }

    private void addDeferred(int layer, float[] target, float beta, float factor, Workers.Range then) {
        int rows = deferred.width(layer);
        int columns = deferred.width(layer - 1);
        int count = deferred.count();
        float[] delta = deferred.delta(layer);
        float[] x = deferred.input(layer);
        workers.split(rows, (long) columns * count, (from, to) -> {
            workers.products().scaledOuterProducts(target, beta, factor, columns, from, to, delta, x, count);
            if (then != null) {
                then.run(from * columns, to * columns);
            }
        });
    }

    /** Adds the pending examples to the sums, layer by layer, each layer's examples in order. */
    private void sum() {
        if (pending == 0) {
            return;
        }
        double[][] deltas = new double[pending][];
        double[][] inputs = new double[pending][];
        for (int l = 1; l < present.length; l++) {
            if (!present[l]) {
                continue;
            }
            int count = 0;
            for (int m = 0; m < pending; m++) {
                double[][] delta = pendingDeltas[m];
                if (l < delta.length && delta[l] != null) {
                    deltas[count] = delta[l];
                    inputs[count] = pendingPasses[m].inputs[l];
                    count++;
                }
            }
            if (p == Precision.FLOAT32) {
                kernels.layer(l).addGradients(floatWeights[l], biases[l], deltas, inputs, count, workers);
            } else {
                kernels.layer(l).addGradients(weights[l], biases[l], deltas, inputs, count, p, workers);
            }
            addUnitGradients(l);
        }
        Arrays.fill(pendingPasses, 0, pending, null);
        Arrays.fill(pendingDeltas, 0, pending, null);
        pending = 0;
    }

    /** Adds the pending examples' gradients of a batch normalisation's shift and scale, in example order. */
    private void addUnitGradients(int l) {
        if (!kernels.layer(l).normalises()) {
            return;
        }
        double[] sums = biases[l];
        for (int m = 0; m < pending; m++) {
            double[][] delta = pendingDeltas[m];
            double[] unit = l < delta.length && delta[l] != null ? pendingPasses[m].unitGradients(l) : null;
            if (unit != null) {
                for (int i = 0; i < unit.length; i++) {
                    sums[i] = p.round(sums[i] + unit[i]);
                }
            }
        }
    }

    /** Turns the sums into means over the examples added: each times 1/B rounded, then rounded. */
    public void mean() {
        if (examples == 0) {
            throw new IllegalStateException("the mean of an empty batch");
        }
        sum();
        double scale = p.round(1.0 / examples);
        for (int l = 1; l < present.length; l++) {
            if (!present[l]) {
                continue;
            }
            if (p == Precision.FLOAT32) { // scaled as read: a float product of float32 values, the double product rounded
                floatScale = (float) scale;
                unscaled[l] = true;
            } else {
                scale(weights[l], scale);
            }
            scale(biases[l], scale);
        }
    }

    private void scale(double[] values, double scale) {
        for (int k = 0; k < values.length; k++) {
            values[k] = p.round(values[k] * scale);
        }
    }

    /** Whether layer {@code layer} had a delta in the batch. */
    public boolean present(int layer) {
        return present[layer];
    }

    /** Whether the weight gradients are float32 sums ({@link #floatWeightGradient}) rather than float64. */
    public boolean floats() {
        return p == Precision.FLOAT32;
    }

    /** The batch's float64 gradients of W_l (row-major), itself, not a copy. */
    public double[] weightGradient(int layer) {
        if (floats()) {
            throw new IllegalStateException("a float32 batch's gradients are floatWeightGradient's");
        }
        sum();
        return weights[layer];
    }

    /** The batch's float32 gradients of W_l (row-major), itself, not a copy. */
    public float[] floatWeightGradient(int layer) {
        float[] sums = takeFloatSums(layer);
        taken[layer] = false;
        if (unscaled[layer]) {
            for (int k = 0; k < sums.length; k++) {
                sums[k] *= floatScale;
            }
            unscaled[layer] = false;
        }
        return sums;
    }

    /**
     * After {@link #mean}, for an optimizer that reads each gradient once: the float32 sums of W_l
     * themselves, whose means are each sum times {@link #meanFactor} in float arithmetic (the
     * bits {@link #floatWeightGradient} holds). The caller leaves every one at zero for the next
     * batch, which saves the mean's and the clearing's passes over them.
     */
    public float[] takeFloatSums(int layer) {
        if (!floats()) {
            throw new IllegalStateException("a float64 batch's gradients are weightGradient's");
        }
        if (taken[layer]) {
            throw new IllegalStateException("layer " + layer + "'s gradients were taken");
        }
        sum();
        if (sumsDeferred(layer)) {
            addDeferred(layer, floatWeights[layer], 1f, 1f, null);
        }
        taken[layer] = true;
        return floatWeights[layer];
    }

    /** What {@link #takeFloatSums}' sums of layer {@code layer} are multiplied by to give the mean: 1/B, or 1. */
    public float meanFactor(int layer) {
        return unscaled[layer] ? floatScale : 1f;
    }

    /** The batch's gradients of c_l, itself, not a copy. */
    public double[] biasGradient(int layer) {
        sum();
        return biases[layer];
    }

    /** The number of layers plus one (index 1..L). */
    public int layerSlots() {
        return present.length;
    }

    /** Empties the batch. */
    public void clear() {
        Arrays.fill(pendingPasses, 0, pending, null);
        Arrays.fill(pendingDeltas, 0, pending, null);
        pending = 0;
        for (int l = 1; l < present.length; l++) {
            if (present[l]) {
                if (floats() && taken[l]) { // the optimizer left them at zero
                    taken[l] = false;
                } else if (floats()) {
                    Arrays.fill(floatWeights[l], 0);
                } else {
                    Arrays.fill(weights[l], 0);
                }
                Arrays.fill(biases[l], 0);
                present[l] = false;
                unscaled[l] = false;
            }
        }
        examples = 0;
        deferred = null;
    }
}
