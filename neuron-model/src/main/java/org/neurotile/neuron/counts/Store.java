package org.neurotile.neuron.counts;

/** What a memory word read or written holds; a store may keep its words in a size of its own. */
public enum Store {
    WEIGHTS, FEEDBACK, ACTIVATIONS, ERRORS, OPTIMIZER_STATE
}
