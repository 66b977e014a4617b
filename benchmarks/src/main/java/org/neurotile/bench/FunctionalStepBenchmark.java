package org.neurotile.bench;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.LearningStep;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
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
 * Functional mode: training examples per second of the arithmetic of one step (forward pass, the
 * rule's errors, the SGD update) on one thread; {@link MatVecRoofBenchmark} measures the host's
 * dense matrix-vector roof beside it. BENCHMARKS.md converts both to MACs per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class FunctionalStepBenchmark {

    @Param({"mnist-fc", "cifar10-fc"})
    public String workload;

    @Param({"bp", "dfa", "ssdfa"})
    public String rule;

    @Param({"float32", "float64"})
    public String precision;

    private Model model;
    private Optional<Feedback> feedback;
    private double[] input;

    @Setup(Level.Trial)
    public void setUp() {
        NetworkSpec network = NetworkCatalog.get(workload);
        LearningRule chipRule = LearningRules.parse(rule, 1);
        model = Model.initial(network, 1, Precision.byName(precision));
        feedback = chipRule.feedback(network, model, 1).map(f -> f.rounded(model.precision()));
        SplittableRandom random = new SplittableRandom(1);
        input = new double[network.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextGaussian();
        }
    }

    /** One training step; the learning rate is small so the weights stay in range over millions of steps. */
    @Benchmark
    public double step() {
        ForwardPass pass = ForwardPass.run(model, input, 3);
        double[][] deltas = feedback.isPresent()
                ? LearningStep.withFeedback(model, feedback.get(), pass, 1e-9, true)
                : LearningStep.backprop(model, pass, 1e-9, true);
        return deltas[deltas.length - 1][0];
    }
}
