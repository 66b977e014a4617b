package org.neurotile.neuron.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.neurotile.neuron.math.BlasProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.TensorShape;

/**
 * The float32 batch products of a convolution give the bits of the per-example loops
 * ({@link ConvLoops}) on any number of threads, for random shapes (groups, stride, padding,
 * dilation) large enough to fill the kernels' register blocks, and again when the kept buffers
 * are reused by a second, smaller batch.
 */
class ConvBatchTest {
    private static final Precision P = Precision.FLOAT32;

    private static double[] values(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextInt(10) == 0 ? 0.0 : (float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(-8, 4)));
        }
        return v;
    }

    private static ConvGeometry geometry(SplittableRandom random) {
        int groups = 1 + random.nextInt(2);
        int inputs = groups * (1 + random.nextInt(6));
        int outputs = groups * (1 + random.nextInt(9));
        int kernel = 1 + random.nextInt(3);
        int dilation = 1 + random.nextInt(2);
        int padding = random.nextInt(3);
        int span = dilation * (kernel - 1) + 1;
        int least = Math.max(1, span - 2 * padding);
        Conv2d layer = new Conv2d(outputs, kernel, 1 + random.nextInt(2), padding, dilation, groups,
                Activation.RELU, Optional.empty(), OptionalInt.empty(), true);
        return ConvGeometry.of(layer, new TensorShape(inputs, least + random.nextInt(8), least + random.nextInt(8)));
    }

    @Property(tries = 40)
    void batchProductsGiveTheBitsOfThePerExampleLoops(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ConvGeometry geometry = geometry(random);
        int channels = geometry.sums().channels();
        int kernelWeights = channels * geometry.taps();
        Weights w = Weights.of(P, values(random, kernelWeights));
        ConvBatch batch = new ConvBatch(geometry);
        for (int count : new int[] {4, 1}) {
            double[][] x = new double[count][];
            double[][] delta = new double[count][];
            for (int m = 0; m < count; m++) {
                x[m] = values(random, geometry.input().size());
                delta[m] = values(random, geometry.sums().size());
            }
            double[] g0 = values(random, kernelWeights);
            double[] gb0 = values(random, channels);
            double[][] sums = new double[count][geometry.sums().size()];
            double[][] errors = new double[count][];
            double[] g = g0.clone();
            double[] gb = gb0.clone();
            try (Workers one = Workers.single()) {
                for (int m = 0; m < count; m++) {
                    ConvLoops.sums(w, x[m], sums[m], geometry, P, one);
                }
                ConvLoops.errors(w, delta, errors, count, geometry, P, one);
                ConvLoops.addGradients(g, gb, delta, x, count, geometry, P, one);
            }
            for (int threads : new int[] {1, 3}) {
                try (Workers workers = Workers.of(threads, 1)) {
                    double[][] batchSums = new double[count][geometry.sums().size()];
                    double[][] batchErrors = new double[count][];
                    double[] batchG = g0.clone();
                    double[] batchGb = gb0.clone();
                    float[] kernels = ((Weights.Single) w).w();
                    batch.sums(kernels, x, batchSums, count, workers);
                    batch.errors(kernels, delta, batchErrors, count, workers);
                    batch.addGradients(batchG, batchGb, delta, x, count, workers);
                    for (int m = 0; m < count; m++) {
                        assertArrayEquals(sums[m], batchSums[m], 0.0, "sums of example " + m);
                        assertArrayEquals(errors[m], batchErrors[m], 0.0, "errors of example " + m);
                    }
                    assertArrayEquals(g, batchG, 0.0, "weight gradient");
                    assertArrayEquals(gb, batchGb, 0.0, "bias gradient");
                }
            }
        }
    }

    /**
     * Under --arithmetic fast the library's products agree with the fixed order's to float32
     * rounding: each value within n float32 units of the sum of its n terms' magnitudes (the same
     * loops on |w|, |x| and |delta|), on one thread and three.
     */
    @Property(tries = 30)
    void libraryProductsAgreeWithTheFixedOrderToFloat32Rounding(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ConvGeometry geometry = geometry(random);
        int channels = geometry.sums().channels();
        double[] kernel = values(random, channels * geometry.taps());
        int count = 4;
        double[][] x = new double[count][];
        double[][] delta = new double[count][];
        for (int m = 0; m < count; m++) {
            x[m] = values(random, geometry.input().size());
            delta[m] = values(random, geometry.sums().size());
        }
        double[] g0 = values(random, kernel.length);
        double[][] expected = products(geometry, kernel, x, delta, g0, Workers.single());
        double[][] bound = products(geometry, abs(kernel), abs(x), abs(delta), abs(g0), Workers.single());
        int[] terms = {geometry.taps(), geometry.groupOutputs() * geometry.taps(), count * geometry.positions() + 1};
        for (int threads : new int[] {1, 3}) {
            try (Workers workers = Workers.of(threads, 1, BlasProducts.load())) {
                double[][] actual = products(geometry, kernel, x, delta, g0, workers);
                for (int part = 0; part < 3; part++) {
                    for (int k = 0; k < expected[part].length; k++) {
                        double tolerance = 2 * terms[part] * 0x1p-24 * bound[part][k];
                        assertEquals(expected[part][k], actual[part][k], tolerance, PARTS[part] + " " + k);
                    }
                }
            }
        }
    }

    private static final String[] PARTS = {"sums", "errors", "weight gradient"};

    /** Every example's sums and errors, and the weight gradient added to g0, flattened, by {@link ConvBatch}. */
    private static double[][] products(ConvGeometry geometry, double[] kernel, double[][] x, double[][] delta,
                                       double[] g0, Workers workers) {
        int count = x.length;
        float[] w = ((Weights.Single) Weights.of(P, kernel)).w();
        ConvBatch batch = new ConvBatch(geometry);
        double[][] sums = new double[count][geometry.sums().size()];
        double[][] errors = new double[count][];
        double[] g = g0.clone();
        batch.sums(w, x, sums, count, workers);
        batch.errors(w, delta, errors, count, workers);
        batch.addGradients(g, new double[geometry.sums().channels()], delta, x, count, workers);
        return new double[][] {flat(sums), flat(errors), g};
    }

    private static double[] flat(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double[] abs(double[] values) {
        return Arrays.stream(values).map(Math::abs).toArray();
    }

    private static double[][] abs(double[][] rows) {
        return Arrays.stream(rows).map(ConvBatchTest::abs).toArray(double[][]::new);
    }
}
