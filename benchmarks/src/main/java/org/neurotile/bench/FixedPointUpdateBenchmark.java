package org.neurotile.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neurotile.neuron.functional.BatchGradient;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.NumberFormat;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.RoundingNoise;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
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
 * The optimizer's update of every weight of a float32 network whose weights are stored in a
 * fixed-point format ({@code weights}, as {@code --weight-numbers} takes it), per optimizer: one
 * example's update as a batch-1 step applies it (the dense rows' products d x_j formed as the
 * update goes), and one minibatch update as a batch-32 step applies it (the mean gradient of every
 * weight; here the sum of one example, added first, so that the gradient sums of 32 examples do not
 * hide the update, and {@link #minibatchGradientOnly} times that part alone). An epoch of n
 * examples costs n of the first or n / 32 of the second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FixedPointUpdateBenchmark {
    private static final double RATE = 1e-3;

    @Param({"mnist-fc"})
    public String workload;

    @Param({"sgd", "momentum", "adam"})
    public String optimizer;

    @Param({"fixed16", "fixed16:rounding=stochastic"})
    public String weights;

    private Model model;
    private Optimizer update;
    private BatchGradient gradient;
    private ForwardPass pass;
    private double[][] delta;

    @Setup(Level.Trial)
    public void setUp() {
        NetworkSpec network = NetworkCatalog.get(workload);
        Quantization q = new Quantization(new NumberFormats(NumberFormat.parse("weights", weights),
                NumberFormat.FLOAT32, NumberFormat.FLOAT32), RoundingNoise.forSeed(1));
        model = Model.initial(network, 1, Precision.FLOAT32);
        model.quantizeWeights(q);
        update = Optimizer.create(Optimizer.Settings.of(OptimizerCost.byName(optimizer)), model, true, q);
        gradient = new BatchGradient(model);
        SplittableRandom random = new SplittableRandom(1);
        double[] input = new double[network.inputSize()];
        for (int j = 0; j < input.length; j++) {
            input[j] = (float) random.nextDouble();
        }
        pass = ForwardPass.run(model, input, 0, q);
        delta = new double[network.layerCount() + 1][];
        for (int l = 1; l <= network.layerCount(); l++) {
            delta[l] = new double[network.neurons(l)];
            for (int i = 0; i < delta[l].length; i++) {
                delta[l][i] = (float) (0.1 * random.nextGaussian());
            }
        }
    }

    /** One example's update (batch 1). */
    @Benchmark
    public Model exampleUpdate() {
        update.step(model, pass, delta, RATE);
        return model;
    }

    /** One minibatch's update (batch 32), after adding one example's gradient. */
    @Benchmark
    public Model minibatchUpdate() {
        gradient.add(pass, delta);
        update.step(model, gradient, RATE);
        return model;
    }

    /** What {@link #minibatchUpdate} does besides the update: one example's gradient added, the mean taken. */
    @Benchmark
    public BatchGradient minibatchGradientOnly() {
        gradient.add(pass, delta);
        gradient.mean();
        gradient.clear();
        return gradient;
    }
}
