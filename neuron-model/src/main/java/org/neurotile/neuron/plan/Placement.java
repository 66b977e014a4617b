package org.neurotile.neuron.plan;

/**
 * A run of one layer's neurons on one tile: positions {@code first .. first + count - 1} in the
 * layer's mapping order (see {@link Mapping#neuron}). Layers are numbered from 1, as in the spec.
 * A tile holding neurons of two layers has two placements.
 */
public record Placement(int tile, int layer, int first, int count) {
    public Placement {
        if (tile < 0 || layer < 1 || first < 0 || count < 1) {
            throw new IllegalArgumentException("invalid placement " + tile + "/" + layer + "/" + first + "/" + count);
        }
    }

    public int end() {
        return first + count;
    }
}
