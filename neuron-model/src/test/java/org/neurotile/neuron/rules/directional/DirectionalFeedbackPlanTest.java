package org.neurotile.neuron.rules.directional;

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
import org.neurotile.neuron.plan.PlanFixture;
import org.neurotile.neuron.rules.feedback.DirectFeedbackPlan;
import org.neurotile.workloads.NetworkSpec;

class DirectionalFeedbackPlanTest {

    private static PlanFixture.Rule directional(boolean computeZeroProduct) {
        return (graph, mapping, forward, options) -> DirectionalFeedbackPlan.build(graph, mapping, forward,
                computeZeroProduct, options);
    }

    private static PlanFixture.Rule dfa(NetworkSpec net) {
        return (graph, mapping, forward, options) -> DirectFeedbackPlan.build(graph, mapping, forward,
                ErrorAssignment.all(net.outputs()), options);
    }

    /** Costs on top of dfa, per the spec: the forward product twice, feedback writes, d_L beside e. */
    @Property(tries = 40)
    void itCostsDfaPlusTheSecondForwardProductFeedbackWritesAndDL(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 20) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 20) int input,
            @ForAll boolean computeZeroProduct,
            @ForAll @IntRange(min = 16, max = 256) int memoryWords) {
        NetworkSpec net = network(input, sizes);
        ExampleRun dfa = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, dfa(net)).run();
        ExampleRun ddfa = PlanFixture.run(net, "mesh:8x8", memoryWords * 16L, directional(computeZeroProduct)).run();
        long outputs = net.outputs();
        long hidden = 0;
        for (int l = 1; l < net.layerCount(); l++) {
            hidden += net.neurons(l);
        }
        long products = net.totalTrainableWeights() - (computeZeroProduct ? 0 : net.weights(1));
        assertEquals(dfa.total(Category.MACS, Phase.FORWARD) + products, ddfa.total(Category.MACS, Phase.FORWARD));
        assertEquals(dfa.total(Category.WEIGHT_READS, Phase.FORWARD) + products,
                ddfa.total(Category.WEIGHT_READS, Phase.FORWARD));
        assertEquals(hidden * outputs, ddfa.total(Category.FEEDBACK_WRITES));
        assertEquals(dfa.total(Category.FEEDBACK_READS), ddfa.total(Category.FEEDBACK_READS));
        assertEquals(dfa.total(Category.MACS, Phase.ERROR) + 2 * hidden * outputs, ddfa.total(Category.MACS, Phase.ERROR));
        assertEquals(dfa.total(Category.WORDS_MOVED) + hidden * outputs, ddfa.total(Category.WORDS_MOVED));
        for (Category category : Category.values()) {
            assertEquals(dfa.total(category, Phase.UPDATE), ddfa.total(category, Phase.UPDATE), category.id());
        }
    }

    @Test
    void theForwardMessagesCarryTheSecondVector() {
        NetworkSpec net = network(6, 8, 8, 4);
        PlanFixture.Built built = PlanFixture.run(net, "mesh:4x4", 200, directional(true));
        ExampleRun dfa = PlanFixture.run(net, "mesh:4x4", 200, dfa(net)).run();
        assertEquals(built.messageBytes(), built.run().total(Category.NOC_BYTES_INJECTED));
        assertTrue(built.run().total(Category.NOC_BYTES_INJECTED, Phase.FORWARD)
                > dfa.total(Category.NOC_BYTES_INJECTED, Phase.FORWARD));
        assertTrue(built.run().cycles() > dfa.cycles(), "the second vector takes time");
    }
}
