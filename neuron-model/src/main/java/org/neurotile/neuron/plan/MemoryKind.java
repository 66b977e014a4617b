package org.neurotile.neuron.plan;

import java.util.Locale;

/** What a tile's memory holds, for footprints. Activations include the layer inputs a tile keeps. */
public enum MemoryKind {
    WEIGHTS, FEEDBACK, ACTIVATIONS, OPTIMIZER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
