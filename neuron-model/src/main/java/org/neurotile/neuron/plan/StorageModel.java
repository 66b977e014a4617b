package org.neurotile.neuron.plan;

import java.util.function.IntToLongFunction;
import org.neurotile.neuron.layers.SliceWords;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.workloads.NetworkSpec;

/**
 * What a tile keeps in its memory, in bytes, by kind, for a slice of a layer as its kernel sizes
 * it ({@link SliceWords}): its weights and biases, its neurons' feedback rows (as the rule stores
 * them), the values it computes (one activation word per neuron of a dense layer, kept for its
 * delta; a convolution's sums before its pool), its optimizer state beside the weights it updates,
 * and its inputs h_{l-1} (for a dense layer the whole vector, which all the tile's neurons share
 * for the forward pass and the update; for a convolution the input rows its windows read). Each
 * kind is a number of bytes per word of what it scales with, per layer.
 */
public interface StorageModel {

    /** Bytes of one weight or bias word. */
    long weightBytesPerWord(int layer);

    /** Bytes of one neuron's feedback row. */
    long feedbackBytesPerNeuron(int layer);

    /** Bytes kept per value the layer computes (per neuron of a dense layer). */
    long activationBytesPerNeuron(int layer);

    /** Optimizer state bytes beside each weight and bias word the tile updates. */
    long optimizerBytesPerWord(int layer);

    /** Bytes per input word a tile keeps for the layer. */
    long inputBytesPerWord(int layer);

    /**
     * Feedback bytes of the slice of units {@code first .. first + count - 1} of a layer: by default
     * one row per unit; a rule whose feedback is per slice (a convolution's kernels) says otherwise.
     */
    default long feedbackBytes(int layer, long first, long count) {
        return count * feedbackBytesPerNeuron(layer);
    }

    /** Bytes of {@code kind} the slice starting at unit {@code first} keeps, given its words. */
    default long bytes(int layer, long first, SliceWords slice, MemoryKind kind) {
        return kind == MemoryKind.FEEDBACK ? feedbackBytes(layer, first, slice.units()) : bytes(layer, slice, kind);
    }

    /** Every byte the slice starting at unit {@code first} keeps. */
    default long bytes(int layer, long first, SliceWords slice) {
        long total = 0;
        for (MemoryKind kind : MemoryKind.values()) {
            total += bytes(layer, first, slice, kind);
        }
        return total;
    }

    /** Bytes of {@code kind} a slice keeps, given its words (feedback: one row per unit). */
    default long bytes(int layer, SliceWords slice, MemoryKind kind) {
        return switch (kind) {
            case WEIGHTS -> slice.parameterWords() * weightBytesPerWord(layer);
            case FEEDBACK -> slice.units() * feedbackBytesPerNeuron(layer);
            case ACTIVATIONS -> slice.valueWords() * activationBytesPerNeuron(layer)
                    + slice.inputWords() * inputBytesPerWord(layer);
            case OPTIMIZER -> slice.ownedParameterWords() * optimizerBytesPerWord(layer);
        };
    }

    /** Every byte a slice keeps. */
    default long bytes(int layer, SliceWords slice) {
        long total = 0;
        for (MemoryKind kind : MemoryKind.values()) {
            total += bytes(layer, slice, kind);
        }
        return total;
    }

    /** This storage with {@code feedbackBytes} of feedback per neuron of each layer. */
    default StorageModel withFeedbackBytes(IntToLongFunction feedbackBytes) {
        return new DerivedStorage(this, feedbackBytes, (layer, first, count) -> count * feedbackBytes.applyAsLong(layer),
                this::activationBytesPerNeuron, this::optimizerBytesPerWord, this::inputBytesPerWord);
    }

    /**
     * This storage with {@code feedbackBytes} of feedback per slice (its per-neuron bytes those of a
     * slice of the first unit alone).
     */
    default StorageModel withSliceFeedbackBytes(SliceFeedbackBytes feedbackBytes) {
        return new DerivedStorage(this, layer -> feedbackBytes.of(layer, 0, 1), feedbackBytes,
                this::activationBytesPerNeuron, this::optimizerBytesPerWord, this::inputBytesPerWord);
    }

