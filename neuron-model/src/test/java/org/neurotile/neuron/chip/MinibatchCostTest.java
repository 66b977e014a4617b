package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.plan.MappingDoesNotFitException;
import org.neurotile.neuron.plan.MemoryKind;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;

/** What a minibatch costs on the tile array. */
class MinibatchCostTest {
    private static final ChipSpec SMALL = chip(6, 16384);

    private static ChipSpec chip(int side, long memoryBytes) {
        return new ChipSpec(new GridShape(side, side), "mesh", NocParameters.DEFAULTS,
                new TileParameters(memoryBytes, 4, 2, 4, 16, 4), ChipSpec.MappingKind.CONTIGUOUS);
    }

    @Provide
    Arbitrary<String> rules() {
        return Arbitraries.of("bp", "bp:reads=shared", "fa", "dfa", "sdfa:k=2", "ssdfa", "binary-dfa",
                "blocked-dfa:s=1", "fp:m=1", "directional-dfa", "hybrid:p=0.3", "hybrid:p=0.3,step=bp");
    }

    private static NetworkSpec network(int input, List<Integer> sizes, int outputs) {
        List<Layer> layers = new ArrayList<>();
        for (int size : sizes) {
            layers.add(Dense.of(Math.max(size, outputs), Activation.RELU));
        }
        layers.add(Dense.of(outputs, Activation.IDENTITY));
        return new NetworkSpec("random", input, layers);
    }

    private static long parameters(NetworkSpec net, boolean biases) {
        long parameters = 0;
        for (int l = 1; l <= net.layerCount(); l++) {
            parameters += net.weights(l) + (biases ? net.neurons(l) : 0);
        }
        return parameters;
    }

