package org.neurotile.neuron.rules.convdfa;

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
import org.neurotile.neuron.rules.feedback.BlockedFeedbackPlan;
import org.neurotile.neuron.rules.feedback.FeedbackInit;
import org.neurotile.neuron.rules.feedback.FeedbackStorage;
import org.neurotile.workloads.NetworkSpec;

/**
 * Convolutional DFA, our reading of Han et al., "Extension of direct feedback alignment to
 * convolutional and recurrent neural network for bio-plausible deep learning": the layers in
 * consecutive modules ({@link ModuleOption}), dfa inside each module from its source (e for the top
 * module, the delta of the first layer of the module above for the others: blocked dfa with uneven
 * blocks), and where both the source and the layer are convolutions a fixed random convolution of
 * the source's delta map in place of a dense B_l (dilated, grouped with a channel shuffle, binary
 * with sign: {@link ConvFeedbackDraw}, {@link org.neurotile.neuron.functional.ConvFeedback}).
 *
 * @param given the spec as the user gave it, for errors against a network
 */
record ConvDfaRule(String spec, String given, ModuleOption modules, ConvFeedbackShape shape, boolean sign,
                   FeedbackInit init) implements LearningRule {

    ConvDfaLayout layout(NetworkSpec network) {
        return ConvDfaLayout.of(network, given, modules, shape);
    }

    private FeedbackEncoding encoding() {
        return sign ? FeedbackEncoding.SIGN : FeedbackEncoding.DENSE;
    }

    @Override
    public void requireSupported(NetworkSpec network) {
        layout(network);
    }

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        ConvDfaLayout layout = layout(network);
        return FeedbackStorage.blocked(network, wordBytes, layout.modules(), encoding());
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return Optional.empty();
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        return Optional.of(ConvFeedbackDraw.draw(layout(network), seed, init, sign));
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        ConvDfaLayout layout = layout(mapping.network());
        BlockedFeedbackPlan.build(graph, mapping, forward, layout.modules(), encoding(), options);
    }
}
