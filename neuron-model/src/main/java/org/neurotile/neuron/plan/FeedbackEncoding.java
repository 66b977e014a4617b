package org.neurotile.neuron.plan;

import org.neurotile.neuron.counts.Category;

/**
 * How a tile stores a feedback row and multiplies it with the errors it receives.
 *
 * <p>{@code DENSE}: one word per entry, one MAC per entry. {@code SIGN} (binary dfa): one bit per
 * entry, a row packed into whole words of its own (so a row starts on a word boundary and is read
 * as ceil(entries / (8 * wordBytes)) words); each entry adds or subtracts an error, counted as one
 * addition per entry (the accumulator starts at zero, as the MAC count of {@code DENSE} does).
 *
 * <p>In a sparse row (sdfa's k stored (index, value) pairs), {@code DENSE} stores a word and an
 * index per entry; {@code SIGN} (binary-dfa:k=K) stores only the index, its spare top bit holding
 * the entry's sign, so an entry is one index read and one addition.
 */
public enum FeedbackEncoding {
    DENSE,
    SIGN;

    /** Words one feedback row of {@code entries} entries occupies and is read as. */
    public long rowWords(long entries, int wordBytes) {
        if (entries < 0 || wordBytes <= 0) {
            throw new IllegalArgumentException("entries " + entries + ", wordBytes " + wordBytes);
        }
        if (this == DENSE) {
            return entries;
        }
        long bitsPerWord = 8L * wordBytes;
        return (entries + bitsPerWord - 1) / bitsPerWord;
    }

    /** Bytes one entry of a sparse row occupies: the index, and for {@code DENSE} a value word. */
    public long sparseEntryBytes(int wordBytes, int indexBytes) {
        return this == DENSE ? wordBytes + indexBytes : indexBytes;
    }

    /** The most output errors a sparse row's index of {@code indexBytes} bytes can name (SIGN gives up the top bit). */
    public long addressableErrors(int indexBytes) {
        int bits = Math.min(62, 8 * indexBytes - (this == DENSE ? 0 : 1));
        return 1L << bits;
    }

    /** What one entry of the feedback product costs: a MAC, or an addition for sign feedback. */
    public Category productCategory() {
        return this == DENSE ? Category.MACS : Category.ADDS;
    }
}