    @Property(tries = 80)
    void aBatchWritesEveryWeightOnceAndEachExampleKeepsItsForwardAndErrorWork(
            @ForAll("rules") String rule,
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 24) Integer> hidden,
            @ForAll @IntRange(min = 1, max = 24) int input,
            @ForAll @IntRange(min = 2, max = 6) int outputs,
            @ForAll @IntRange(min = 1, max = 32) int batch,
            @ForAll("optimizers") OptimizerCost optimizer,
            @ForAll boolean biases) {
        NetworkSpec net = network(input, hidden, outputs);
        Chip chip = new Chip(SMALL);
        Chip.Example one;
        Chip.Example batched;
        try {
            one = chip.run(net, LearningRules.parse(rule, 3), biases, optimizer, 1, TraceRecorder.disabled());
            batched = chip.run(net, LearningRules.parse(rule, 3), biases, optimizer, batch, TraceRecorder.disabled());
        } catch (MappingDoesNotFitException e) {
            return;
        }
        long parameters = parameters(net, biases);
        assertEquals(parameters, batched.batchTotal(Category.WEIGHT_WRITES), "every weight written once a batch");
        if (batch > 1) {
            assertEquals(parameters, batched.batchTotal(Category.WEIGHT_READS) - batch * (one.run().total(
                    Category.WEIGHT_READS) - one.run().total(Category.WEIGHT_READS, Phase.UPDATE)),
                    "read once a batch for the update, even by bp:reads=shared");
        }
        assertEquals((double) parameters / batch,
                (double) batched.batchTotal(Category.WEIGHT_WRITES) / batch, 1e-9, "|W| / B per example");
        OptimizerCost used = LearningRules.parse(rule, 3).optimizer(optimizer); // hybrid brings split momentum
        assertEquals(parameters * used.macsPerWeight(batch), batched.run().total(Category.MACS, Phase.UPDATE));
        assertEquals(parameters * used.stateWritesPerWeight(), batched.run().total(Category.OPTIMIZER_WRITES));
        // Whatever tiles the batch buffer moves neurons to, an example's arithmetic and weights stay.
        for (Phase phase : List.of(Phase.FORWARD, Phase.ERROR)) {
            for (Category category : List.of(Category.MACS, Category.WEIGHT_READS, Category.FEEDBACK_READS,
                    Category.OFF_CHIP_BYTES)) {
                assertEquals(one.run().total(category, phase), batched.run().total(category, phase),
                        phase.id() + " " + category.id());
            }
        }
        assertEquals(batch * one.run().total(Category.MACS, Phase.FORWARD),
                CountSummary.ofBatch(batched, 4).byPhase().get(Phase.FORWARD).get(Category.MACS));
    }

    @Test
    void withTheSameMappingEveryForwardAndErrorTaskCountsAsWithoutABatch() {
        NetworkSpec net = network(12, List.of(10, 8), 4);
        Chip chip = new Chip(chip(2, 1 << 20)); // one tile holds everything, whatever the batch
        for (String rule : List.of("bp", "dfa", "ssdfa", "fa")) {
            ExampleRun one = chip.run(net, LearningRules.parse(rule, 3), true, OptimizerCost.ADAM, 1,
                    TraceRecorder.disabled()).run();
            ExampleRun batched = chip.run(net, LearningRules.parse(rule, 3), true, OptimizerCost.ADAM, 8,
                    TraceRecorder.disabled()).run();
            assertEquals(one.taskCount(), batched.taskCount());
            for (int task = 0; task < one.taskCount(); task++) {
                if (one.phaseOf(task) == Phase.UPDATE) {
                    continue;
                }
                for (Category category : Category.values()) {
                    assertEquals(one.count(task, category), batched.count(task, category),
                            rule + " task " + task + " " + category.id());
                }
            }
        }
    }

    @Test
    void aBatchOfOneIsTheExampleWithoutABatch() {
        NetworkSpec net = Workloads.resolve("mnist-fc");
        Chip chip = new Chip(ChipSpec.DEFAULTS);
        Chip.Example plain = chip.run(net, LearningRules.parse("ssdfa", 1), true, OptimizerCost.MOMENTUM,
                TraceRecorder.disabled());
        Chip.Example one = chip.run(net, LearningRules.parse("ssdfa", 1), true, OptimizerCost.MOMENTUM, 1,
                TraceRecorder.disabled());
        assertEquals(plain.run().cycles(), one.batchCycles());
        assertEquals(CountSummary.of(plain.run(), 4), CountSummary.ofBatch(one, 4));
    }

    @Test
    void theBatchUpdateAccumulatesBProductsReadsTheBufferAndUpdatesOnce() {
        NetworkSpec net = network(12, List.of(10), 4);
        Chip.Example example = new Chip(SMALL).run(net, LearningRules.parse("dfa", 3), false, OptimizerCost.SGD, 5,
                TraceRecorder.disabled());
        ExampleRun run = example.run();
        long weights = 12 * 10 + 10 * 4;
        assertEquals(weights * (5 + 1 + 1), run.total(Category.MACS, Phase.UPDATE),
                "5 products, the 1/B scaling and w -= lr g");
        assertEquals(weights, run.total(Category.WEIGHT_READS, Phase.UPDATE));
        assertEquals(5L * (10 + 4), run.total(Category.ERROR_WRITES, Phase.UPDATE), "each example's deltas");
        assertEquals(5L * (10 + 4), run.total(Category.ERROR_READS, Phase.UPDATE));
    }

    @Test
    void bpCannotShareTheErrorPhasesWeightReadWithABatchsUpdate() {
        NetworkSpec net = network(12, List.of(10), 4);
        Chip chip = new Chip(SMALL);
        long shared = chip.run(net, LearningRules.parse("bp:reads=shared", 3), false, OptimizerCost.SGD, 1,
                TraceRecorder.disabled()).run().total(Category.WEIGHT_READS, Phase.UPDATE);
        long batched = chip.run(net, LearningRules.parse("bp:reads=shared", 3), false, OptimizerCost.SGD, 4,
                TraceRecorder.disabled()).run().total(Category.WEIGHT_READS, Phase.UPDATE);
        assertEquals(12 * 10, shared, "batch 1: layer 2's weights were read by the propagation");
        assertEquals(12 * 10 + 10 * 4, batched);
    }

    @Test
    void aBatchAmortizesTheUpdateOverItsExamples() {
        NetworkSpec net = Workloads.resolve("mnist-fc");
        Chip chip = new Chip(ChipSpec.DEFAULTS);
        Chip.Example one = chip.run(net, LearningRules.parse("dfa", 1), true, OptimizerCost.SGD, 1,
                TraceRecorder.disabled());
        Chip.Example batched = chip.run(net, LearningRules.parse("dfa", 1), true, OptimizerCost.SGD, 16,
                TraceRecorder.disabled());
        assertTrue(batched.batchCycles() < 16 * one.batchCycles(),
                batched.batchCycles() + " cycles for 16 examples against " + one.batchCycles() + " for one");
        assertTrue(batched.batchCycles() > 4 * one.batchCycles(), "each example's own phases still take time");
    }

    @Test
    void theBatchBufferIsPartOfEachTilesFootprint() {
        NetworkSpec net = network(12, List.of(10), 4);
        Chip chip = new Chip(chip(2, 1 << 20)); // all on tile 0
        long one = chip.run(net, LearningRules.parse("dfa", 3), true, OptimizerCost.SGD, 1, TraceRecorder.disabled())
                .mapping().footprintBytes(0, MemoryKind.ACTIVATIONS);
        long batched = chip.run(net, LearningRules.parse("dfa", 3), true, OptimizerCost.SGD, 8, TraceRecorder.disabled())
                .mapping().footprintBytes(0, MemoryKind.ACTIVATIONS);
        assertEquals(4L * (7 * (12 + 10) + 8 * (10 + 4)), batched - one,
                "7 more copies of each layer's inputs, 8 deltas per neuron");
    }

    @Test
    void aBatchThatDoesNotFitSaysTheBatchTakesTheMemory() {
        NetworkSpec net = Workloads.resolve("mnist-fc");
        MappingDoesNotFitException e = assertThrows(MappingDoesNotFitException.class, () -> new Chip(chip(4, 256 << 10))
                .run(net, LearningRules.parse("dfa", 1), true, OptimizerCost.SGD, 512, TraceRecorder.disabled()));
        assertTrue(e.getMessage().contains("a batch of 512 keeps the inputs and deltas of 512 examples in every tile"),
                e.getMessage());
    }

    @Provide
    Arbitrary<OptimizerCost> optimizers() {
        return Arbitraries.of(OptimizerCost.SGD, OptimizerCost.MOMENTUM, OptimizerCost.ADAM);
    }
}
