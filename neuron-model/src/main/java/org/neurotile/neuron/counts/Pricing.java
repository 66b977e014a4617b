package org.neurotile.neuron.counts;

/**
 * How the energy pass prices a category: per operation, per memory word of a store, per byte of
 * NoC or off-chip traffic, or not at all for the categories derived from others.
 */
public enum Pricing {
    /** One multiply-accumulate. */
    MAC,
    /** One addition. */
    ADD,
    /** One element-wise operation. */
    ELEMENTWISE_OP,
    /** One word read from the tile's memory. */
    MEMORY_READ,
    /** One word written to the tile's memory. */
    MEMORY_WRITE,
    /** One byte entering the NoC: it passes the first router. */
    NOC_INJECTED_BYTE,
    /** One byte over one link: it passes a link and the router behind it. */
    NOC_BYTE_HOP,
    /** One byte to or from off-chip memory. */
    OFF_CHIP_BYTE,
    /** Not priced: a view of traffic that other categories price (the words of the spec, their bytes). */
    DERIVED;

    public boolean isPriced() {
        return this != DERIVED;
    }

    public boolean isMemoryAccess() {
        return this == MEMORY_READ || this == MEMORY_WRITE;
    }
}
