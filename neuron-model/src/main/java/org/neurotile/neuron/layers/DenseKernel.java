package org.neurotile.neuron.layers;

import org.neurotile.neuron.math.BlockedProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.LayerShape;

/**
 * A fully connected layer: W is n_l x n_{l-1}, row-major, row i holding unit i's incoming weights.
 * A slice is a range of units with their weight rows; each needs the whole input vector, so it
 * keeps n_{l-1} input words, and each of its c units does n_{l-1} MACs forward and backward.
 */
public record DenseKernel(Dense layer, LayerShape shape) implements LayerKernel {

    public DenseKernel {
        if (!layer.shape(shape.inputs()).equals(shape)) {
            throw new IllegalArgumentException("shape " + shape + " is not the shape of " + layer);
        }
    }

    /** The kernel of {@code layer} reading {@code inputs} values. */
    public static DenseKernel of(Dense layer, int inputs) {
        return new DenseKernel(layer, layer.shape(inputs));
    }

    @Override
    public void forward(Weights weights, double[] biases, double[] input, double[] pre, double[] out,
                        boolean outputLayer, Precision p, Quantization q) {
        if (weights instanceof Weights.Single) { // float operands, vector lanes where the JVM has them
            forwardBatch(weights, biases, new double[][] {input}, new double[][] {pre}, new double[][] {out}, 1,
                    outputLayer, p, q, Workers.single());
            return;
        }
        int rows = shape.outputs();
        int columns = shape.inputs();
        for (int i = 0; i < rows; i++) {
            double sum = p.round(weights.dot(i * columns, input, columns) + biases[i]);
            pre[i] = q.activation(sum);
            out[i] = outputLayer ? pre[i] : q.activation(p.round(layer.activation().apply(sum)));
        }
    }

    /** The weight rows are read once per block of examples ({@link BlockedProducts#dots} in the fixed order). */
    @Override
    public void forwardBatch(Weights weights, double[] biases, double[][] inputs, double[][] pre, double[][] out,
                             int count, boolean outputLayer, Precision p, Quantization q, Workers workers) {
        int rows = shape.outputs();
        int columns = shape.inputs();
        workers.split(rows, (long) columns * count,
                (from, to) -> workers.products().dots(weights, columns, from, to, inputs, count, pre));
        for (int m = 0; m < count; m++) {
            double[] a = pre[m];
            double[] h = out[m];
            for (int i = 0; i < rows; i++) {
                double sum = p.round(a[i] + biases[i]);
                a[i] = q.activation(sum);
                h[i] = outputLayer ? a[i] : q.activation(p.round(layer.activation().apply(sum)));
            }
        }
    }

    @Override
    public double[] product(Weights weights, double[] x, Precision p) {
        int rows = shape.outputs();
        int columns = shape.inputs();
        double[] result = new double[rows];
        for (int i = 0; i < rows; i++) {
            result[i] = p.round(weights.dot(i * columns, x, columns));
        }
        return result;
    }

    /** Row by row, each product and sum rounded to the weights' precision as {@link Weights#addScaledTo} does. */
    @Override
    public double[] backward(Weights weights, double[] delta, Precision p) {
        int rows = shape.outputs();
        int columns = shape.inputs();
        double[] d = new double[columns];
        for (int i = 0; i < rows; i++) {
            weights.addScaledTo(d, delta[i], i * columns, columns);
        }
        return d;
    }

    /** Each weight row is read once for the whole batch ({@link BlockedProducts#transposedProducts}). */
    @Override
    public void backwardBatch(Weights weights, double[][] delta, double[][] out, int count, Precision p,
                              Workers workers) {
        int rows = shape.outputs();
        int columns = shape.inputs();
        for (int m = 0; m < count; m++) {
            out[m] = new double[columns];
        }
        workers.split(columns, (long) rows * count,
                (from, to) -> workers.products().transposedProducts(weights, rows, columns, from, to, delta, count,
                        out));
    }

