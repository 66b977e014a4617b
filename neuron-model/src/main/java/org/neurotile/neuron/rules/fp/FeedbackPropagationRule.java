package org.neurotile.neuron.rules.fp;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.rules.feedback.FeedbackInit;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;
import org.neurotile.workloads.NetworkSpec;

/**
 * fp on the chip ({@link FeedbackPropagation}, {@link FeedbackPropagationPlan}).
 *
 * @param given the spec as the user gave it, for errors
 * @param depth m: the layers that use bp, checked against a network when one is given
 */
record FeedbackPropagationRule(String spec, String given, int depth, FeedbackInit init) implements LearningRule {

    private FeedbackPropagation over(int layers) {
        if (depth < 0 || depth > layers) {
            throw new InvalidInputException("rule '" + UserText.shown(given) + "': m=" + depth + " is outside 0.."
                    + layers + " (the network's layers; m = 0 or 1 is dfa, m = " + layers + " is bp)");
        }
        return new FeedbackPropagation(layers, depth);
    }

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        return over(network.layerCount()).storage(network, wordBytes);
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return Optional.empty();
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        return Optional.of(over(network.layerCount()).feedback(network, seed, init));
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        FeedbackPropagationPlan.build(graph, mapping, forward, over(mapping.network().layerCount()), options);
    }
}
