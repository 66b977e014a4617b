package org.neurotile.neuron.rules.feedback;

/**
 * Blocked dfa's grouping of L layers in blocks of {@code size} consecutive layers, counted from
 * the output side: block 0 is layers L-s+1..L, block 1 the s layers below it, and so on; the
 * partial block (L mod s layers) is the one next to the input. A layer of block 0 feeds back e; a
 * layer of a deeper block feeds back the delta of the shallowest layer (lowest index) of the block
 * above it. {@code size} = L is dfa; {@code size} = 1 is fa (every layer feeds back the delta of the
 * layer above it).
 */
public record FeedbackBlocks(int layers, int size) implements FeedbackSources {
    public FeedbackBlocks {
        if (layers < 1 || size < 1 || size > layers) {
            throw new IllegalArgumentException("block size must be in 1.." + layers + ", got " + size);
        }
    }

    public static FeedbackBlocks directFeedback(int layers) {
        return new FeedbackBlocks(layers, layers);
    }

    public static FeedbackBlocks feedbackAlignment(int layers) {
        return new FeedbackBlocks(layers, 1);
    }

    /** 0 for the block next to the output. */
    public int blockOf(int layer) {
        check(layer);
        return (layers - layer) / size;
    }

    /**
     * The layer whose delta layer {@code layer} feeds back: L (whose delta is e) for block 0, else the
     * shallowest layer of the block above. The output layer's own source is itself (delta_L = e).
     */
    @Override
    public int sourceOf(int layer) {
        int block = blockOf(layer);
        return block == 0 ? layers : layers - block * size + 1;
    }

    private void check(int layer) {
        if (layer < 1 || layer > layers) {
            throw new IndexOutOfBoundsException("layer " + layer + " outside 1.." + layers);
        }
    }
}
