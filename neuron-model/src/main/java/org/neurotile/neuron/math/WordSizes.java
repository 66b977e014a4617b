package org.neurotile.neuron.math;

import java.util.EnumMap;
import java.util.Map;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.counts.Store;

/**
 * Bytes of a word of each kind of value on the chip. Weights and biases in memory take
 * {@code weightBytes}; the layer inputs and activations a tile keeps, and every message of the
 * forward phase (the input, activations, the label), {@code activationBytes}; every message of
 * the error phase (the output error, deltas, partial sums), {@code errorBytes}; everything else
 * (feedback, optimizer state) the tile's {@code wordBytes}. Counts stay in words.
 */
public record WordSizes(int wordBytes, int weightBytes, int activationBytes, int errorBytes) {
    public WordSizes {
        if (wordBytes <= 0 || weightBytes <= 0 || activationBytes <= 0 || errorBytes <= 0) {
            throw new IllegalArgumentException("word sizes must be positive: " + wordBytes + ", " + weightBytes
                    + ", " + activationBytes + ", " + errorBytes);
        }
    }

    /** Every kind in words of {@code wordBytes}. */
    public static WordSizes uniform(int wordBytes) {
        return new WordSizes(wordBytes, wordBytes, wordBytes, wordBytes);
    }

    public boolean isUniform() {
        return weightBytes == wordBytes && activationBytes == wordBytes && errorBytes == wordBytes;
    }

    /** Bytes of a word of {@code store} in memory. */
    public int storeWordBytes(Store store) {
        return switch (store) {
            case WEIGHTS -> weightBytes;
            case ACTIVATIONS -> activationBytes;
            case ERRORS -> errorBytes;
            case FEEDBACK, OPTIMIZER_STATE -> wordBytes;
        };
    }

    /** {@link #storeWordBytes} of every store. */
    public Map<Store, Integer> storeWordBytes() {
        Map<Store, Integer> bytes = new EnumMap<>(Store.class);
        for (Store store : Store.values()) {
            bytes.put(store, storeWordBytes(store));
        }
        return bytes;
    }

    /** Bytes per word of a message sent by a task of {@code phase}. */
    public int messageWordBytes(Phase phase) {
        return phase == Phase.FORWARD ? activationBytes : errorBytes;
    }
}
