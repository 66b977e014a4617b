package org.neurotile.neuron.layers;

import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.workloads.LayerShape;

/** The kernel of {@link Diagonal}: weight i scales input i; a slice of c units owns c weights. */
public record DiagonalKernel(Diagonal layer, LayerShape shape) implements LayerKernel {

    @Override
    public void forward(Weights weights, double[] biases, double[] input, double[] pre, double[] out,
                        boolean outputLayer, Precision p, Quantization q) {
        for (int i = 0; i < pre.length; i++) {
            double sum = p.round(p.round(weights.get(i) * input[i]) + biases[i]);
            pre[i] = q.activation(sum);
            out[i] = outputLayer ? pre[i] : q.activation(p.round(layer.activation().apply(sum)));
        }
    }

    @Override
    public double[] product(Weights weights, double[] x, Precision p) {
        double[] result = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            result[i] = p.round(weights.get(i) * x[i]);
        }
        return result;
    }

    @Override
    public double[] backward(Weights weights, double[] delta, Precision p) {
        return product(weights, delta, p);
    }

    @Override
    public void sgdStep(Weights weights, double[] biases, double[] delta, double[] input, double learningRate,
                        boolean updateBiases, Precision p, Quantization q) {
        for (int i = 0; i < delta.length; i++) {
            double step = p.round(p.round(learningRate) * delta[i]);
            weights.set(i, q.weight(p.round(weights.get(i) - p.round(step * input[i]))));
            if (updateBiases) {
                biases[i] = q.weight(p.round(biases[i] - step));
            }
        }
    }

    @Override
    public void addGradient(double[] gradient, double[] biasGradient, double[] delta, double[] input, Precision p) {
        for (int i = 0; i < delta.length; i++) {
            gradient[i] = p.round(gradient[i] + p.round(delta[i] * input[i]));
            biasGradient[i] = p.round(biasGradient[i] + delta[i]);
        }
    }

    @Override
    public int gradientRunLength() {
        return 1;
    }

    @Override
    public void gradientRuns(double[] delta, double[] input, Precision p, double[] scratch, GradientSink sink) {
        for (int i = 0; i < delta.length; i++) {
            scratch[0] = p.round(delta[i] * input[i]);
            sink.run(i, scratch, 1, i, delta[i]);
        }
    }

    @Override
    public SliceCost slice(long units) {
        return new SliceCost(units, units, units, units, units);
    }

    @Override
    public long parameterWordsPerUnit() {
        return 2;
    }

    /** The forward messages bring every tile the whole input vector. */
    @Override
    public long inputWordsPerSlice() {
        return shape.inputs();
    }

    /** Each unit below is fed by one unit here, so it gets one partial sum. */
    @Override
    public long partialSumsReceived(long units, long senders) {
        return units;
    }
}
