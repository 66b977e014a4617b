package org.neurotile.neuron.rules.cdfa;

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
import org.neurotile.neuron.rules.bp.BackpropPlan;
import org.neurotile.neuron.rules.feedback.BlockedFeedbackPlan;
import org.neurotile.neuron.rules.feedback.FeedbackBlocks;
import org.neurotile.neuron.rules.feedback.FeedbackInit;
import org.neurotile.neuron.rules.feedback.FeedbackStorage;
import org.neurotile.neuron.rules.feedback.FixedFeedback;
import org.neurotile.neuron.rules.feedback.SignScale;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.NetworkSpec;

/**
 * CDFA (Han and Yoo, "Efficient convolutional neural network training with direct feedback
 * alignment", 2019): the fully connected layers above the last convolution learn by dfa from e,
 * with B_l of n_l x n_L (by default the transposed product of the initial forward weights above l,
 * the paper's aligned start), or by binary dfa with s_l times its signs; the convolution layers
 * learn by bp from the delta of the first fully connected layer, which their bp chain can start as
 * soon as that delta is known. On a network without convolutions it is dfa (or binary dfa).
 *
 * <p>Counts: dfa's (or binary dfa's one-bit) feedback rows, error multicast and delta tasks for the
 * fully connected layers ({@link BlockedFeedbackPlan} with one block); bp's propagation (the first
 * fully connected layer's W^T delta, then the rotated kernels) and reductions below them, as
 * {@link BackpropPlan} counts them.
 *
 * @param encoding {@link FeedbackEncoding#SIGN} for binary dfa in the fully connected layers
 * @param scale    binary feedback's magnitude (unused with dense feedback)
 */
record ConvolutionalDfaRule(String spec, FeedbackInit init, FeedbackEncoding encoding, SignScale scale)
        implements LearningRule {

    /** The last convolution layer (0 without one): it and the layers below learn by bp. */
    static int lastConvolution(NetworkSpec network) {
        int last = 0;
        for (int l = 1; l <= network.layerCount(); l++) {
            if (network.layer(l) instanceof Conv2d) {
                last = l;
            }
        }
        return last;
    }

    /** The layer above the bp part must compute its delta when a layer of the bp part is trained. */
    private static int split(NetworkSpec network) {
        int split = lastConvolution(network);
        int lowest = BackpropPlan.lowestTrained(network);
        if (lowest > 0 && lowest <= split && !network.layer(split + 1).trainable()) {
            throw new InvalidInputException("rule 'cdfa': layer " + (split + 1) + " of " + network.name()
                    + " is frozen, but the convolutions below it learn by bp from its delta (train it, or freeze"
                    + " the convolutions too)");
        }
        return split;
    }

    @Override
    public void requireSupported(NetworkSpec network) {
        split(network);
    }

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        int split = split(network);
        StorageModel dfa = encoding == FeedbackEncoding.SIGN ? FeedbackStorage.binary(network, wordBytes)
                : FeedbackStorage.directFeedback(network, wordBytes);
        return dfa.withFeedbackBytes(l -> l > split ? dfa.feedbackBytesPerNeuron(l) : 0);
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return Optional.of(ErrorAssignment.all(network.outputs()));
    }

    /** dfa's B_l for the fully connected layers, bp's deltas ({@link Feedback#BACKPROP}) below them. */
    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        int split = split(network);
        int layers = network.layerCount();
        FeedbackBlocks blocks = FeedbackBlocks.directFeedback(layers);
        Feedback drawn = init == FeedbackInit.WEIGHTS_PRODUCT
                ? FixedFeedback.weightsProduct(network, blocks, initial, split + 1)
                : FixedFeedback.dense(network, blocks, seed, init, split + 1);
        Feedback dfa = encoding == FeedbackEncoding.SIGN ? FixedFeedback.signOf(network, drawn, scale) : drawn;
        int[] sources = new int[layers + 1];
        double[][] matrices = new double[layers + 1][];
        for (int l = 1; l < layers; l++) {
            sources[l] = l <= split ? Feedback.BACKPROP : dfa.sourceOf(l);
            matrices[l] = l <= split ? null : dfa.matrix(l);
        }
        return Optional.of(Feedback.of(sources, matrices));
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        NetworkSpec network = mapping.network();
        int split = split(network);
        int[] deltas = BlockedFeedbackPlan.build(graph, mapping, forward,
                FeedbackBlocks.directFeedback(network.layerCount()), encoding, options, l -> l > split);
        int lowest = BackpropPlan.lowestTrained(network);
        if (lowest > 0 && lowest <= split) {
            BackpropPlan.chain(graph, mapping, forward, BackpropPlan.WeightReads.SEPARATE, options, lowest, split + 1,
                    deltas);
        }
    }
}
