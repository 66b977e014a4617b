package org.neurotile.neuron.rules.feedback;

import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.TaskGraph;

/**
 * The error and update phases of binary dfa: delta_l = (S_l e) * f'(a_l), S_l in {-1, +1} stored
 * as one bit per entry. The graph and messages are dense dfa's; the feedback product is n_L
 * additions or subtractions per neuron (no MACs) and a neuron's row is read as
 * ceil(n_L / (8 * wordBytes)) words (see {@link FeedbackEncoding#SIGN}).
 */
public final class BinaryFeedbackPlan {
    private BinaryFeedbackPlan() {
    }

    public static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        BlockedFeedbackPlan.build(graph, mapping, forward,
                FeedbackBlocks.directFeedback(mapping.network().layerCount()), FeedbackEncoding.SIGN, options);
    }
}
