package org.neurotile.neuron.plan;

/** The kinds of chip a closed form may assume: the spatial tile array or the memory-bound processor. */
public enum ChipKind {
    TILE_ARRAY, PROCESSOR
}
