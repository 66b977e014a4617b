package org.neurotile.neuron.rules.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.neurotile.neuron.plan.PlanFixture;
import org.neurotile.workloads.NetworkSpec;

class BlockedFeedbackPlanTest {

    private static PlanFixture.Rule blocks(int size) {
        return (graph, mapping, forward, options) -> BlockedFeedbackPlan.build(graph, mapping, forward, size, options);
    }

    @Test
    void thePartialBlockIsNextToTheInput() {
        FeedbackBlocks blocks = new FeedbackBlocks(5, 2); // {4, 5}, {2, 3}, {1}
        assertEquals(List.of(2, 1, 1, 0, 0), List.of(blocks.blockOf(1), blocks.blockOf(2), blocks.blockOf(3),
                blocks.blockOf(4), blocks.blockOf(5)));
        assertEquals(List.of(2, 4, 4, 5), List.of(blocks.sourceOf(1), blocks.sourceOf(2), blocks.sourceOf(3),
                blocks.sourceOf(4)));
    }

    @Test
    void aBlockSizeOutsideOneToLIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FeedbackBlocks(3, 0));
        assertThrows(IllegalArgumentException.class, () -> new FeedbackBlocks(3, 4));
    }

    @Test
    void eachLayerFeedsBackTheDeltaOfItsSource() {
        // 3-4-3-3-2 in blocks of 2: layer 3 gets e (2), layers 1 and 2 get delta_3 (3).
        ExampleRun run = PlanFixture.run(network(3, 4, 3, 3, 2), "mesh:2x2", 1 << 16, blocks(2)).run();
        assertEquals(3 * 2 + 3 * 3 + 4 * 3, run.total(Category.FEEDBACK_READS));
        assertEquals(3 * 2 + 3 * 3 + 4 * 3, run.total(Category.MACS, Phase.ERROR));
        assertEquals(2 + 3 * 2 + 3 * 3 + 4 * 3, run.total(Category.WORDS_MOVED));
        assertEquals(0, run.total(Category.WEIGHT_READS, Phase.ERROR));
    }

    @Test
    void aDeeperBlockStartsAfterItsSourceAndItsLayersRunTogether() {
        PlanFixture.Built built = PlanFixture.run(network(6, 8, 8, 8, 4), "mesh:4x4", 200, blocks(2));
        long source = PlanFixture.latestFinish(built, built.errorTasksOf(3));
        assertTrue(PlanFixture.earliestStart(built, built.errorTasksOf(2)) >= source);
        assertTrue(PlanFixture.earliestStart(built, built.errorTasksOf(1)) >= source);
        // layer 1 does not wait for layer 2: it starts before layer 2's last delta finishes
        assertTrue(PlanFixture.earliestStart(built, built.errorTasksOf(1))
                < PlanFixture.latestFinish(built, built.errorTasksOf(2)));
    }

    @Property(tries = 40)
    void blocksOfAllLayersAreDirectFeedbackAlignment(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 20) int input,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        NetworkSpec net = network(input, sizes);
        ExampleRun blocked = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, blocks(sizes.size())).run();
        ExampleRun dfa = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, (graph, mapping, forward, options) ->
                DirectFeedbackPlan.build(graph, mapping, forward, ErrorAssignment.all(net.outputs()), options)).run();
        for (Category category : Category.values()) {
            for (Phase phase : Phase.values()) {
                assertEquals(dfa.total(category, phase), blocked.total(category, phase),
                        category.id() + " " + phase.id());
            }
        }
        assertEquals(dfa.taskCount(), blocked.taskCount());
        assertEquals(dfa.cycles(), blocked.cycles());
    }

    @Property(tries = 40)
    void everyMessageIsDeliveredAndCrossesTheNetworkWhereTilesDiffer(
            @ForAll @Size(min = 2, max = 5) List<@IntRange(min = 1, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 20) int input,
            @ForAll @IntRange(min = 1, max = 5) int size,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        NetworkSpec net = network(input, sizes);
        int blockSize = Math.min(size, sizes.size());
        PlanFixture.Built built = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, blocks(blockSize));
        ExampleRun run = built.run();
        assertEquals(built.messageBytes(), run.total(Category.NOC_BYTES_INJECTED));
        FeedbackBlocks blocks = new FeedbackBlocks(sizes.size(), blockSize);
        long feedback = 0;
        for (int l = 1; l < sizes.size(); l++) {
            feedback += (long) net.neurons(l) * net.neurons(blocks.sourceOf(l));
        }
        assertEquals(feedback, run.total(Category.FEEDBACK_READS));
        int below = sizes.size() - 1;
        if (PlanFixture.tilesDiffer(built.mapping(), blocks.sourceOf(below), below)) {
            assertTrue(run.total(Category.NOC_BYTES_INJECTED, Phase.ERROR) > 0);
        }
    }
}
