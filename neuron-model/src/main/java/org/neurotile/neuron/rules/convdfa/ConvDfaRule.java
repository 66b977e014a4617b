package org.neurotile.neuron.rules.convdfa;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.feedback.FeedbackInit;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;
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

    /**
     * Per slice of a layer that computes a delta with feedback: a dense row of n_s entries per unit,
     * or one kernel row of (C_s / G) K^2 entries per target channel it covers (a channel split over
     * slices has its kernel row in each), in {@link FeedbackEncoding#rowWords} words.
     */
    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        ConvDfaLayout layout = layout(network);
        FeedbackEncoding encoding = encoding();
        return StorageModel.weightsOnly(network, wordBytes).withSliceFeedbackBytes((l, first, count) -> {
            if (l == network.layerCount() || layout.sources()[l] == 0) {
                return 0;
            }
            if (layout.convolved()[l]) {
                return layout.windows(l).channels(first, count) * encoding.rowWords(layout.taps(l), wordBytes)
                        * wordBytes;
            }
            return count * encoding.rowWords(layout.deltas(layout.sources()[l]), wordBytes) * wordBytes;
        });
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
        requireSupported(mapping);
        ConvDfaPlan.build(graph, mapping, forward, layout(mapping.network()), encoding(), options);
    }

    /** Its feedback windows and the deltas a source tile holds are arithmetic on CHW units: no blocked order. */
    @Override
    public void requireSupported(Mapping mapping) {
        for (int l = 1; l <= mapping.network().layerCount(); l++) {
            if (!mapping.cut(l).channelMajor()) {
                throw new InvalidInputException("rule '" + UserText.shown(given) + "' is not modelled under conv"
                        + " mapping rows, which cuts layer " + l + " into blocks of " + mapping.cut(l).blockChannels()
                        + " channels (valid with it: copies, single)");
            }
        }
    }

    @Override
    public Optional<ClosedForm> closedForm(NetworkSpec network, ChipKind chip) {
        return chip == ChipKind.TILE_ARRAY && !sign ? Optional.of(ConvDfaClosedForm.of(layout(network)))
                : Optional.empty();
    }
}
