package org.neurotile.neuron.plan;

import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.optim.OptimizerCost;

/**
 * Choices of an example's plan that are not the rule's.
 *
 * @param words bytes per word of each kind of value
 * @param biases whether neurons have biases; the spec's closed forms assume they do not
 * @param ioTile the tile whose router hosts the I/O port: inputs enter and labels arrive there
 * @param optimizer what the update costs per weight beyond reading and writing it
 * @param batch examples per minibatch: the update tasks count the update of a whole batch, every
 *              other task one example's work (see docs/counting.md)
 */
public record PlanOptions(WordSizes words, boolean biases, int ioTile, OptimizerCost optimizer, int batch) {
    public PlanOptions {
        if (ioTile < 0 || batch < 1) {
            throw new IllegalArgumentException("batch must be positive and ioTile non-negative");
        }
    }

    /** One example per update. */
    public PlanOptions(WordSizes words, boolean biases, int ioTile, OptimizerCost optimizer) {
        this(words, biases, ioTile, optimizer, 1);
    }

    /** Every kind of value in words of {@code wordBytes}, one example per update. */
    public PlanOptions(int wordBytes, boolean biases, int ioTile, OptimizerCost optimizer) {
        this(WordSizes.uniform(wordBytes), biases, ioTile, optimizer, 1);
    }

    /** The tile's word size, of everything that has no size of its own (feedback, optimizer state). */
    public int wordBytes() {
        return words.wordBytes();
    }

    /** Plain SGD. */
    public PlanOptions(int wordBytes, boolean biases, int ioTile) {
        this(wordBytes, biases, ioTile, OptimizerCost.SGD);
    }
}
