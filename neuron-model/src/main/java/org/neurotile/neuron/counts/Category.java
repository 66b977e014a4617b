package org.neurotile.neuron.counts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the chip counts. Memory categories are words of the tile's memory; {@code wordsMoved} are
 * the neuron-level words of the spec (what a neuron must send or receive); the byte categories are
 * what the hardware moves. {@code errorWrites} and {@code elementwiseOps} (activation functions and
 * their derivatives, softmax, learning-rate scaling: one per neuron) go beyond the spec's list, so
 * that no work the tile does goes uncounted. See docs/counting.md. Each category says how the
 * energy pass prices it ({@link Pricing}); {@code wordsMoved} and {@code bytesMoved} are derived
 * views of traffic priced elsewhere.
 */
public enum Category {
    WEIGHT_READS("weightReads", Pricing.MEMORY_READ, Store.WEIGHTS),
    WEIGHT_WRITES("weightWrites", Pricing.MEMORY_WRITE, Store.WEIGHTS),
    FEEDBACK_READS("feedbackReads", Pricing.MEMORY_READ, Store.FEEDBACK),
    FEEDBACK_WRITES("feedbackWrites", Pricing.MEMORY_WRITE, Store.FEEDBACK),
    ACTIVATION_READS("activationReads", Pricing.MEMORY_READ, Store.ACTIVATIONS),
    ACTIVATION_WRITES("activationWrites", Pricing.MEMORY_WRITE, Store.ACTIVATIONS),
    ERROR_READS("errorReads", Pricing.MEMORY_READ, Store.ERRORS),
    ERROR_WRITES("errorWrites", Pricing.MEMORY_WRITE, Store.ERRORS),
    OPTIMIZER_READS("optimizerReads", Pricing.MEMORY_READ, Store.OPTIMIZER_STATE),
    OPTIMIZER_WRITES("optimizerWrites", Pricing.MEMORY_WRITE, Store.OPTIMIZER_STATE),
    MACS("macs", Pricing.MAC, null),
    ADDS("adds", Pricing.ADD, null),
    ELEMENTWISE_OPS("elementwiseOps", Pricing.ELEMENTWISE_OP, null),
    WORDS_MOVED("wordsMoved", Pricing.DERIVED, null),
    BYTES_MOVED("bytesMoved", Pricing.DERIVED, null),
    NOC_BYTES_INJECTED("nocBytesInjected", Pricing.NOC_INJECTED_BYTE, null),
    NOC_BYTE_HOPS("nocByteHops", Pricing.NOC_BYTE_HOP, null),
    OFF_CHIP_BYTES("offChipBytes", Pricing.OFF_CHIP_BYTE, null);

    private static final Category[] ALL = values();
    private static final List<String> IDS = Arrays.stream(ALL).map(Category::id).toList();

    private final String id;
    private final Pricing pricing;
    private final Store store; // null unless a memory access

    Category(String id, Pricing pricing, Store store) {
        this.id = id;
        this.pricing = pricing;
        this.store = store;
    }

    /** The name used in results and files, e.g. {@code weightReads}. */
    public String id() {
        return id;
    }

    public Pricing pricing() {
        return pricing;
    }

    /** Memory words a tile reads or writes for this category, 0 for the others. */
    public boolean isMemoryAccess() {
        return pricing.isMemoryAccess();
    }

    /** What the words of a memory category hold. */
    public Store store() {
        if (store == null) {
            throw new IllegalStateException(id + " is not a memory access");
        }
        return store;
    }

    public static int count() {
        return ALL.length;
    }

    public static Category of(int ordinal) {
        return ALL[ordinal];
    }

    /** The category of a result's or file's name, e.g. {@code macs}. */
    public static Optional<Category> byId(String id) {
        for (Category category : ALL) {
            if (category.id.equals(id)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** Every id, in the enum's order (the order of every file's columns and keys). */
    public static List<String> ids() {
        return IDS;
    }
}
