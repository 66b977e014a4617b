package org.neurotile.neuron.chip;

/**
 * Choices of an example's plan that are not the rule's.
 *
 * @param wordBytes bytes per word
 * @param biases whether neurons have biases; the spec's closed forms assume they do not
 * @param ioTile the tile whose router hosts the I/O port: inputs enter and labels arrive there
 * @param optimizer what the update costs per weight beyond reading and writing it
 */
public record PlanOptions(int wordBytes, boolean biases, int ioTile, OptimizerCost optimizer) {
    public PlanOptions {
        if (wordBytes <= 0 || ioTile < 0) {
            throw new IllegalArgumentException("wordBytes must be positive and ioTile non-negative");
        }
    }

    /** Plain SGD. */
    public PlanOptions(int wordBytes, boolean biases, int ioTile) {
        this(wordBytes, biases, ioTile, OptimizerCost.SGD);
    }
}
