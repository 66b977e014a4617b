package org.neurotile.neuron.chip;

/**
 * Choices of an example's plan that are not the rule's.
 *
 * @param wordBytes bytes per word
 * @param biases whether neurons have biases; the spec's closed forms assume they do not
 * @param ioTile the tile whose router hosts the I/O port: inputs enter and labels arrive there
 */
public record PlanOptions(int wordBytes, boolean biases, int ioTile) {
    public PlanOptions {
        if (wordBytes <= 0 || ioTile < 0) {
            throw new IllegalArgumentException("wordBytes must be positive and ioTile non-negative");
        }
    }
}