    /** Feedback bytes of the slice of units {@code first .. first + count - 1} of a layer. */
    @FunctionalInterface
    interface SliceFeedbackBytes {
        long of(int layer, long first, long count);
    }

    /** This storage with {@code extraBytes} more optimizer state per weight and bias word of each layer. */
    default StorageModel withMoreOptimizerBytes(IntToLongFunction extraBytes) {
        return new DerivedStorage(this, this::feedbackBytesPerNeuron, this::feedbackBytes,
                this::activationBytesPerNeuron,
                layer -> optimizerBytesPerWord(layer) + extraBytes.applyAsLong(layer), this::inputBytesPerWord);
    }

    /** This storage with {@code optimizer}'s state words beside every weight and bias. */
    default StorageModel withOptimizerState(OptimizerCost optimizer, NetworkSpec network, int wordBytes) {
        int stateWords = optimizer.stateWordsPerWeight();
        if (stateWords == 0) {
            return this;
        }
        return withMoreOptimizerBytes(layer -> (long) stateWords * wordBytes);
    }

    /**
     * This storage with {@code perNeuron} more activation bytes per value and {@code perInputWord}
     * more bytes per input word of each layer.
     */
    default StorageModel withMoreActivationBytes(IntToLongFunction perNeuron, IntToLongFunction perInputWord) {
        return new DerivedStorage(this, this::feedbackBytesPerNeuron, this::feedbackBytes,
                layer -> activationBytesPerNeuron(layer) + perNeuron.applyAsLong(layer), this::optimizerBytesPerWord,
                layer -> inputBytesPerWord(layer) + perInputWord.applyAsLong(layer));
    }

    /**
     * This storage with a minibatch buffer: a tile keeps the inputs h_{l-1} of each of the B
     * examples of a batch (once per tile and layer) and each neuron keeps its B deltas, B (n_{l-1} + c)
     * words for c neurons. With B = 1 the delta goes straight from the error to the update and takes
     * no memory, so the storage is this one.
     */
    default StorageModel withBatchBuffer(int batch, int wordBytes) {
        return batch == 1 ? this : withMoreActivationBytes(layer -> (long) batch * wordBytes,
                layer -> (batch - 1) * inputBytesPerWord(layer));
    }

    /**
     * This storage with weights, activations and inputs in {@code words}' sizes (its feedback and
     * optimizer state as they are).
     */
    default StorageModel withWordSizes(NetworkSpec network, WordSizes words) {
        if (words.isUniform()) {
            return this;
        }
        int word = words.wordBytes();
        int activation = words.activationBytes();
        return new DerivedStorage(weightsOnly(network, words), this::feedbackBytesPerNeuron, this::feedbackBytes,
                layer -> activationBytesPerNeuron(layer) / word * activation, this::optimizerBytesPerWord,
                layer -> inputBytesPerWord(layer) / word * activation);
    }

    /** Weights and biases as each layer's kernel keeps them, no feedback, plain SGD (no optimizer state). */
    static StorageModel weightsOnly(NetworkSpec network, int wordBytes) {
        return weightsOnly(network, WordSizes.uniform(wordBytes));
    }

    /** As {@link #weightsOnly(NetworkSpec, int)}, weights and activations in their own word sizes. */
    static StorageModel weightsOnly(NetworkSpec network, WordSizes words) {
        return new StorageModel() {
            @Override
            public long weightBytesPerWord(int layer) {
                return words.weightBytes();
            }

            @Override
            public long feedbackBytesPerNeuron(int layer) {
                return 0;
            }

            @Override
            public long activationBytesPerNeuron(int layer) {
                return words.activationBytes();
            }

            @Override
            public long optimizerBytesPerWord(int layer) {
                return 0;
            }

            @Override
            public long inputBytesPerWord(int layer) {
                return words.activationBytes();
            }
        };
    }
}
