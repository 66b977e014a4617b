package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipExecutor;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.chip.ProcessorSpec;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.MemoryKind;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.noc.Network;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.Simulation;
import org.neurotile.sim.stats.Statistics;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;

class WordSizesTest {
    private static final NetworkSpec MNIST = NetworkCatalog.get("mnist-fc");
    private static final Chip CHIP = new Chip(new ChipSpec(new GridShape(8, 8), "mesh", NocParameters.DEFAULTS,
            TileParameters.DEFAULTS, ChipSpec.MappingKind.CONTIGUOUS));

    private static Chip.Example run(String rule, WordSizes words) {
        return CHIP.run(MNIST, LearningRules.parse(rule, 1), true, OptimizerCost.SGD, words, TraceRecorder.disabled());
    }

    private static long footprint(Chip.Example example, MemoryKind kind) {
        long bytes = 0;
        for (int tile = 0; tile < example.mapping().tileCount(); tile++) {
            bytes += example.mapping().footprintBytes(tile, kind);
        }
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp", "fa", "dfa", "ssdfa", "blocked-dfa:s=2"})
    void errorPhaseNocBytesScaleWithTheErrorWordAndNothingElseMoves(String rule) {
        ExampleRun float32 = run(rule, WordSizes.uniform(4)).run();
        ExampleRun fixed8 = run(rule, new WordSizes(4, 4, 4, 1)).run();
        assertTrue(float32.total(Category.NOC_BYTES_INJECTED, Phase.ERROR) > 0, rule);
        assertEquals(float32.total(Category.NOC_BYTES_INJECTED, Phase.ERROR),
                4 * fixed8.total(Category.NOC_BYTES_INJECTED, Phase.ERROR), rule);
        assertEquals(float32.total(Category.NOC_BYTE_HOPS, Phase.ERROR),
                4 * fixed8.total(Category.NOC_BYTE_HOPS, Phase.ERROR), rule);
        assertEquals(float32.total(Category.NOC_BYTES_INJECTED, Phase.FORWARD),
                fixed8.total(Category.NOC_BYTES_INJECTED, Phase.FORWARD), rule);
        for (Category words : new Category[] {Category.WORDS_MOVED, Category.MACS, Category.WEIGHT_READS,
            Category.ERROR_READS}) {
            assertEquals(float32.total(words), fixed8.total(words), rule + " " + words.id());
        }
    }

    /** One dfa example on a mapping of float32 neurons, its messages in {@code words}' sizes. */
    private static ExampleRun onFixedMapping(WordSizes words) {
        Simulation simulation = new Simulation();
        Topology mesh = Topologies.parse("mesh:8x8");
        Network noc = new Network(simulation, mesh, Routings.defaultFor(mesh), NocParameters.DEFAULTS,
                new Statistics());
        Mapping mapping = Mapping.contiguous(MNIST, StorageModel.weightsOnly(MNIST, 4), mesh.tileCount(),
                TileParameters.DEFAULTS.memoryBytes());
        TaskGraph graph = new TaskGraph();
        PlanOptions options = new PlanOptions(words, true, 0, OptimizerCost.SGD);
        ForwardPlan forward = ForwardPlan.build(graph, mapping, options);
        LearningRules.parse("dfa", 1).planBackward(graph, mapping, forward, options);
        return new ChipExecutor(simulation, noc, TileParameters.DEFAULTS, words).run(graph);
    }

    @Test
    void activationWordsSizeForwardMessagesAndTheInputAtTheIoPort() {
        ExampleRun float32 = onFixedMapping(WordSizes.uniform(4));
        ExampleRun fixed16 = onFixedMapping(new WordSizes(4, 4, 2, 4));
        assertTrue(fixed16.total(Category.NOC_BYTES_INJECTED, Phase.FORWARD) > 0);
        assertEquals(float32.total(Category.NOC_BYTES_INJECTED, Phase.FORWARD),
                2 * fixed16.total(Category.NOC_BYTES_INJECTED, Phase.FORWARD));
        assertEquals(float32.total(Category.NOC_BYTES_INJECTED, Phase.ERROR),
                fixed16.total(Category.NOC_BYTES_INJECTED, Phase.ERROR));
        assertEquals((784 + 1) * 2L, fixed16.total(Category.OFF_CHIP_BYTES));
    }

    @Test
    void weightWordsSizeTheWeightFootprintAndActivationWordsTheActivations() {
        Chip.Example float32 = run("dfa", WordSizes.uniform(4));
        Chip.Example fixed8 = run("dfa", new WordSizes(4, 1, 2, 4));
        assertEquals(footprint(float32, MemoryKind.WEIGHTS), 4 * footprint(fixed8, MemoryKind.WEIGHTS));
        assertEquals(footprint(float32, MemoryKind.FEEDBACK), footprint(fixed8, MemoryKind.FEEDBACK),
                "feedback keeps the tile's word");
        assertTrue(fixed8.mapping().tilesUsed() < float32.mapping().tilesUsed(), "smaller neurons pack tighter");
    }

    @Test
    void uniformSizesAreTheTilesWord() {
        Chip.Example plain = CHIP.run(MNIST, LearningRules.parse("dfa", 1), true, TraceRecorder.disabled());
        Chip.Example uniform = run("dfa", WordSizes.uniform(4));
        for (Category category : Category.values()) {
            assertEquals(plain.run().total(category), uniform.run().total(category), category.id());
        }
        assertEquals(plain.run().cycles(), uniform.run().cycles());
    }

    @Test
    void theProcessorRefusesFixedPointWords() {
        Chip processor = Chip.processor(ProcessorSpec.DEFAULTS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> processor.run(MNIST,
                LearningRules.parse("dfa", 1), true, OptimizerCost.SGD, new WordSizes(4, 1, 4, 4),
                TraceRecorder.disabled()));
        assertTrue(e.getMessage().contains("processor"), e.getMessage());
    }
}
