package org.neurotile.neuron.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.Pool;
import org.neurotile.workloads.TensorShape;

class ConvKernelArithmeticTest {
    private static final Precision P = Precision.FLOAT64;
    private static final double TOLERANCE = 1e-12;

    private static double[] values(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 2 * random.nextDouble() - 1;
        }
        return values;
    }

    private static ConvKernel kernel(NaiveConvolution naive) {
        return new ConvKernel(naive.layer(), naive.layer().shape(naive.input()), Optional.empty());
    }

    @Property(tries = 200)
    void theSumsAreTheDirectConvolutionsPlusTheBiases(@ForAll long seed) {
        Random random = new Random(seed);
        NaiveConvolution naive = NaiveConvolution.random(random);
        ConvKernel kernel = kernel(naive);
        double[] w = values(random, naive.weights());
        double[] c = values(random, naive.layer().channels());
        double[] x = values(random, naive.input().size());
        double[] pre = new double[kernel.sumCount()];
        double[] out = new double[kernel.shape().outputs()];
        kernel.forward(Weights.of(P, w), c, x, pre, out, false, P, Quantization.none());
        double[] expected = naive.sums(w, c, x);
        assertArrayEquals(expected, pre, TOLERANCE);
        for (int i = 0; i < out.length; i++) {
            assertEquals(Math.max(0, expected[i]), out[i], TOLERANCE);
        }
    }

    @Property(tries = 200)
    void theErrorOfEachInputIsTheTransposedConvolutionOfTheDelta(@ForAll long seed) {
        Random random = new Random(seed);
        NaiveConvolution naive = NaiveConvolution.random(random);
        double[] w = values(random, naive.weights());
        double[] delta = values(random, naive.sums().size());
        assertArrayEquals(naive.backward(w, delta), kernel(naive).backward(Weights.of(P, w), delta, P), TOLERANCE);
    }

    @Property(tries = 200)
    void theWeightGradientIsTheCorrelationOfDeltaAndInput(@ForAll long seed) {
        Random random = new Random(seed);
        NaiveConvolution naive = NaiveConvolution.random(random);
        ConvKernel kernel = kernel(naive);
        double[] delta = values(random, naive.sums().size());
        double[] x = values(random, naive.input().size());
        double[] g = new double[naive.weights()];
        double[] gb = new double[naive.layer().channels()];
        kernel.addGradient(g, gb, delta, x, P);
        assertArrayEquals(naive.gradient(delta, x), g, TOLERANCE);
        int positions = naive.sums().positions();
        for (int o = 0; o < gb.length; o++) {
            double sum = 0;
            for (int pos = 0; pos < positions; pos++) {
                sum += delta[o * positions + pos];
            }
            assertEquals(sum, gb[o], TOLERANCE);
        }
    }

    @Property(tries = 50)
    void theGradientRunsAreEachChannelsKernelThenItsBias(@ForAll long seed) {
        Random random = new Random(seed);
        NaiveConvolution naive = NaiveConvolution.random(random);
        ConvKernel kernel = kernel(naive);
        double[] delta = values(random, naive.sums().size());
        double[] x = values(random, naive.input().size());
        double[] g = new double[naive.weights()];
        double[] gb = new double[naive.layer().channels()];
        kernel.addGradient(g, gb, delta, x, P);
        double[] runs = new double[g.length];
        double[] biases = new double[gb.length];
        int[] next = {0};
        kernel.gradientRuns(delta, x, P, new double[kernel.gradientRunLength()], (first, run, n, bias, gBias) -> {
            assertEquals(next[0], first);
            System.arraycopy(run, 0, runs, first, n);
            biases[bias] = gBias;
            next[0] += n;
        });
        assertArrayEquals(g, runs, 0.0);
        assertArrayEquals(gb, biases, 0.0);
    }

    @Test
    void maxPoolSendsEachWindowsErrorToItsFirstLargestValue() {
        Pool pool = new Pool(Pool.Kind.MAX, 2, 2, 0);
        PoolArithmetic arithmetic = PoolArithmetic.of(pool, new TensorShape(1, 2, 4));
        double[] values = {1, 3, 5, 5,
                           3, 2, 0, 1};
        double[] pooled = new double[2];
        arithmetic.forward(values, pooled, P);
        assertArrayEquals(new double[] {3, 5}, pooled, 0.0);
        double[] error = arithmetic.backward(new double[] {0.5, -2}, values, P);
        assertArrayEquals(new double[] {0, 0.5, -2, 0,
                                        0, 0, 0, 0}, error, 0.0);
    }

    @Test
    void overlappingMaxWindowsSumWhatTheySendToAValue() {
        Pool pool = new Pool(Pool.Kind.MAX, 3, 2, 1);
        PoolArithmetic arithmetic = PoolArithmetic.of(pool, new TensorShape(1, 1, 3));
        double[] values = {0, 9, 0};
        double[] error = arithmetic.backward(new double[] {1, 2}, values, P);
        assertArrayEquals(new double[] {0, 3, 0}, error, 0.0);
    }

    @Test
    void averagePoolSpreadsAQuarterOfATwoByTwoWindowsErrorCountingPaddingInTheDivisor() {
        PoolArithmetic plain = PoolArithmetic.of(new Pool(Pool.Kind.AVG, 2, 2, 0), new TensorShape(1, 2, 2));
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, plain.backward(new double[] {1}, new double[4], P), 0);
        PoolArithmetic padded = PoolArithmetic.of(new Pool(Pool.Kind.AVG, 2, 2, 1), new TensorShape(1, 1, 1));
        double[] out = new double[1];
        padded.forward(new double[] {8}, out, P);
        assertArrayEquals(new double[] {2}, out, 0.0);
    }

    @Test
    void aPooledLayersDeltaGoesThroughThePoolThenTheDerivative() {
        Conv2d layer = Conv2d.of(1, 1, 0, Activation.RELU).pooled(new Pool(Pool.Kind.MAX, 2, 2, 0));
        ConvKernel kernel = new ConvKernel(layer, layer.shape(new TensorShape(1, 2, 2)), Optional.empty());
        double[] pre = {-1, 2, 1, -3};
        double[] delta = kernel.delta(new double[] {0.5}, pre, P, Quantization.none());
        assertArrayEquals(new double[] {0, 0.5, 0, 0}, delta, 0.0);
    }

    @Test
    void anIdentityResidualAddsTheEarlierOutputToTheSumsAndSendsTheDeltaBack() {
        TensorShape shape = new TensorShape(2, 3, 3);
        Conv2d layer = new Conv2d(2, 3, 1, 1, 1, 1, Activation.IDENTITY, Optional.empty(), OptionalInt.of(0), true);
        ConvKernel kernel = new ConvKernel(layer, layer.shape(shape, Optional.of(shape)), Optional.of(shape));
        Random random = new Random(3);
        double[] w = values(random, (int) kernel.shape().weights());
        double[] x = values(random, shape.size());
        double[] r = values(random, shape.size());
        double[] pre = new double[kernel.sumCount()];
        kernel.forward(Weights.of(P, w), new double[2], concat(x, r), pre, new double[pre.length], false, P,
                Quantization.none());
        NaiveConvolution naive = new NaiveConvolution(layer, shape);
        double[] expected = naive.sums(w, new double[2], x);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] + r[i], pre[i], TOLERANCE);
        }
        double[] delta = values(random, pre.length);
        assertArrayEquals(delta, kernel.backwardAdded(Weights.of(P, w), delta, P), 0.0);
        assertEquals(0, kernel.projectionWeights());
    }

    @Test
    void aProjectedResidualIsAStridedOneByOneConvolutionOfTheEarlierOutput() {
        TensorShape input = new TensorShape(2, 4, 4);
        TensorShape earlier = new TensorShape(3, 4, 4);
        Conv2d layer = new Conv2d(4, 3, 2, 1, 1, 1, Activation.IDENTITY, Optional.empty(), OptionalInt.of(0), true);
        ConvKernel kernel = new ConvKernel(layer, layer.shape(input, Optional.of(earlier)), Optional.of(earlier));
        Random random = new Random(5);
        int kernels = (int) layer.kernelWeights(input) * 4;
        double[] w = values(random, (int) kernel.shape().weights());
        double[] x = values(random, input.size());
        double[] r = values(random, earlier.size());
        double[] pre = new double[kernel.sumCount()];
        kernel.forward(Weights.of(P, w), new double[4], concat(x, r), pre, new double[pre.length], false, P,
                Quantization.none());
        Conv2d projection = new Conv2d(4, 1, 2, 0, 1, 1, Activation.IDENTITY, Optional.empty(), OptionalInt.empty(),
                true);
        NaiveConvolution conv = new NaiveConvolution(layer, input);
        NaiveConvolution proj = new NaiveConvolution(projection, earlier);
        double[] kernelWeights = java.util.Arrays.copyOf(w, kernels);
        double[] projectionWeights = java.util.Arrays.copyOfRange(w, kernels, w.length);
        double[] a = conv.sums(kernelWeights, new double[4], x);
        double[] b = proj.sums(projectionWeights, new double[4], r);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i] + b[i], pre[i], TOLERANCE);
        }
        double[] delta = values(random, pre.length);
        assertArrayEquals(proj.backward(projectionWeights, delta), kernel.backwardAdded(Weights.of(P, w), delta, P),
                TOLERANCE);
        double[] g = new double[w.length];
        kernel.addGradient(g, new double[4], delta, concat(x, r), P);
        assertArrayEquals(conv.gradient(delta, x), java.util.Arrays.copyOf(g, kernels), TOLERANCE);
        assertArrayEquals(proj.gradient(delta, r), java.util.Arrays.copyOfRange(g, kernels, g.length), TOLERANCE);
    }

    @Property(tries = 30)
    void batchesAndThreadsGiveTheBitsOfOneExampleOnOneThread(@ForAll long seed) {
        Random random = new Random(seed);
        NaiveConvolution naive = NaiveConvolution.random(random);
        ConvKernel kernel = kernel(naive);
        Precision p = Precision.FLOAT32;
        Weights w = Weights.of(p, values(random, naive.weights()));
        double[] c = rounded(values(random, naive.layer().channels()));
        int count = 3;
        double[][] x = new double[count][];
        double[][] delta = new double[count][];
        for (int m = 0; m < count; m++) {
            x[m] = rounded(values(random, naive.input().size()));
            delta[m] = rounded(values(random, naive.sums().size()));
        }
        double[][] pre = new double[count][kernel.sumCount()];
        double[][] out = new double[count][kernel.shape().outputs()];
        double[][] back = new double[count][];
        double[] g = new double[naive.weights()];
        double[] gb = new double[c.length];
        try (Workers three = Workers.of(3, 1)) {
            kernel.forwardBatch(w, c, x, pre, out, count, false, p, Quantization.none(), three);
            kernel.backwardBatch(w, delta, back, count, p, three);
            kernel.addGradients(g, gb, delta, x, count, p, three);
        }
        double[] g1 = new double[g.length];
        double[] gb1 = new double[gb.length];
        for (int m = 0; m < count; m++) {
            double[] pre1 = new double[kernel.sumCount()];
            double[] out1 = new double[kernel.shape().outputs()];
            kernel.forward(w, c, x[m], pre1, out1, false, p, Quantization.none());
            assertArrayEquals(pre1, pre[m], 0.0);
            assertArrayEquals(out1, out[m], 0.0);
            assertArrayEquals(kernel.backward(w, delta[m], p), back[m], 0.0);
            kernel.addGradient(g1, gb1, delta[m], x[m], p);
        }
        assertArrayEquals(g1, g, 0.0);
        assertArrayEquals(gb1, gb, 0.0);
    }

    private static double[] rounded(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) values[i];
        }
        return values;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
