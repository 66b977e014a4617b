package org.neurotile.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neurotile.neuron.math.BlockedProducts;
import org.neurotile.neuron.math.Precision;
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
 * The candidates for a minibatch's forward product Y = X W^T over a workload's layers (float32, 32
 * examples): the per-example loops of before, the trainer's blocked kernel with plain loops and
 * with the JDK Vector API (what it runs when the JVM has the module), and BLAS sgemm through dev.ludovic.netlib (its pure-Java implementation, and the
 * system's native BLAS when one is installed), with the batch stored by example (row-major, as
 * NumPy's X W^T) and by unit (each unit's 32 values together, as the trainer stores it). One
 * operation is the whole batch through every layer: 32 MACs per weight. The first three keep the
 * documented summation order; BLAS does not. Run it with OPENBLAS_CORETYPE=Haswell and =SkylakeX
 * to compare OpenBLAS's AVX2 and AVX-512 kernels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MatMulCandidatesBenchmark {
    static final int BATCH = 32;

    @Param({"mnist-fc", "cifar10-fc"})
    public String workload;

    private Weights[] weights;
    private float[][] rowMajor;
    private double[][][] inputs;

    private float[][] flatInputs;
    private float[][] flatInputsByUnit;
    private double[][][] outputs;
    private double[][][] vectorOutputs;
    private float[][] flatOutputs;
    private int[] rows;
    private int[] columns;
    private BLAS javaBlas;
    private BLAS nativeBlas; // null where no native BLAS loads

    @Setup(Level.Trial)
    public void setUp() {
        NetworkSpec network = NetworkCatalog.get(workload);
        int layers = network.layerCount();
        SplittableRandom random = new SplittableRandom(1);
        weights = new Weights[layers];
        rowMajor = new float[layers][];
        inputs = new double[layers][][];
        flatInputs = new float[layers][];
        flatInputsByUnit = new float[layers][];
        outputs = new double[layers][][];
        vectorOutputs = new double[layers][][];
        flatOutputs = new float[layers][];
        rows = new int[layers];
        columns = new int[layers];
        for (int l = 0; l < layers; l++) {
            rows[l] = network.neurons(l + 1);
            columns[l] = network.neurons(l);
            double[] w = new double[rows[l] * columns[l]];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) (random.nextGaussian() / Math.sqrt(columns[l]));
            }
            weights[l] = Weights.of(Precision.FLOAT32, w);
            rowMajor[l] = ((Weights.Single) weights[l]).w();
            inputs[l] = new double[BATCH][columns[l]];
            flatInputs[l] = new float[BATCH * columns[l]];
            flatInputsByUnit[l] = new float[BATCH * columns[l]];
            for (int m = 0; m < BATCH; m++) {
                for (int j = 0; j < columns[l]; j++) {
                    float x = (float) random.nextGaussian();
                    inputs[l][m][j] = x;
                    flatInputs[l][m * columns[l] + j] = x;
                    flatInputsByUnit[l][j * BATCH + m] = x;
                }
            }
            outputs[l] = new double[BATCH][rows[l]];
            vectorOutputs[l] = new double[BATCH][rows[l]];
            flatOutputs[l] = new float[BATCH * rows[l]];
        }
        blocked();
        vectorApi();
        for (int l = 0; l < weights.length; l++) {
            for (int m = 0; m < BATCH; m++) {
                for (int i = 0; i < rows[l]; i++) {
                    if (Double.doubleToRawLongBits(vectorOutputs[l][m][i])
                            != Double.doubleToRawLongBits(outputs[l][m][i])) {
                        throw new IllegalStateException("the Vector API kernel differs from the blocked one at layer "
                                + (l + 1) + ", example " + m + ", row " + i);
                    }
                }
            }
        }
        javaBlas = JavaBLAS.getInstance();
        try {
            nativeBlas = NativeBLAS.getInstance();
        } catch (RuntimeException | LinkageError e) {
            nativeBlas = null;
        }
        System.err.println("BLAS: " + javaBlas.getClass().getSimpleName() + ", native: "
                + (nativeBlas == null ? "none" : nativeBlas.getClass().getSimpleName()));
    }

    /** Today's loops before minibatches were products: one eight-lane dot product per example and row. */
    @Benchmark
    public double perExampleLoops() {
        for (int l = 0; l < weights.length; l++) {
            for (int m = 0; m < BATCH; m++) {
                for (int i = 0; i < rows[l]; i++) {
                    outputs[l][m][i] = weights[l].dot(i * columns[l], inputs[l][m], columns[l]);
                }
            }
        }
        return outputs[0][0][0];
    }

    /** The trainer's blocked kernel with plain loops (as without the Vector API module): each row read once per block. */
    @Benchmark
    public double blocked() {
        for (int l = 0; l < weights.length; l++) {
            BlockedProducts.dots(weights[l], columns[l], 0, rows[l], inputs[l], BATCH, outputs[l], false);
        }
        return outputs[0][0][0];
    }

    /** The trainer's blocked kernel with the Vector API, eight float lanes per vector: the same order and bits. */
    @Benchmark
    public double vectorApi() {
        for (int l = 0; l < weights.length; l++) {
            BlockedProducts.dots(weights[l], columns[l], 0, rows[l], inputs[l], BATCH, vectorOutputs[l], true);
        }
        return vectorOutputs[0][0][0];
    }

    /** sgemm of dev.ludovic.netlib's Java BLAS (VectorBLAS when the Vector API module is present). */
    @Benchmark
    public float netlibJava() {
        return sgemm(javaBlas);
    }

    /** sgemm of the system's native BLAS (OpenBLAS) through dev.ludovic.netlib; NaN where none loads. */
    @Benchmark
    public float netlibNative() {
        return nativeBlas == null ? Float.NaN : sgemm(nativeBlas);
    }

    /** sgemm of the system's native BLAS on the batch stored by unit, as the trainer calls it; NaN where none loads. */
    @Benchmark
    public float netlibNativeByUnit() {
        if (nativeBlas == null) {
            return Float.NaN;
        }
        for (int l = 0; l < weights.length; l++) { // X by unit is X column-major, W row-major is W^T column-major
            nativeBlas.sgemm("N", "N", BATCH, rows[l], columns[l], 1f, flatInputsByUnit[l], BATCH, rowMajor[l],
                    columns[l], 0f, flatOutputs[l], BATCH);
        }
        return flatOutputs[0][0];
    }

    /** Y^T = W X^T in column-major terms: W row-major is W^T column-major, X row-major is X^T. */
    private float sgemm(BLAS blas) {
        for (int l = 0; l < weights.length; l++) {
            blas.sgemm("T", "N", rows[l], BATCH, columns[l], 1f, rowMajor[l], columns[l], flatInputs[l], columns[l], 0f,
                    flatOutputs[l], rows[l]);
        }
        return flatOutputs[0][0];
    }
}
