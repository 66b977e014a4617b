package org.neurotile.workloads;

/**
 * One layer with weights, as data: what it computes is described here, how a chip computes and
 * costs it belongs to the layer kind's kernel (in neuron-model). The built-in kinds are sealed;
 * kinds defined elsewhere implement {@link ExtensionLayer} and bring their own kernel.
 *
 * <p>A layer's {@link LayerShape} follows from the shape of the values it reads, so the same
 * description fits wherever its input allows. Pooling and flattening are not layers: a pool runs
 * in the tiles of the convolution it follows ({@link Conv2d#pool}), and a dense layer reads a
 * convolution's maps in their stored order.
 */
public sealed interface Layer permits Dense, Conv2d, ExtensionLayer {

    /** The kind's name as messages spell it, e.g. {@code dense}. */
    String kind();

    /** The function applied to each unit's sum (identity for the output layer). */
    Activation activation();

    /** Whether training updates the layer's weights; a frozen layer keeps them. */
    boolean trainable();

    /**
     * The layer's shape when it reads values of shape {@code input}.
     *
     * @throws IllegalArgumentException if the layer cannot read that shape
     */
    LayerShape shape(TensorShape input);
}
