package org.neurotile.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neurotile.neuron.math.BlockedProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Products;
import org.neurotile.neuron.math.Weights;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fixed order's three float32 products on a dense batch's matrices stored by unit (as
 * {@code DenseBatch} and {@code BatchGradient} call them, one thread), over every layer of a
 * workload at batch 32: the forward dot products W h, the transposed products delta W of
 * backpropagation (every layer but the first) and the gradient sums. {@code path} {@code rows} is
 * {@link Products}' default methods, which convert to float64 rows by example for
 * {@link BlockedProducts} and back; {@code inPlace} is {@link Products#FIXED_ORDER}, which computes
 * them on the matrices in place. Both give the same bits. One operation is one product of the
 * whole batch through every layer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class UnitMajorProductsBenchmark {
    static final int BATCH = 32;

    @Param({"mnist-fc", "cifar10-fc"})
    public String workload;

    @Param({"rows", "inPlace"})
    public String path;

    private Products products;
    private int layers;
    private int[] width;
    private Weights[] weights;
    private float[][] inputs;   // h_{l-1}, width[l-1] x BATCH by unit
    private float[][] sums;     // a_l, width[l] x BATCH
    private float[][] deltas;   // delta_l, width[l] x BATCH
    private float[][] back;     // delta_l W_l, width[l-1] x BATCH
    private float[][] gradients;
    private double[][] biasGradients;

    @Setup(Level.Trial)
    public void setUp() {
        products = path.equals("rows") ? rowsByExample() : Products.FIXED_ORDER;
        NetworkSpec network = NetworkCatalog.get(workload);
        layers = network.layerCount();
        width = new int[layers + 1];
        width[0] = network.inputSize();
        for (int l = 1; l <= layers; l++) {
            width[l] = network.neurons(l);
        }
        SplittableRandom random = new SplittableRandom(1);
        weights = new Weights[layers + 1];
        inputs = new float[layers + 1][];
        sums = new float[layers + 1][];
        deltas = new float[layers + 1][];
        back = new float[layers + 1][];
        gradients = new float[layers + 1][];
        biasGradients = new double[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            double[] w = new double[width[l] * width[l - 1]];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) (random.nextGaussian() * 0.05);
            }
            weights[l] = Weights.of(Precision.FLOAT32, w);
            inputs[l] = floats(random, width[l - 1] * BATCH);
            sums[l] = new float[width[l] * BATCH];
            deltas[l] = floats(random, width[l] * BATCH);
            back[l] = new float[width[l - 1] * BATCH];
            gradients[l] = new float[width[l] * width[l - 1]];
            biasGradients[l] = new double[width[l]];
        }
    }

    private static float[] floats(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int k = 0; k < n; k++) {
            values[k] = (float) random.nextGaussian();
        }
        return values;
    }

    /** The fixed order with the interface's default float methods: rows by example and back. */
    private static Products rowsByExample() {
        return new Products() {
            @Override
            public void dots(Weights w, int columns, int from, int to, double[][] x, int count, double[][] out) {
                FIXED_ORDER.dots(w, columns, from, to, x, count, out);
            }

            @Override
            public void transposedProducts(Weights w, int rows, int columns, int from, int to, double[][] delta,
                                           int count, double[][] out) {
                FIXED_ORDER.transposedProducts(w, rows, columns, from, to, delta, count, out);
            }

            @Override
            public void addOuterProducts(float[] g, double[] gb, int columns, int from, int to, double[][] delta,
                                         double[][] x, int count) {
                FIXED_ORDER.addOuterProducts(g, gb, columns, from, to, delta, x, count);
            }

            @Override
            public boolean fixedOrder() {
                return true;
            }

            @Override
            public String implementation() {
                return "fixed order, rows by example";
            }
        };
    }

    /** a_l = W_l h_{l-1} for every layer. */
    @Benchmark
    public float[][] dots() {
        for (int l = 1; l <= layers; l++) {
            products.dots(weights[l], width[l - 1], width[l], 0, width[l], inputs[l], BATCH, sums[l]);
        }
        return sums;
    }

    /** delta_l W_l for every layer but the first. */
    @Benchmark
    public float[][] transposedProducts() {
        for (int l = 2; l <= layers; l++) {
            products.transposedProducts(weights[l], width[l], width[l - 1], 0, width[l - 1], deltas[l], BATCH,
                    back[l]);
        }
        return back;
    }

    /** The gradient sums of every layer. */
    @Benchmark
    public float[][] addOuterProducts() {
        for (int l = 1; l <= layers; l++) {
            products.addOuterProducts(gradients[l], biasGradients[l], width[l - 1], width[l], 0, width[l], deltas[l],
                    inputs[l], BATCH);
        }
        return gradients;
    }
}
