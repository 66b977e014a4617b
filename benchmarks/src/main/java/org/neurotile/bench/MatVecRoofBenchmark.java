package org.neurotile.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * The host's dense matrix-vector roof for a workload: y = W x for every layer, float32 arrays,
 * eight independent accumulators per row (the fastest plain-Java form; the JIT does not reorder a
 * float sum by itself). One operation is one MAC per weight of the network.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class MatVecRoofBenchmark {

    @Param({"mnist-fc", "cifar10-fc"})
    public String workload;

    private float[][] weights;
    private float[][] activations;

    @Setup(Level.Trial)
    public void setUp() {
        NetworkSpec network = NetworkCatalog.get(workload);
        SplittableRandom random = new SplittableRandom(1);
        weights = new float[network.layerCount() + 1][];
        activations = new float[network.layerCount() + 1][];
        activations[0] = new float[network.inputSize()];
        for (int j = 0; j < activations[0].length; j++) {
            activations[0][j] = (float) random.nextGaussian();
        }
        for (int l = 1; l <= network.layerCount(); l++) {
            weights[l] = new float[network.neurons(l) * network.neurons(l - 1)];
            for (int k = 0; k < weights[l].length; k++) {
                weights[l][k] = (float) (random.nextGaussian() / Math.sqrt(network.neurons(l - 1)));
            }
            activations[l] = new float[network.neurons(l)];
        }
    }

    /** The roof: a dense float32 matrix-vector product per layer, eight accumulators per row. */
    @Benchmark
    public float matVecRoof() {
        float last = 0;
        for (int l = 1; l < weights.length; l++) {
            float[] w = weights[l];
            float[] x = activations[l - 1];
            float[] y = activations[l];
            int n = x.length;
            for (int i = 0; i < y.length; i++) {
                int base = i * n;
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
                int j = 0;
                for (; j + 8 <= n; j += 8) {
                    s0 += w[base + j] * x[j];
                    s1 += w[base + j + 1] * x[j + 1];
                    s2 += w[base + j + 2] * x[j + 2];
                    s3 += w[base + j + 3] * x[j + 3];
                    s4 += w[base + j + 4] * x[j + 4];
                    s5 += w[base + j + 5] * x[j + 5];
                    s6 += w[base + j + 6] * x[j + 6];
                    s7 += w[base + j + 7] * x[j + 7];
                }
                for (; j < n; j++) {
                    s0 += w[base + j] * x[j];
                }
                y[i] = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
            }
            last = y[0];
        }
        return last;
    }
}
