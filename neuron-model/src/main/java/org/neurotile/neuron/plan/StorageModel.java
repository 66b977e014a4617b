package org.neurotile.neuron.plan;

import java.util.function.IntToLongFunction;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.workloads.NetworkSpec;

/**
 * What a tile keeps in its memory, in bytes, by kind. Per neuron of layer l: its weight row and
 * bias, its feedback row (as the rule stores it), the one activation word it keeps for its delta,
 * and its optimizer state. Per tile and layer: the input vector h_{l-1}, which all the tile's
 * neurons of that layer share for the forward pass and the update.
 */
public interface StorageModel {

    long weightBytesPerNeuron(int layer);

    long feedbackBytesPerNeuron(int layer);

    long activationBytesPerNeuron(int layer);

    long optimizerBytesPerNeuron(int layer);

    /** Bytes a tile keeps once for each layer it holds neurons of: the layer's inputs. */
    long inputBytesPerTile(int layer);

    /** This storage with {@code feedbackBytes} of feedback per neuron of each layer. */
    default StorageModel withFeedbackBytes(IntToLongFunction feedbackBytes) {
        return new DerivedStorage(this, feedbackBytes, this::activationBytesPerNeuron, this::optimizerBytesPerNeuron,
                this::inputBytesPerTile);
    }

    /** This storage with {@code extraBytes} more optimizer state per neuron of each layer. */
    default StorageModel withMoreOptimizerBytes(IntToLongFunction extraBytes) {
        return new DerivedStorage(this, this::feedbackBytesPerNeuron, this::activationBytesPerNeuron,
                layer -> optimizerBytesPerNeuron(layer) + extraBytes.applyAsLong(layer), this::inputBytesPerTile);
    }

    /** This storage with {@code optimizer}'s state words beside every weight and bias. */
    default StorageModel withOptimizerState(OptimizerCost optimizer, NetworkSpec network, int wordBytes) {
        int stateWords = optimizer.stateWordsPerWeight();
        if (stateWords == 0) {
            return this;
        }
        LayerKernels kernels = LayerKernels.of(network);
        return withMoreOptimizerBytes(layer -> kernels.layer(layer).parameterWordsPerUnit() * stateWords * wordBytes);
    }

    /**
     * This storage with {@code perNeuron} more activation bytes per neuron and {@code perTile} more
     * input bytes per tile and layer.
     */
    default StorageModel withMoreActivationBytes(IntToLongFunction perNeuron, IntToLongFunction perTile) {
        return new DerivedStorage(this, this::feedbackBytesPerNeuron,
                layer -> activationBytesPerNeuron(layer) + perNeuron.applyAsLong(layer), this::optimizerBytesPerNeuron,
                layer -> inputBytesPerTile(layer) + perTile.applyAsLong(layer));
    }

    /**
     * This storage with a minibatch buffer: a tile keeps the inputs h_{l-1} of each of the B
     * examples of a batch (once per tile and layer) and each neuron keeps its B deltas, B (n_{l-1} + c)
     * words for c neurons. With B = 1 the delta goes straight from the error to the update and takes
     * no memory, so the storage is this one.
     */
    default StorageModel withBatchBuffer(int batch, int wordBytes) {
        return batch == 1 ? this : withMoreActivationBytes(layer -> (long) batch * wordBytes,
                layer -> (batch - 1) * inputBytesPerTile(layer));
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
        return new DerivedStorage(weightsOnly(network, words), this::feedbackBytesPerNeuron,
                layer -> activationBytesPerNeuron(layer) / word * activation, this::optimizerBytesPerNeuron,
                layer -> inputBytesPerTile(layer) / word * activation);
    }

    default long bytesPerNeuron(int layer) {
        return weightBytesPerNeuron(layer) + feedbackBytesPerNeuron(layer) + activationBytesPerNeuron(layer)
                + optimizerBytesPerNeuron(layer);
    }

    /** Weights and biases as each layer's kernel keeps them, no feedback, plain SGD (no optimizer state). */
    static StorageModel weightsOnly(NetworkSpec network, int wordBytes) {
        return weightsOnly(network, WordSizes.uniform(wordBytes));
    }

    /** As {@link #weightsOnly(NetworkSpec, int)}, weights and activations in their own word sizes. */
    static StorageModel weightsOnly(NetworkSpec network, WordSizes words) {
        LayerKernels kernels = LayerKernels.of(network);
        return new StorageModel() {
            @Override
            public long weightBytesPerNeuron(int layer) {
                return kernels.layer(layer).parameterWordsPerUnit() * words.weightBytes();
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
            public long optimizerBytesPerNeuron(int layer) {
                return 0;
            }

            @Override
            public long inputBytesPerTile(int layer) {
                return kernels.layer(layer).inputWordsPerSlice() * words.activationBytes();
            }
        };
    }
}
