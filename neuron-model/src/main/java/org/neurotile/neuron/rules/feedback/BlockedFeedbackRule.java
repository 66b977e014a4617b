package org.neurotile.neuron.rules.feedback;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.plan.FeedbackEncoding;
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
 * Blocked dfa on the chip: layers in blocks of s, each fed back from the delta above its block,
 * with dense feedback ({@link BlockedFeedbackPlan}).
 *
 * @param given the spec as the user gave it, for errors
 * @param blockLayers s: the layers per block, checked against a network when one is given
 */
record BlockedFeedbackRule(String spec, String given, int blockLayers, FeedbackInit init) implements LearningRule {

    private FeedbackBlocks blocks(int layers) {
        if (blockLayers > layers) {
            throw new InvalidInputException("rule '" + UserText.shown(given) + "': s=" + blockLayers
                    + " is more than the network's " + layers + " layers (valid: 1.." + layers + "; s = " + layers
                    + " is dfa)");
        }
        return new FeedbackBlocks(layers, blockLayers);
    }

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        return FeedbackStorage.blocked(network, wordBytes, blocks(network.layerCount()), FeedbackEncoding.DENSE);
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return Optional.empty();
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        FeedbackBlocks blocks = blocks(network.layerCount());
        return Optional.of(init == FeedbackInit.WEIGHTS_PRODUCT ? FixedFeedback.weightsProduct(network, blocks, initial)
                : FixedFeedback.dense(network, blocks, seed, init));
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        BlockedFeedbackPlan.build(graph, mapping, forward, blocks(mapping.network().layerCount()),
                FeedbackEncoding.DENSE, options);
    }
}
