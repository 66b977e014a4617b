package org.neurotile.neuron.rules.fp;

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
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.rules.bp.BackpropPlan;
import org.neurotile.neuron.rules.feedback.DirectFeedbackPlan;
import org.neurotile.neuron.rules.feedback.FeedbackStorage;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkSpec;

class FeedbackPropagationPlanTest {

    private static PlanFixture.Rule depth(int layers, int m) {
        return (graph, mapping, forward, options) -> FeedbackPropagationPlan.build(graph, mapping, forward,
                new FeedbackPropagation(layers, m), options);
    }

    private static void assertSameCounts(ExampleRun expected, ExampleRun actual) {
        for (Category category : Category.values()) {
            for (Phase phase : Phase.values()) {
                assertEquals(expected.total(category, phase), actual.total(category, phase),
                        category.id() + " " + phase.id());
            }
        }
    }

    @Test
    void theSourceIsTheShallowestOfTheLastMLayers() {
        assertEquals(List.of(5, 5, 4, 2, 1), List.of(new FeedbackPropagation(5, 0).sourceLayer(),
                new FeedbackPropagation(5, 1).sourceLayer(), new FeedbackPropagation(5, 2).sourceLayer(),
                new FeedbackPropagation(5, 4).sourceLayer(), new FeedbackPropagation(5, 5).sourceLayer()));
    }

    @Test
    void aDepthOutsideZeroToLIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FeedbackPropagation(3, -1));
        assertThrows(IllegalArgumentException.class, () -> new FeedbackPropagation(3, 4));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LearningRules.parse("fp:m=4", 1).storage(network(3, 4, 3, 2), 4));
        assertTrue(e.getMessage().contains("outside 0..3"), e.getMessage());
    }

    @Test
    void layersBelowTheSourceFeedBackItsDeltaAndTheLayersAboveUseBp() {
        // 3-4-3-3-2, m = 2: layer 3 gets W_4^T e (bp), layers 1 and 2 get B_l delta_3 (3 words).
        PlanFixture.Built built = PlanFixture.run(network(3, 4, 3, 3, 2), "mesh:2x2", 1 << 16, depth(4, 2));
        ExampleRun run = built.run();
        long senders = built.mapping().placementsOf(4).size();
        assertEquals(4 * 3 + 3 * 3, run.total(Category.FEEDBACK_READS));
        assertEquals(2 * 3, run.total(Category.WEIGHT_READS, Phase.ERROR));
        assertEquals(2 * 3 + 4 * 3 + 3 * 3, run.total(Category.MACS, Phase.ERROR));
        assertEquals(2 + senders * 3 + 3 * 3 + 4 * 3, run.total(Category.WORDS_MOVED));
        assertEquals(3 * 4 + 4 * 3 + 3 * 3 + 3 * 2, run.total(Category.WEIGHT_WRITES));
    }

    @Test
    void theFeedbackLayersStartAfterTheSourceDeltaAndRunTogether() {
        PlanFixture.Built built = PlanFixture.run(network(6, 8, 8, 8, 4), "mesh:4x4", 200, depth(4, 2));
        long source = PlanFixture.latestFinish(built, built.errorTasksOf(3));
        assertTrue(PlanFixture.earliestStart(built, built.errorTasksOf(2)) >= source);
        assertTrue(PlanFixture.earliestStart(built, built.errorTasksOf(1)) >= source);
        assertTrue(PlanFixture.earliestStart(built, built.errorTasksOf(1))
                < PlanFixture.latestFinish(built, built.errorTasksOf(2)));
    }

    @Property(tries = 40)
    void depthZeroCountsAsDfa(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 20) int input,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        NetworkSpec net = network(input, sizes);
        ExampleRun fp = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, depth(sizes.size(), 0)).run();
        ExampleRun dfa = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, (graph, mapping, forward, options) ->
                DirectFeedbackPlan.build(graph, mapping, forward, ErrorAssignment.all(net.outputs()), options)).run();
        assertSameCounts(dfa, fp);
        assertEquals(dfa.taskCount(), fp.taskCount());
    }

    @Property(tries = 40)
    void depthLIsBp(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 20) int input,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        NetworkSpec net = network(input, sizes);
        ExampleRun fp = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, depth(sizes.size(), sizes.size())).run();
        ExampleRun bp = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, BackpropPlan::build).run();
        assertSameCounts(bp, fp);
        assertEquals(bp.cycles(), fp.cycles());
    }

    @Property(tries = 40)
    void everyMessageIsDeliveredAndFeedbackReadsMatchTheRows(
            @ForAll @Size(min = 2, max = 5) List<@IntRange(min = 1, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 20) int input,
            @ForAll @IntRange(min = 0, max = 5) int m,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        NetworkSpec net = network(input, sizes);
        FeedbackPropagation rule = new FeedbackPropagation(sizes.size(), Math.min(m, sizes.size()));
        PlanFixture.Built built = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L,
                depth(sizes.size(), rule.depth()));
        ExampleRun run = built.run();
        assertEquals(built.messageBytes(), run.total(Category.NOC_BYTES_INJECTED));
        long feedback = 0;
        for (int l = 1; l < rule.sourceLayer(); l++) {
            feedback += (long) net.neurons(l) * net.neurons(rule.sourceLayer());
        }
        assertEquals(feedback, run.total(Category.FEEDBACK_READS));
        assertEquals(net.totalTrainableWeights(), run.total(Category.WEIGHT_WRITES));
        StorageModel storage = rule.storage(net, 4);
        for (int l = 1; l < sizes.size(); l++) {
            assertEquals(l < rule.sourceLayer() ? net.neurons(rule.sourceLayer()) * 4L : 0,
                    storage.feedbackBytesPerNeuron(l), "layer " + l);
        }
    }
}
