package org.neurotile.neuron.rules.directional;

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
import org.neurotile.neuron.rules.RuleTraining;
import org.neurotile.neuron.rules.directional.DirectionalFeedback;
import org.neurotile.neuron.rules.feedback.FeedbackStorage;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

/**
 * Directional dfa on the chip: dfa's storage (a dense feedback row of n_L words per hidden neuron,
 * learned rather than fixed), plus v_l (one word per hidden neuron, kept from the forward pass to
 * the feedback update) and, per tile and layer l &gt; 1, the arriving d_{l-1} beside h_{l-1}; and
 * {@link DirectionalFeedbackPlan}.
 *
 * @param computeZeroProduct whether layer 1 computes W_1 d_0 although d_0 = 0 (the spec's count:
 *     the forward product twice on every layer) or skips it (d_1 = v_1)
 * @param directFeedback dfa as the registry gives it, whose storage this rule keeps
 */
public record DirectionalFeedbackRule(String spec, DirectionalFeedback learning, boolean computeZeroProduct,
                                      LearningRule directFeedback) implements LearningRule {

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        int layers = network.layerCount();
        return directFeedback.storage(network, wordBytes).withMoreActivationBytes(
                layer -> layer < layers ? wordBytes : 0, layer -> layer > 1 ? wordBytes : 0);
    }

    /** Its update multiplies the forward weights as dense matrices (W_l d_{l-1}), which a convolution is not yet. */
    @Override
    public void requireSupported(NetworkSpec network) {
        for (int l = 1; l <= network.layerCount(); l++) {
            if (!(network.layer(l) instanceof Dense)) {
                throw new InvalidInputException("rule '" + spec + "' works on dense layers only: layer " + l + " of "
                        + network.name() + " is " + network.layer(l).kind());
            }
        }
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return Optional.of(ErrorAssignment.all(network.outputs()));
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        return Optional.of(DirectionalFeedback.initial(network));
    }

    @Override
    public RuleTraining training(RuleTraining.Run run) {
        return new DirectionalTraining(learning, run.feedback(this).orElseThrow(), run.chosenOptimizer());
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        DirectionalFeedbackPlan.build(graph, mapping, forward, computeZeroProduct, options);
    }
}
