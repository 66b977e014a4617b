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

/**
 * Binary dfa on the chip: sign feedback of n_L bits per hidden neuron, {@link BinaryFeedbackPlan}.
 *
 * @param alignedStart whether B_l starts as the sign of the forward weights' product rather than
 *     random (the values change, not the costs)
 * @param scale        the magnitude of the entries, folded into the learning rate (no cost either)
 */
record BinaryFeedbackRule(String spec, boolean alignedStart, SignScale scale) implements LearningRule {

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        return FeedbackStorage.binary(network, wordBytes);
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return Optional.empty();
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        return Optional.of(alignedStart ? FixedFeedback.signOfWeightsProduct(network, initial, scale)
                : FixedFeedback.signOfRandom(network, seed, scale));
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        BinaryFeedbackPlan.build(graph, mapping, forward, options);
    }
}
