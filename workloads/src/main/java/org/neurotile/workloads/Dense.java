package org.neurotile.workloads;

import java.util.Objects;

/**
 * One fully connected layer: {@code neurons} outputs, each with a row of incoming weights and a bias.
 * A layer that is not {@code trainable} keeps its weights (e.g. a frozen layer in transfer learning).
 * A {@code normalised} layer has batch normalisation between its sums and its activation (Ioffe and
 * Szegedy 2015): each sum less the minibatch's mean over the square root of its variance, then a
 * learned scale and shift per unit (which take the bias's place); at test time running statistics.
 *
 * <p>Sizes are {@code int} because they index arrays; derived counts such as weights are {@code long}.
 */
public record Dense(int neurons, Activation activation, boolean trainable, boolean normalised) implements Layer {

    public Dense {
        Objects.requireNonNull(activation, "activation");
        if (neurons < 1) {
            throw new IllegalArgumentException("a layer needs at least one neuron, got " + neurons);
        }
    }

    /** A layer without batch normalisation. */
    public Dense(int neurons, Activation activation, boolean trainable) {
        this(neurons, activation, trainable, false);
    }

    /** A trainable layer. */
    public static Dense of(int neurons, Activation activation) {
        return new Dense(neurons, activation, true);
    }

    /** A trainable layer with batch normalisation before its activation. */
    public static Dense normalised(int neurons, Activation activation) {
        return new Dense(neurons, activation, true, true);
    }

    @Override
    public String kind() {
        return "dense";
    }

    /** The shape reading a vector of {@code inputs} values. */
    public LayerShape shape(int inputs) {
        return shape(TensorShape.flat(inputs));
    }

    /**
     * Every output reads every input value (a convolution's maps in their stored order):
     * n_l * n_{l-1} weights and MACs.
     */
    @Override
    public LayerShape shape(TensorShape input) {
        int inputs = input.size();
        long weights = (long) neurons * inputs;
        return new LayerShape(inputs, neurons, weights, weights, inputs, neurons);
    }
}
