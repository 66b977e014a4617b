package org.neurotile.neuron.rules.feedback;

import java.util.Optional;
import java.util.function.Function;
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
import org.neurotile.workloads.NetworkSpec;

/**
 * dfa, sdfa, ssdfa and binary-dfa:k=K on the chip: each hidden neuron stores a feedback row over the output errors
 * it uses and receives only those errors ({@link DirectFeedbackPlan}).
 */
public final class DirectFeedbackRule implements LearningRule {
    private final String spec;
    private final Function<NetworkSpec, ErrorAssignment> assignment;
    private final int connectionsPerNeuron; // 0: all outputs (dense)
    private final int indexBytes;
    private final FeedbackEncoding encoding;
    private final FeedbackDraw draw;

    /** How the rule's feedback values are drawn for a network, from a seed. */
    @FunctionalInterface
    private interface FeedbackDraw {
        Feedback draw(NetworkSpec network, Model initial, long seed);
    }

    private DirectFeedbackRule(String spec, Function<NetworkSpec, ErrorAssignment> assignment,
                               int connectionsPerNeuron, int indexBytes, FeedbackEncoding encoding,
                               FeedbackDraw draw) {
        this.spec = spec;
        this.assignment = assignment;
        this.connectionsPerNeuron = connectionsPerNeuron;
        this.indexBytes = indexBytes;
        this.encoding = encoding;
        this.draw = draw;
    }

    /** Dense dfa: every hidden neuron stores n_L feedback words and uses all of e; B_l starts as {@code init}. */
    public static DirectFeedbackRule dense(String spec, FeedbackInit init) {
        return new DirectFeedbackRule(spec, network -> ErrorAssignment.all(network.outputs()), 0, 0,
                FeedbackEncoding.DENSE,
                (network, initial, seed) -> init == FeedbackInit.WEIGHTS_PRODUCT
                        ? FixedFeedback.weightsProduct(network, FeedbackBlocks.directFeedback(network.layerCount()), initial)
                        : FixedFeedback.dense(network, FeedbackBlocks.directFeedback(network.layerCount()), seed, init));
    }

    /**
     * Sparse feedback with k connections per neuron, stored as k (index, value) pairs.
     *
     * @param indexBytes bytes of one stored error index
     */
    public static DirectFeedbackRule sparse(String spec, int k, Function<NetworkSpec, ErrorAssignment> assignment,
                                            int indexBytes, FeedbackInit init) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        return new DirectFeedbackRule(spec, assignment, k, indexBytes, FeedbackEncoding.DENSE,
                (network, initial, seed) -> FixedFeedback.sparse(network, assignment.apply(network), k, seed, init));
    }

    /**
     * Sparse feedback of rank {@code rank} ({@link FixedFeedback#lowRank}), stored and counted as
     * {@link #sparse} stores it.
     */
    public static DirectFeedbackRule lowRank(String spec, int k, int rank,
                                             Function<NetworkSpec, BalancedErrorAssignment> assignment, int indexBytes,
                                             FeedbackInit init) {
        if (k < 1 || rank < 1) {
            throw new IllegalArgumentException("k and rank must be at least 1, got " + k + " and " + rank);
        }
        return new DirectFeedbackRule(spec, assignment::apply, k, indexBytes, FeedbackEncoding.DENSE,
                (network, initial, seed) -> FixedFeedback.lowRank(network, assignment.apply(network), rank, seed, init));
    }

    /**
     * Sparse binary feedback (binary-dfa:k=K): k connections per neuron of +-1
     * ({@link FixedFeedback#sparseSign}), each stored as an index with its sign in the top bit.
     *
     * @param alignedStart whether the signs are those of the forward weights' product
     */
    public static DirectFeedbackRule sparseSign(String spec, int k, Function<NetworkSpec, ErrorAssignment> assignment,
                                                int indexBytes, boolean alignedStart, SignScale scale) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        return new DirectFeedbackRule(spec, assignment, k, indexBytes, FeedbackEncoding.SIGN,
                (network, initial, seed) -> FixedFeedback.sparseSign(network, assignment.apply(network), k, seed,
                        alignedStart, initial, scale));
    }

    @Override
    public String spec() {
        return spec;
    }

    private int connections(NetworkSpec network) {
        return connectionsPerNeuron == 0 ? network.outputs() : connectionsPerNeuron;
    }

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        return connectionsPerNeuron == 0 ? FeedbackStorage.directFeedback(network, wordBytes)
                : FeedbackStorage.sparse(network, wordBytes, connectionsPerNeuron, indexBytes, encoding);
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return Optional.of(assignment.apply(network));
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        return Optional.of(draw.draw(network, initial, seed));
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        DirectFeedbackPlan.build(graph, mapping, forward, assignment.apply(mapping.network()), encoding, options);
    }

    @Override
    public Optional<ClosedForm> closedForm(NetworkSpec network, ChipKind chip) {
        return chip == ChipKind.TILE_ARRAY ? Optional.of(DirectFeedbackClosedForm.of(network, connections(network), encoding))
                : Optional.empty();
    }
}
