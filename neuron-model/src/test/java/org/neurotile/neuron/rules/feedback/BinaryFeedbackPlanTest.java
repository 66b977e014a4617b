package org.neurotile.neuron.rules.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.neurotile.neuron.plan.PlanFixture.network;

import org.junit.jupiter.api.Test;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.plan.PlanFixture;
import org.neurotile.workloads.NetworkSpec;

class BinaryFeedbackPlanTest {
    private static final PlanFixture.Rule BINARY = BinaryFeedbackPlan::build;
    private static final NetworkSpec NET = network(20, 30, 30, 40);

    private static ExampleRun dfa() {
        return PlanFixture.run(NET, "mesh:4x4", 4096, (graph, mapping, forward, options) ->
                DirectFeedbackPlan.build(graph, mapping, forward, ErrorAssignment.all(40), options)).run();
    }

    @Test
    void theFeedbackProductHasNoMacs() {
        ExampleRun run = PlanFixture.run(NET, "mesh:4x4", 4096, BINARY).run();
        assertEquals(0, run.total(Category.MACS, Phase.ERROR));
        assertEquals((30 + 30) * 40, run.total(Category.ADDS, Phase.ERROR));
    }

    @Test
    void aRowOfFortySignsIsReadAsTwoWords() {
        ExampleRun run = PlanFixture.run(NET, "mesh:4x4", 4096, BINARY).run();
        assertEquals((30 + 30) * 2, run.total(Category.FEEDBACK_READS)); // 40 bits in 32-bit words
    }

    @Test
    void errorsTravelAsInDenseDfa() {
        ExampleRun run = PlanFixture.run(NET, "mesh:4x4", 4096, BINARY).run();
        ExampleRun dense = dfa();
        assertEquals(dense.total(Category.NOC_BYTES_INJECTED), run.total(Category.NOC_BYTES_INJECTED));
        assertEquals(dense.total(Category.NOC_BYTE_HOPS), run.total(Category.NOC_BYTE_HOPS));
        assertEquals(dense.total(Category.WORDS_MOVED), run.total(Category.WORDS_MOVED));
        assertEquals(dense.total(Category.WEIGHT_READS), run.total(Category.WEIGHT_READS));
    }

    @Test
    void signRowsAreWholeWords() {
        assertEquals(1, FeedbackEncoding.SIGN.rowWords(32, 4));
        assertEquals(2, FeedbackEncoding.SIGN.rowWords(33, 4));
        assertEquals(0, FeedbackEncoding.SIGN.rowWords(0, 4));
        assertEquals(10, FeedbackEncoding.DENSE.rowWords(10, 4));
    }
}
