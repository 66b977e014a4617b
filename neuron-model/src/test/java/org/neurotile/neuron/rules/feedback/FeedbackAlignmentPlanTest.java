package org.neurotile.neuron.rules.feedback;

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
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.plan.PlanFixture;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class FeedbackAlignmentPlanTest {
    private static final PlanFixture.Rule FA = FeedbackAlignmentPlan::build;

    /** 3-4-3-2 in 60-byte tiles: layer 1 on tiles 0-1 (2 each), layer 2 on tiles 2-4 (1 each), layer 3 on tile 5. */
    private static PlanFixture.Built small() {
        PlanFixture.Built built = PlanFixture.run(network(3, 4, 3, 2), "mesh:4x2", 60, FA);
        assertEquals(List.of(new Placement(0, 1, 0, 2), new Placement(1, 1, 2, 2), new Placement(2, 2, 0, 1),
                new Placement(3, 2, 1, 1), new Placement(4, 2, 2, 1), new Placement(5, 3, 0, 2)),
                built.mapping().placements());
        return built;
    }

    @Test
    void errorPhaseOfASmallNetworkCountsAsByHand() {
        ExampleRun run = small().run();
        assertEquals(3 * 2 + 4 * 3, run.total(Category.FEEDBACK_READS)); // B_2 is 3x2, B_1 4x3
        assertEquals(3 * 2 + 4 * 3, run.total(Category.MACS, Phase.ERROR));
        // e at the output task, its slice on tile 5, delta_3 on each layer-2 tile, delta_2 on each layer-1 tile
        assertEquals(2 + 2 + 3 * 2 + 2 * 3, run.total(Category.ERROR_WRITES, Phase.ERROR));
        assertEquals(2 + 3 * 2 + 4 * 3, run.total(Category.WORDS_MOVED));
        // e multicast once to tiles 2-4, then each layer-2 tile its word to tiles 0-1 as one multicast
        assertEquals(2 * 4 + 3 * 4, run.total(Category.NOC_BYTES_INJECTED, Phase.ERROR));
    }

    @Test
    void theErrorPhaseReadsNoForwardWeight() {
        assertEquals(0, small().run().total(Category.WEIGHT_READS, Phase.ERROR));
    }

    @Test
    void eachLayersErrorStartsOnlyAfterTheLayerAbove() {
        PlanFixture.Built built = PlanFixture.run(network(6, 8, 8, 8, 4), "mesh:4x4", 200, FA);
        for (int l = 1; l < 4; l++) {
            long above = PlanFixture.latestFinish(built, built.errorTasksOf(l + 1));
            assertTrue(PlanFixture.earliestStart(built, built.errorTasksOf(l)) >= above, "layer " + l);
        }
    }

    @Test
    void aFrozenLayerStillFeedsTheErrorBackToATrainedLayerBelow() {
        NetworkSpec net = new NetworkSpec("frozen", 3, List.of(Dense.of(4, Activation.RELU),
                new Dense(5, Activation.RELU, false), Dense.of(2, Activation.IDENTITY)));
        ExampleRun run = PlanFixture.run(net, "mesh:2x2", 1 << 16, FA).run();
        assertEquals(5 * 2 + 4 * 5, run.total(Category.FEEDBACK_READS));
        assertEquals(2 + 4 * 5, run.total(Category.WORDS_MOVED)); // the frozen layer is not updated
        assertEquals(3 * 4 + 5 * 2, run.total(Category.WEIGHT_WRITES));
    }

    @Property(tries = 30)
    void withOneHiddenLayerItIsDirectFeedbackAlignment(
            @ForAll @IntRange(min = 1, max = 30) int hidden,
            @ForAll @IntRange(min = 1, max = 10) int outputs,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        NetworkSpec net = network(7, hidden, outputs);
        ExampleRun fa = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, FA).run();
        ExampleRun dfa = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, (graph, mapping, forward, options) ->
                DirectFeedbackPlan.build(graph, mapping, forward, ErrorAssignment.all(outputs), options)).run();
        for (Category category : Category.values()) {
            assertEquals(dfa.total(category), fa.total(category), category.id());
        }
        assertEquals(dfa.cycles(), fa.cycles());
    }

    @Property(tries = 30)
    void everyMessageIsDelivered(
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        PlanFixture.Built built = PlanFixture.run(network(5, sizes), "mesh:8x8", memoryWords * 16L, FA);
        assertEquals(built.messageBytes(), built.run().total(Category.NOC_BYTES_INJECTED));
    }
}
