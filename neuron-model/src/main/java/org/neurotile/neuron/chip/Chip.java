package org.neurotile.neuron.chip;

import java.util.Objects;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.MappingDoesNotFitException;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.noc.Network;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.Simulation;
import org.neurotile.sim.stats.Statistics;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.NetworkSpec;

/** Runs one training example of a network under a rule on a chip, in count mode, alone or in a minibatch. */
public final class Chip {
    private final ChipModel model;
    private final ChipSpec spec;
    private final Topology topology;

    /** A tile array. */
    public Chip(ChipSpec spec) {
        this(new ChipModel.TileArray(Objects.requireNonNull(spec, "spec")));
    }

    public Chip(ChipModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.spec = model.spec();
        this.topology = model.topology();
    }

    /** The memory-bound processor baseline (see {@link ProcessorSpec}). */
    public static Chip processor(ProcessorSpec processor) {
        return new Chip(new ChipModel.Processor(processor));
    }

    /** The hardware: a tile array or the processor baseline. */
    public ChipModel model() {
        return model;
    }

    public ChipSpec spec() {
        return spec;
    }

    public Topology topology() {
        return topology;
    }

    /**
     * What one example did: where the neurons went, what every task counted, what each link carried,
     * in which word sizes. With a minibatch of {@code batch} > 1 the update tasks count the batch's
     * update, every other task one example; {@code batchCycles} is the time of a whole batch:
     * {@code batch - 1} examples without the update, then one with it ({@code run.cycles()}).
     */
    public record Example(Mapping mapping, ExampleRun run, LinkLoads links, WordSizes words, int batch,
                          long batchCycles) {
        /** A category over a whole batch: the forward and error tasks {@code batch} times, the update once. */
        public long batchTotal(Category category) {
            return batch * (run.total(category) - run.total(category, Phase.UPDATE))
                    + run.total(category, Phase.UPDATE);
        }

        /** Bytes of a word of {@code wordsMoved}: on the array the errors a neuron receives. */
        public int movedWordBytes() {
            return words.errorBytes();
        }
    }

    public Example run(NetworkSpec network, LearningRule rule, boolean biases, TraceRecorder trace) {
        return run(network, rule, biases, OptimizerCost.SGD, trace);
    }

    /** One example whose update uses {@code optimizer}: its state lives in the tiles beside the weights. */
    public Example run(NetworkSpec network, LearningRule rule, boolean biases, OptimizerCost chosen,
                       TraceRecorder trace) {
        return run(network, rule, biases, chosen, 1, trace);
    }

    /**
     * One example of a minibatch of {@code batch} examples: each tile keeps a batch buffer, and the
     * update tasks update the weights once for the whole batch (docs/counting.md). Batch 1 is one
     * example per update. The rule may bring its own optimizer ({@link LearningRule#optimizer}).
     */
    public Example run(NetworkSpec network, LearningRule rule, boolean biases, OptimizerCost chosen, int batch,
                       TraceRecorder trace) {
        return run(network, rule, biases, chosen, WordSizes.uniform(spec.tile().wordBytes()), batch, trace);
    }

    /** One example with weights, activations and errors in {@code words}' sizes. */
    public Example run(NetworkSpec network, LearningRule rule, boolean biases, OptimizerCost chosen, WordSizes words,
                       TraceRecorder trace) {
        return run(network, rule, biases, chosen, words, 1, trace);
    }

