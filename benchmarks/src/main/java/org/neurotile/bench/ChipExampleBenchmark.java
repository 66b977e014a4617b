package org.neurotile.bench;

import java.util.concurrent.TimeUnit;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.sim.trace.TraceRecorder;
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
 * Wall time of one training example in count mode on the default chip (32x32 mesh of 512 KiB
 * tiles): mapping, building the task graph and timing it on the NoC. Target: under one second for
 * alexnet-fc; the cost should follow tiles, layers and messages, not weights.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ChipExampleBenchmark {

    @Param({"alexnet-fc", "mnist-fc", "mnist-deep-100x200"})
    public String workload;

    @Param({"bp", "dfa", "ssdfa"})
    public String rule;

    private NetworkSpec network;
    private LearningRule chipRule;
    private Chip chip;

    @Setup(Level.Trial)
    public void setUp() {
        network = NetworkCatalog.get(workload);
        chipRule = LearningRules.parse(rule, 1);
        chip = new Chip(ChipSpec.DEFAULTS);
    }

    @Benchmark
    public long example() {
        return chip.run(network, chipRule, true, TraceRecorder.disabled()).run().cycles();
    }
}
