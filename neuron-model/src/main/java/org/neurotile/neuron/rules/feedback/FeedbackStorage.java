package org.neurotile.neuron.rules.feedback;

import java.util.function.IntToLongFunction;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.workloads.NetworkSpec;

/**
 * {@link StorageModel}s of the fixed-feedback rules: {@link StorageModel#weightsOnly} plus each hidden neuron's
 * feedback row as the rule stores it. Only layers that compute a delta with feedback hold a row
 * (trained hidden layers, and for fa and blocked dfa the frozen layers a deeper trained layer needs
 * a delta from); the output layer holds none (delta_L = e). Per neuron:
 * <ul>
 * <li>dfa: n_L words; fa: n_{l+1} words; blocked dfa: n_m words, m the layer's source;
 * <li>sdfa, ssdfa (k = 1): k values of a word and k indices of {@code indexBytes} each;
 * <li>binary dfa: n_L bits, padded to whole words (see {@link FeedbackEncoding#SIGN});
 * <li>binary-dfa:k=K: K indices of {@code indexBytes} each, the sign in each index's top bit.
 * </ul>
 */
public final class FeedbackStorage {
    private FeedbackStorage() {
    }

    public static StorageModel directFeedback(NetworkSpec network, int wordBytes) {
        return blocked(network, wordBytes, FeedbackBlocks.directFeedback(network.layerCount()), FeedbackEncoding.DENSE);
    }

    public static StorageModel feedbackAlignment(NetworkSpec network, int wordBytes) {
        return blocked(network, wordBytes, FeedbackBlocks.feedbackAlignment(network.layerCount()),
                FeedbackEncoding.DENSE);
    }

    public static StorageModel binary(NetworkSpec network, int wordBytes) {
        return blocked(network, wordBytes, FeedbackBlocks.directFeedback(network.layerCount()), FeedbackEncoding.SIGN);
    }

    /**
     * sdfa with {@code connections} errors per neuron (ssdfa: 1). {@code indexBytes} must address
     * every one of the n_L errors (2 bytes: up to 65536).
     */
    public static StorageModel sparse(NetworkSpec network, int wordBytes, int connections, int indexBytes) {
        return sparse(network, wordBytes, connections, indexBytes, FeedbackEncoding.DENSE);
    }

    /**
     * Sparse rows of {@code connections} entries each stored as {@code encoding} stores a sparse
     * entry ({@link FeedbackEncoding#sparseEntryBytes}): with SIGN the indices must address every
     * error with the top bit given to the sign (2 bytes: up to 32768).
     */
    public static StorageModel sparse(NetworkSpec network, int wordBytes, int connections, int indexBytes,
                                      FeedbackEncoding encoding) {
        if (connections < 1 || connections > network.outputs()) {
            throw new IllegalArgumentException(
                    "connections must be in 1.." + network.outputs() + ", got " + connections);
        }
        if (indexBytes < 1 || network.outputs() > encoding.addressableErrors(indexBytes)) {
            throw new IllegalArgumentException(
                    indexBytes + "-byte indices cannot address " + network.outputs() + " errors");
        }
        boolean[] rows = FeedbackBlocks.directFeedback(network.layerCount()).computesDelta(network);
        long perRow = connections * encoding.sparseEntryBytes(wordBytes, indexBytes);
        return withFeedback(network, wordBytes, l -> l < network.layerCount() && rows[l] ? perRow : 0);
    }

    public static StorageModel blocked(NetworkSpec network, int wordBytes, FeedbackSources blocks,
                                       FeedbackEncoding encoding) {
        boolean[] rows = blocks.computesDelta(network);
        return withFeedback(network, wordBytes, l -> l < network.layerCount() && rows[l]
                ? encoding.rowWords(FixedFeedback.deltas(network, blocks.sourceOf(l)), wordBytes) * wordBytes
                : 0);
    }

    private static StorageModel withFeedback(NetworkSpec network, int wordBytes, IntToLongFunction feedbackBytes) {
        return StorageModel.weightsOnly(network, wordBytes).withFeedbackBytes(feedbackBytes);
    }
}
