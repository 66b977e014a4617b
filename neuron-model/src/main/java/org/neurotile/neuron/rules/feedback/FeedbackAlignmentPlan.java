package org.neurotile.neuron.rules.feedback;

import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.TaskGraph;

/**
 * The error and update phases of fa: delta_l = (B_l delta_{l+1}) * f'(a_l), B_l fixed n_l x
 * n_{l+1}, row i held with neuron i. Layers run strictly one after another backwards: the tiles of
 * layer l+1 each multicast their slice of delta_{l+1} to every tile of layer l (for l = L-1 the
 * output task multicasts all of e, which it holds), and each layer-l tile computes its neurons' rows
 * of B_l times delta_{l+1}: c * n_{l+1} feedback reads and MACs. No forward weight is read for the
 * error (no weight transport). This is {@link BlockedFeedbackPlan} with blocks of one layer; the
 * counting conventions are there.
 */
public final class FeedbackAlignmentPlan {
    private FeedbackAlignmentPlan() {
    }

    public static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        BlockedFeedbackPlan.build(graph, mapping, forward,
                FeedbackBlocks.feedbackAlignment(mapping.network().layerCount()), FeedbackEncoding.DENSE, options);
    }
}
