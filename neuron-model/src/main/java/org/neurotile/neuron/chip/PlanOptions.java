package org.neurotile.neuron.chip;

/**
 * Choices of an example's plan that are not the rule's.
 *
 * @param wordBytes bytes per word
 * @param biases whether neurons have biases; the spec's closed forms assume they do not
 * @param ioTile the tile whose router hosts the I/O port: inputs enter and labels arrive there
 * @param optimizer what the update costs per weight beyond reading and writing it
 * @param batch examples per minibatch: the update tasks count the update of a whole batch, every
 *              other task one example's work (see docs/counting.md)
 */
public record PlanOptions(int wordBytes, boolean biases, int ioTile, OptimizerCost optimizer, int batch) {
    public PlanOptions {
        if (wordBytes <= 0 || ioTile < 0 || batch < 1) {
            throw new IllegalArgumentException("wordBytes and batch must be positive and ioTile non-negative");
        }
    }

    /** One example per update. */
    public PlanOptions(int wordBytes, boolean biases, int ioTile, OptimizerCost optimizer) {
        this(wordBytes, biases, ioTile, optimizer, 1);
    }

    /** Plain SGD. */
    public PlanOptions(int wordBytes, boolean biases, int ioTile) {
        this(wordBytes, biases, ioTile, OptimizerCost.SGD);
    }
}
