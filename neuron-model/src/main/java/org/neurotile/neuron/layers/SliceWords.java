package org.neurotile.neuron.layers;

/**
 * The words a slice keeps in its tile, by what they scale with: {@code units} output units (each
 * with its feedback row, as the rule stores it), {@code parameterWords} weights and biases (kernel
 * copies included), {@code ownedParameterWords} those it updates itself (the optimizer state lives
 * beside them; a kernel copy is updated by its owner), {@code inputWords} input values (a
 * convolution's halo rows included) and {@code valueWords} values it computes (a convolution's
 * sums before the pool, one per unit otherwise).
 */
public record SliceWords(long units, long parameterWords, long ownedParameterWords, long inputWords, long valueWords) {

    public SliceWords {
        if (units < 1 || parameterWords < 0 || ownedParameterWords < 0 || ownedParameterWords > parameterWords
                || inputWords < 0 || valueWords < 0) {
            throw new IllegalArgumentException("invalid slice words: " + units + " units, " + parameterWords + " ("
                    + ownedParameterWords + " owned) parameters, " + inputWords + " inputs, " + valueWords + " values");
        }
    }
}
