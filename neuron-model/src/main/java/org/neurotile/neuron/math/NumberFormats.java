package org.neurotile.neuron.math;

import org.neurotile.neuron.functional.Feedback;


/**
 * The number formats of a training run: of the weights and biases (as stored, at initialisation
 * and after every update), of the activations (the input x and every h_l as stored and sent on
 * the forward pass) and of the errors that travel between tiles (the output error e, and the
 * deltas or partial sums a layer sends to another). Feedback matrices and optimizer state stay in
 * the arithmetic precision.
 */
public record NumberFormats(NumberFormat weights, NumberFormat activations, NumberFormat errors) {
    /** No quantization anywhere. */
    public static final NumberFormats FLOAT32 = new NumberFormats(NumberFormat.FLOAT32, NumberFormat.FLOAT32,
            NumberFormat.FLOAT32);

    /** {@code format} for all three kinds. */
    public static NumberFormats all(NumberFormat format) {
        return new NumberFormats(format, format, format);
    }

    public boolean quantizes() {
        return weights.quantizes() || activations.quantizes() || errors.quantizes();
    }

    /** Word sizes on a chip whose float word is {@code wordBytes}. */
    public WordSizes wordSizes(int wordBytes) {
        return new WordSizes(wordBytes, weights.wordBytes(wordBytes), activations.wordBytes(wordBytes),
                errors.wordBytes(wordBytes));
    }
}