    /**
     * One example (of a minibatch of {@code batch}) with weights, activations and errors in
     * {@code words}' sizes: the footprint of weights and activations and the bytes of every message
     * follow them (counts stay in words).
     */
    public Example run(NetworkSpec network, LearningRule rule, boolean biases, OptimizerCost chosen, WordSizes words,
                       int batch, TraceRecorder trace) {
        OptimizerCost optimizer = rule.optimizer(chosen);
        Mapping mapping = mapping(network, rule, optimizer, words, batch);
        int wordBytes = spec.tile().wordBytes();
        PlanOptions options = new PlanOptions(words, biases, 0, optimizer, batch);
        TaskGraph graph = new TaskGraph();
        ForwardPlan forward = ForwardPlan.build(graph, mapping, options);
        rule.planBackward(graph, mapping, forward, options);
        Simulation simulation = new Simulation();
        Network noc = network(simulation, trace);
        ExampleRun run = new ChipExecutor(simulation, noc, spec.tile(), words).run(graph);
        long batchCycles = run.cycles();
        if (batch > 1) {
            long withoutUpdate = execute(graph.withoutPhase(Phase.UPDATE), words).cycles();
            batchCycles += (batch - 1) * withoutUpdate;
        }
        model.chargeOffChipMemory(run, wordBytes);
        ExampleTrace.record(run, trace, tile -> topology.coord(tile).toString());
        return new Example(mapping, run, LinkLoads.of(noc), words, batch, batchCycles);
    }

    /**
     * Checks, without simulating, what {@link #run} would refuse: the rule's options against the
     * network (sdfa's k and rank, fp's m, blocked-dfa's s) and whether the network fits this chip.
     * A command that runs several examples calls it for each before running the first.
     */
    public void requireRuns(NetworkSpec network, LearningRule rule, OptimizerCost chosen, WordSizes words, int batch) {
        try {
            rule.errorAssignment(network);
        } catch (InvalidInputException e) {
            boolean named = e.getMessage().startsWith("rule '");
            throw named ? e : new InvalidInputException("rule '" + rule.spec() + "': " + e.getMessage());
        }
        mapping(network, rule, rule.optimizer(chosen), words, batch);
    }

    /** Where the neurons go, after the checks that need no simulation. */
    private Mapping mapping(NetworkSpec network, LearningRule rule, OptimizerCost optimizer, WordSizes words, int batch) {
        if (batch < 1) {
            throw new InvalidInputException("the batch must be at least 1 example, got " + batch);
        }
        int wordBytes = spec.tile().wordBytes();
        if (words.wordBytes() != wordBytes) {
            throw new IllegalArgumentException("word sizes for " + words.wordBytes() + "-byte words on a chip of "
                    + wordBytes + "-byte words");
        }
        model.requireWordSizes(words);
        StorageModel storage = rule.storage(network, wordBytes).withOptimizerState(optimizer, network, wordBytes)
                .withWordSizes(network, words).withBatchBuffer(batch, words.errorBytes());
        Mapping mapping;
        try {
            mapping = map(network, rule, storage);
        } catch (MappingDoesNotFitException e) {
            throw batch > 1 ? e.withBatch(batch) : e;
        }
        rule.requireSupported(mapping);
        return mapping;
    }

    private Mapping map(NetworkSpec network, LearningRule rule, StorageModel storage) {
        return switch (spec.mapping()) {
            case CONTIGUOUS -> Mapping.contiguous(network, storage, topology.tileCount(), spec.tile().memoryBytes(),
                    spec.convMapping());
            case ERROR_GROUPED -> Mapping.errorGrouped(network, storage, topology.tileCount(),
                    spec.tile().memoryBytes(), rule.errorAssignment(network)
                            .orElseThrow(() -> new InvalidInputException("mapping 'error-grouped' "
                                    + "needs a rule fed back from the output error (dfa, sdfa, ssdfa, ...), not '"
                                    + rule.spec() + "'")), spec.convMapping());
        };
    }

    /** Times a graph on a fresh simulation of this chip's network, untraced. */
    private ExampleRun execute(TaskGraph graph, WordSizes words) {
        Simulation simulation = new Simulation();
        return new ChipExecutor(simulation, network(simulation, TraceRecorder.disabled()), spec.tile(), words)
                .run(graph);
    }

    /**
     * This chip's network in {@code simulation}. Its statistics are only read per link, straight from
     * the network (a snapshot by name would cost more than a small example's simulation).
     */
    private Network network(Simulation simulation, TraceRecorder trace) {
        return new Network(simulation, topology, Routings.defaultFor(topology), spec.network(), new Statistics(),
                trace);
    }
}