    @Override
    public void sgdStep(Weights weights, double[] biases, double[] delta, double[] input, double learningRate,
                        boolean updateBiases, Precision p, Quantization q) {
        int columns = shape.inputs();
        float[] x = weights instanceof Weights.Single ? BlockedProducts.floats(input, columns) : null;
        float[] row = x != null ? new float[columns] : null;
        for (int i = 0; i < delta.length; i++) {
            double step = p.round(p.round(learningRate) * delta[i]);
            if (x != null && !q.weightsQuantized()) {
                BlockedProducts.subtractScaled(((Weights.Single) weights).w(), i * columns, (float) step, x, columns,
                        row);
            } else if (!q.weightsQuantized()) {
                weights.subtractScaled(i * columns, step, input, columns);
            } else if (step != 0) {
                weights.subtractScaled(i * columns, step, input, columns, q);
            }
            if (updateBiases) {
                biases[i] = q.weight(p.round(biases[i] - step));
            }
        }
    }

    @Override
    public void addGradient(double[] gradient, double[] biasGradient, double[] delta, double[] input, Precision p) {
        int columns = shape.inputs();
        for (int i = 0; i < delta.length; i++) {
            double d = delta[i];
            int base = i * columns;
            for (int j = 0; j < columns; j++) {
                gradient[base + j] = p.round(gradient[base + j] + p.round(d * input[j]));
            }
            biasGradient[i] = p.round(biasGradient[i] + d);
        }
    }

    /** A row at a time, summing the batch's examples in order ({@link BlockedProducts#addOuterProducts}). */
    @Override
    public void addGradients(double[] gradient, double[] biasGradient, double[][] delta, double[][] inputs, int count,
                             Precision p, Workers workers) {
        int columns = shape.inputs();
        workers.split(shape.outputs(), (long) columns * count, (from, to) -> BlockedProducts.addOuterProducts(gradient,
                biasGradient, columns, from, to, delta, inputs, count, p));
    }

    /** float32 sums, a range of rows at a time by the workers' {@link org.neurotile.neuron.math.Products}. */
    @Override
    public void addGradients(float[] gradient, double[] biasGradient, double[][] delta, double[][] inputs, int count,
                             Workers workers) {
        int columns = shape.inputs();
        workers.split(shape.outputs(), (long) columns * count, (from, to) -> workers.products()
                .addOuterProducts(gradient, biasGradient, columns, from, to, delta, inputs, count));
    }

    /** A row: unit i's n_{l-1} weights. */
    @Override
    public int gradientRunLength() {
        return shape.inputs();
    }

    /**
     * Row by row: g_j = delta_i x_j rounded, then unit i's bias with gradient delta_i; in float32
     * as {@link GradientSink#productRun}s, the products left to the sink.
     */
    @Override
    public void gradientRuns(double[] delta, double[] input, Precision p, double[] scratch, GradientSink sink) {
        int columns = shape.inputs();
        if (p == Precision.FLOAT32) {
            float[] x = BlockedProducts.floats(input, columns);
            for (int i = 0; i < delta.length; i++) {
                sink.productRun(i * columns, (float) delta[i], x, columns, i, scratch);
            }
            return;
        }
        for (int i = 0; i < delta.length; i++) {
            double d = delta[i];
            for (int j = 0; j < columns; j++) {
                scratch[j] = p.round(d * input[j]);
            }
            sink.run(i * columns, scratch, columns, i, d);
        }
    }

    /** c units: c * n_{l-1} weights, MACs forward and MACs of W^T delta; all n_{l-1} inputs. */
    @Override
    public SliceCost slice(long units) {
        long products = units * shape.inputs();
        return new SliceCost(units, products, shape.inputs(), products, products);
    }

    /** A weight row and a bias: n_{l-1} + 1. */
    @Override
    public long parameterWordsPerUnit() {
        return shape.inputs() + 1L;
    }

    @Override
    public long inputWordsPerSlice() {
        return shape.inputs();
    }

    /** Every slice of a dense layer sends a partial sum to every unit below. */
    @Override
    public long partialSumsReceived(long units, long senders) {
        return senders * units;
    }
}
