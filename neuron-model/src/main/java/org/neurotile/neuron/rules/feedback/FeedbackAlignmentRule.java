package org.neurotile.neuron.rules.feedback;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.workloads.NetworkSpec;

/** fa on the chip: a fixed B_l of n_l x n_{l+1} per layer, starting as {@code init}, {@link FeedbackAlignmentPlan}. */
record FeedbackAlignmentRule(String spec, FeedbackInit init) implements LearningRule {

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        return FeedbackStorage.feedbackAlignment(network, wordBytes);
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return Optional.empty();
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        FeedbackBlocks blocks = FeedbackBlocks.feedbackAlignment(network.layerCount());
        return Optional.of(init == FeedbackInit.WEIGHTS_PRODUCT ? FixedFeedback.weightsProduct(network, blocks, initial)
                : FixedFeedback.dense(network, blocks, seed, init));
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        FeedbackAlignmentPlan.build(graph, mapping, forward, options);
    }
}
