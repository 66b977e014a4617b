package org.neurotile.neuron.counts;

import java.util.Locale;

/** The phases of one training example. */
public enum Phase {
    /** Inputs through the layers to the output. */
    FORWARD,
    /** Computing each trained neuron's delta, with the words the rule moves for it. */
    ERROR,
    /** Applying dW and dc: read-modify-write of weights, biases and optimizer state. */
    UPDATE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
