package org.neurotile.neuron.plan;

import org.neurotile.neuron.counts.Category;

/**
 * How a tile stores a feedback row and multiplies it with the errors it receives.
 *
 * <p>{@code DENSE}: one word per entry, one MAC per entry. {@code SIGN} (binary dfa): one bit per
 * entry, a row packed into whole words of its own (so a row starts on a word boundary and is read
 * as ceil(entries / (8 * wordBytes)) words); each entry adds or subtracts an error, counted as one
 * addition per entry (the accumulator starts at zero, as the MAC count of {@code DENSE} does).
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

    /** What one entry of the feedback product costs: a MAC, or an addition for sign feedback. */
    public Category productCategory() {
        return this == DENSE ? Category.MACS : Category.ADDS;
    }
}
