package org.neurotile.neuron.layers;

import java.util.Random;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.TensorShape;

/**
 * A convolution computed the obvious way, in nested loops over output channel, position, input
 * channel of the group and kernel taps: what the im2col arithmetic is checked against.
 */
record NaiveConvolution(Conv2d layer, TensorShape input) {

    /** A random convolution of small shape (stride, padding, dilation and groups included) and its input. */
    static NaiveConvolution random(Random random) {
        int groups = 1 + random.nextInt(3);
        int inputs = groups * (1 + random.nextInt(3));
        int outputs = groups * (1 + random.nextInt(3));
        int kernel = 1 + random.nextInt(3);
        int stride = 1 + random.nextInt(3);
        int padding = random.nextInt(3);
        int dilation = 1 + random.nextInt(2);
        int span = dilation * (kernel - 1) + 1;
        int least = Math.max(1, span - 2 * padding);
        int height = least + random.nextInt(6);
        int width = least + random.nextInt(6);
        Conv2d layer = new Conv2d(outputs, kernel, stride, padding, dilation, groups, Activation.RELU,
                java.util.Optional.empty(), java.util.OptionalInt.empty(), true);
        return new NaiveConvolution(layer, new TensorShape(inputs, height, width));
    }

    TensorShape sums() {
        return layer.sums(input);
    }

    int weights() {
        return (int) (layer.kernelWeights(input) * layer.channels());
    }

    /** The value of input channel c at (iy, ix), or -1 in the padding. */
    private int at(int c, int iy, int ix) {
        return iy < 0 || iy >= input.height() || ix < 0 || ix >= input.width() ? -1
                : (c * input.height() + iy) * input.width() + ix;
    }

    private interface Tap {
        void visit(int out, int weight, int in);
    }

    /** Every (output value, weight, input value) triple of the convolution, padding skipped. */
    private void taps(Tap tap) {
        TensorShape sums = sums();
        int k = layer.kernel();
        int perGroupIn = input.channels() / layer.groups();
        int perGroupOut = layer.channels() / layer.groups();
        for (int o = 0; o < layer.channels(); o++) {
            int group = o / perGroupOut;
            for (int y = 0; y < sums.height(); y++) {
                for (int x = 0; x < sums.width(); x++) {
                    int out = (o * sums.height() + y) * sums.width() + x;
                    for (int c = 0; c < perGroupIn; c++) {
                        for (int ky = 0; ky < k; ky++) {
                            for (int kx = 0; kx < k; kx++) {
                                int in = at(group * perGroupIn + c, y * layer.stride() - layer.padding()
                                        + ky * layer.dilation(), x * layer.stride() - layer.padding() + kx * layer.dilation());
                                if (in >= 0) {
                                    tap.visit(out, ((o * perGroupIn + c) * k + ky) * k + kx, in);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** The sums with biases, no activation. */
    double[] sums(double[] w, double[] c, double[] x) {
        double[] sums = new double[sums().size()];
        int positions = sums().positions();
        for (int i = 0; i < sums.length; i++) {
            sums[i] = c[i / positions];
        }
        taps((out, weight, in) -> sums[out] += w[weight] * x[in]);
        return sums;
    }

    /** The error of each input: sum over the outputs it feeds of weight times delta. */
    double[] backward(double[] w, double[] delta) {
        double[] error = new double[input.size()];
        taps((out, weight, in) -> error[in] += w[weight] * delta[out]);
        return error;
    }

    /** The weight gradient: sum over the outputs of delta times the input the weight read. */
    double[] gradient(double[] delta, double[] x) {
        double[] g = new double[weights()];
        taps((out, weight, in) -> g[weight] += delta[out] * x[in]);
        return g;
    }
}
