package org.neurotile.workloads;

/**
 * One layer of a network, as data: what it computes is described here, how a chip computes and
 * costs it belongs to the layer kind's kernel (in neuron-model). The built-in kinds are sealed;
 * kinds defined elsewhere implement {@link ExtensionLayer} and bring their own kernel.
 *
 * <p>A layer knows how many values it outputs; its {@link LayerShape} follows from the number of
 * values it reads, so the same layer description fits wherever its input size allows.
 */
public sealed interface Layer permits Dense, ExtensionLayer {

    /** The kind's name as messages spell it, e.g. {@code dense}. */
    String kind();

    /** n_l: the values the layer outputs (its units). */
    int outputs();

    /** The function applied to each unit's sum (identity for the output layer). */
    Activation activation();

    /** Whether training updates the layer's weights; a frozen layer keeps them. */
    boolean trainable();

    /**
     * The layer's shape when it reads {@code inputs} values.
     *
     * @throws IllegalArgumentException if the layer cannot read that many values
     */
    LayerShape shape(int inputs);
}
