package org.neurotile.neuron.counts;

/**
 * What the chip counts. Memory categories are words of the tile's memory; {@code wordsMoved} are
 * the neuron-level words of the spec (what a neuron must send or receive); the byte categories are
 * what the hardware moves. {@code errorWrites} and {@code elementwiseOps} (activation functions and
 * their derivatives, softmax, learning-rate scaling: one per neuron) go beyond the spec's list, so
 * that no work the tile does goes uncounted. See docs/counting.md.
 */
public enum Category {
    WEIGHT_READS("weightReads"),
    WEIGHT_WRITES("weightWrites"),
    FEEDBACK_READS("feedbackReads"),
    FEEDBACK_WRITES("feedbackWrites"),
    ACTIVATION_READS("activationReads"),
    ACTIVATION_WRITES("activationWrites"),
    ERROR_READS("errorReads"),
    ERROR_WRITES("errorWrites"),
    OPTIMIZER_READS("optimizerReads"),
    OPTIMIZER_WRITES("optimizerWrites"),
    MACS("macs"),
    ADDS("adds"),
    ELEMENTWISE_OPS("elementwiseOps"),
    WORDS_MOVED("wordsMoved"),
    BYTES_MOVED("bytesMoved"),
    NOC_BYTES_INJECTED("nocBytesInjected"),
    NOC_BYTE_HOPS("nocByteHops"),
    OFF_CHIP_BYTES("offChipBytes");

    private static final Category[] ALL = values();

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The name used in results and files, e.g. {@code weightReads}. */
    public String id() {
        return id;
    }

    /** Memory words a tile reads or writes for this category, 0 for the others. */
    public boolean isMemoryAccess() {
        return ordinal() <= OPTIMIZER_WRITES.ordinal();
    }

    public static int count() {
        return ALL.length;
    }

    public static Category of(int ordinal) {
        return ALL[ordinal];
    }
}
