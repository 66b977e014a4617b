package org.neurotile.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neurotile.neuron.functional.BatchGradient;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.rules.RuleTraining;
import org.neurotile.neuron.rules.RuleTraining.StepKind;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training examples per second of a rule's steps (dfa unless {@code rule} says otherwise) in float32
 * as {@code neurotile train} runs them
 * (forward pass, deltas, the optimizer), at batch 1 and batch 32, per optimizer, on one thread
 * ({@code threads}) with the Vector API as the neurotile script enables it;
 * {@link MatMulCandidatesBenchmark} in the same run gives the host's matrix-multiply roof.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MinibatchStepBenchmark {
    private static final int BATCH = 32;
    private static final double RATE = 1e-9; // the weights stay in range over millions of steps

    @Param({"mnist-fc", "cifar10-fc"})
    public String workload;

    @Param({"sgd", "momentum", "adam"})
    public String optimizer;

    @Param({"1"})
    public int threads;

    @Param({"dfa"})
    public String rule;

    private Model model;
    private RuleTraining training;
    private BatchGradient gradient;
    private Workers workers;
    private final Quantization none = Quantization.none();
    private double[][] inputs;
    private int[] labels;

    @Setup(Level.Trial)
    public void setUp() {
        NetworkSpec network = NetworkCatalog.get(workload);
        model = Model.initial(network, 1, Precision.FLOAT32);
        training = LearningRules.parse(rule, 1).training(new RuleTraining.Run(model, 1,
                Optimizer.Settings.of(OptimizerCost.byName(optimizer)), true, none, false));
        workers = Workers.of(threads);
        gradient = new BatchGradient(model, workers);
        SplittableRandom random = new SplittableRandom(1);
        inputs = new double[BATCH][network.inputSize()];
        labels = new int[BATCH];
        for (int m = 0; m < BATCH; m++) {
            for (int j = 0; j < inputs[m].length; j++) {
                inputs[m][j] = (float) random.nextGaussian();
            }
            labels[m] = random.nextInt(network.outputs());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        workers.close();
    }

    /** One example per step. */
    @Benchmark
    public double batchOf1() {
        ForwardPass pass = ForwardPass.run(model, inputs[0], labels[0], none);
        double[][] delta = training.deltas(model, pass, StepKind.RULE, none);
        training.optimizer().step(model, pass, delta, RATE);
        return pass.loss();
    }

    /** One step of 32 examples; the score is examples per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double batchOf32() {
        ForwardPass[] passes = ForwardPass.runBatch(model, inputs, labels, BATCH, none, workers);
        double[][][] deltas = training.deltas(model, passes, BATCH, StepKind.RULE, none, workers);
        for (int m = 0; m < BATCH; m++) {
            gradient.add(passes[m], deltas[m]);
        }
        training.optimizer().step(model, gradient, RATE);
        return passes[0].loss();
    }
}
