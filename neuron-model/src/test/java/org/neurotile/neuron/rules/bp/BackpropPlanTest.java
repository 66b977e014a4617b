package org.neurotile.neuron.rules.bp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurotile.neuron.plan.PlanFixture.network;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.plan.PlanFixture;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class BackpropPlanTest {
    private static final PlanFixture.Rule SEPARATE = BackpropPlan::build;
    private static final PlanFixture.Rule SHARED = (graph, mapping, forward, options) ->
            BackpropPlan.build(graph, mapping, forward, BackpropPlan.WeightReads.SHARED, options);

    /** 3-4-2 in 60-byte tiles: layer 1 on tiles 0 and 1 (2 neurons each), layer 2 on tiles 2 and 3 (1 each). */
    private static PlanFixture.Built small(PlanFixture.Rule rule) {
        PlanFixture.Built built = PlanFixture.run(network(3, 4, 2), "mesh:4x2", 60, rule);
        assertEquals(List.of(new Placement(0, 1, 0, 2), new Placement(1, 1, 2, 2), new Placement(2, 2, 0, 1),
                new Placement(3, 2, 1, 1)), built.mapping().placements());
        return built;
    }

    @Test
    void errorPhaseOfASmallNetworkCountsAsByHand() {
        ExampleRun run = small(SEPARATE).run();
        assertEquals(2 * 4, run.total(Category.WEIGHT_READS, Phase.ERROR)); // W_2 once, for the partial sums
        assertEquals(2 * 4, run.total(Category.MACS, Phase.ERROR));
        assertEquals(2 * 2, run.total(Category.ADDS, Phase.ERROR)); // two partials per layer-1 neuron
        assertEquals(2 + 2 + 2 * 4, run.total(Category.ERROR_WRITES, Phase.ERROR)); // e, its slices, partials
        assertEquals(2 + 2 * 4, run.total(Category.WORDS_MOVED));
        assertEquals(4, run.total(Category.ELEMENTWISE_OPS, Phase.ERROR) - 2 * 2); // f' of layer 1; e's softmax
        // e to tile 3 (tile 2 holds the output task), and each output tile 2 partials to each layer-1 tile
        assertEquals(4 + 4 * 2 * 4, run.total(Category.NOC_BYTES_INJECTED, Phase.ERROR));
    }

    @Test
    void separateReadsReadEveryWeightForTheUpdateAgain() {
        ExampleRun run = small(SEPARATE).run();
        assertEquals(3 * 4 + 4 * 2, run.total(Category.WEIGHT_READS, Phase.UPDATE));
        assertEquals(3 * 4 + 4 * 2, run.total(Category.WEIGHT_WRITES, Phase.UPDATE));
        assertEquals(3 * 4 + 4 * 2, run.total(Category.MACS, Phase.UPDATE));
    }

    @Test
    void sharedReadsReadTheUpperLayersWeightsOnceForErrorAndUpdate() {
        ExampleRun separate = small(SEPARATE).run();
        ExampleRun shared = small(SHARED).run();
        assertEquals(3 * 4, shared.total(Category.WEIGHT_READS, Phase.UPDATE)); // only W_1: nothing propagates below it
        assertEquals(separate.total(Category.WEIGHT_READS) - 4 * 2, shared.total(Category.WEIGHT_READS));
        assertEquals(separate.total(Category.WEIGHT_WRITES), shared.total(Category.WEIGHT_WRITES));
        assertEquals(separate.total(Category.MACS), shared.total(Category.MACS));
    }

    @Test
    void sharedReadsStillReadTheBiases() {
        PlanOptions biases = new PlanOptions(4, true, 0);
        ExampleRun run = PlanFixture.run(network(3, 4, 2), "mesh:4x2", 4096, biases, SHARED).run();
        assertEquals(3 * 4 + 4 + 2, run.total(Category.WEIGHT_READS, Phase.UPDATE));
        assertEquals(3 * 4 + 4 + 4 * 2 + 2, run.total(Category.WEIGHT_WRITES, Phase.UPDATE));
    }

    @Test
    void eachLayersErrorStartsOnlyAfterTheLayerAbove() {
        PlanFixture.Built built = PlanFixture.run(network(6, 8, 8, 8, 4), "mesh:4x4", 200, SEPARATE);
        for (int l = 1; l < 4; l++) {
            long above = PlanFixture.latestFinish(built, built.errorTasksOf(l + 1));
            assertTrue(PlanFixture.earliestStart(built, built.errorTasksOf(l)) >= above, "layer " + l);
        }
    }

    @Test
    void theUpdateOfALayerWaitsUntilItsWeightsWereReadForTheError() {
        ExampleRun run = PlanFixture.run(network(6, 8, 8, 4), "mesh:4x4", 200, SEPARATE).run();
        int checked = 0;
        for (int update = 0; update < run.taskCount(); update++) {
            for (int read = 0; read < run.taskCount(); read++) {
                if (run.phaseOf(update) == Phase.UPDATE && run.phaseOf(read) == Phase.ERROR
                        && run.count(read, Category.WEIGHT_READS) > 0 && run.tileOf(read) == run.tileOf(update)
                        && run.layerOf(read) == run.layerOf(update)) {
                    assertTrue(run.startCycles(update) >= run.finishCycles(read));
                    checked++;
                }
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void aFrozenLayerPropagatesTheErrorButIsNotUpdated() {
        NetworkSpec net = new NetworkSpec("frozen", 3, List.of(Dense.of(4, Activation.RELU),
                new Dense(5, Activation.RELU, false), Dense.of(2, Activation.IDENTITY)));
        ExampleRun run = PlanFixture.run(net, "mesh:2x2", 1 << 16, SEPARATE).run();
        assertEquals(2 * 5 + 5 * 4, run.total(Category.WEIGHT_READS, Phase.ERROR));
        assertEquals(3 * 4 + 5 * 2, run.total(Category.WEIGHT_WRITES, Phase.UPDATE));
        assertEquals(2 + 4, run.total(Category.WORDS_MOVED)); // one tile: one partial per neuron
    }

    @Test
    void nothingPropagatesBelowTheLowestTrainedLayer() {
        NetworkSpec net = new NetworkSpec("transfer", 3, List.of(new Dense(4, Activation.RELU, false),
                Dense.of(5, Activation.RELU), Dense.of(2, Activation.IDENTITY)));
        PlanFixture.Built built = PlanFixture.run(net, "mesh:2x2", 1 << 16, SEPARATE);
        assertEquals(List.of(), built.errorTasksOf(1));
        assertEquals(2 * 5, built.run().total(Category.WEIGHT_READS, Phase.ERROR));
    }

    @Property(tries = 40)
    void everyMessageIsDeliveredAndCrossesTheNetworkWhereTilesDiffer(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 20) int input,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        NetworkSpec net = network(input, sizes);
        PlanFixture.Built built = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, SEPARATE);
        ExampleRun run = built.run();
        assertEquals(built.graph().taskCount(), run.taskCount());
        assertEquals(built.messageBytes(), run.total(Category.NOC_BYTES_INJECTED));
        int layers = net.layerCount();
        if (layers > 1 && PlanFixture.tilesDiffer(built.mapping(), layers, layers - 1)) {
            assertTrue(run.total(Category.NOC_BYTES_INJECTED, Phase.ERROR) > 0);
        }
    }

    @Property(tries = 40)
    void eachHiddenNeuronMovesOnePartialSumPerTileOfTheLayerAbove(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 20) int input,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        NetworkSpec net = network(input, sizes);
        PlanFixture.Built built = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, SEPARATE);
        ExampleRun run = built.run();
        long partials = 0;
        for (int l = 1; l < net.layerCount(); l++) {
            partials += (long) net.neurons(l) * built.mapping().placementsOf(l + 1).size();
        }
        assertEquals(net.outputs() + partials, run.total(Category.WORDS_MOVED));
    }

    @Property(tries = 40)
    void theErrorReadsAndMultipliesEveryWeightAboveTheFirstLayerOnce(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 20) int input,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        NetworkSpec net = network(input, sizes);
        PlanFixture.Built built = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, SEPARATE);
        ExampleRun run = built.run();
        assertEquals(net.totalTrainableWeights() - net.weights(1), run.total(Category.WEIGHT_READS, Phase.ERROR));
        assertEquals(net.totalTrainableWeights() - net.weights(1), run.total(Category.MACS, Phase.ERROR));
        assertEquals(net.totalTrainableWeights(), run.total(Category.WEIGHT_READS, Phase.UPDATE));
    }
}
