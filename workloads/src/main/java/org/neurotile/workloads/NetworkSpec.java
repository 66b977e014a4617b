package org.neurotile.workloads;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A network: input size n_0 and layers 1..L (hidden layers, then the output layer), each reading
 * the outputs of the one before. The output layer feeds softmax + cross-entropy, so its own
 * activation must be identity.
 *
 * <p>Layers are numbered as in the learning-rules spec: {@code neurons(0)} is the input size and
 * {@code neurons(layerCount())} the number of outputs.
 */
public record NetworkSpec(String name, int inputSize, List<Layer> layers) {

    public NetworkSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a network needs a name");
        }
        if (inputSize < 1) {
            throw new IllegalArgumentException("network '" + name + "': input size must be >= 1, got " + inputSize);
        }
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("network '" + name + "' needs at least one layer");
        }
        final Activation output = layers.get(layers.size() - 1).activation();
        if (output != Activation.IDENTITY) {
            throw new IllegalArgumentException("network '" + name + "': the output layer feeds softmax +"
                    + " cross-entropy, so its activation must be identity, got " + output.id());
        }
        int inputs = inputSize;
        for (int i = 0; i < layers.size(); i++) {
            checkShape(name, i + 1, layers.get(i), inputs);
            inputs = layers.get(i).outputs();
        }
    }

    /** Layer l must read the values it is given and output as many values as it says. */
    private static void checkShape(String name, int l, Layer layer, int inputs) {
        final String where = "network '" + name + "': layer " + l + " (" + layer.kind() + ")";
        final LayerShape shape;
        try {
            shape = layer.shape(inputs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " cannot read " + inputs + " values: " + e.getMessage(), e);
        }
        if (shape.outputs() != layer.outputs()) {
            throw new IllegalArgumentException(where + " has " + layer.outputs() + " outputs but a shape of "
                    + shape.outputs());
        }
    }

    /** L, the number of layers with weights (the input is not a layer). */
    public int layerCount() {
        return layers.size();
    }

    /** n_l: the input size for l = 0, else the neurons of layer l (1-based). */
    public int neurons(int l) {
        return l == 0 ? inputSize : layer(l).outputs();
    }

    /** Layer l, 1-based as in the spec. */
    public Layer layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IndexOutOfBoundsException("layer " + l + " outside 1.." + layers.size());
        }
        return layers.get(l - 1);
    }

    /** The shape of layer l (1-based), which reads the n_{l-1} outputs of the layer before. */
    public LayerShape shape(int l) {
        return layer(l).shape(neurons(l - 1));
    }

    /** |W_l| (n_l * n_{l-1} for a dense layer), biases not included. */
    public long weights(int l) {
        return shape(l).weights();
    }

    /** The forward weights of all trainable layers, biases not included. */
    public long totalTrainableWeights() {
        long total = 0;
        for (int l = 1; l <= layerCount(); l++) {
            if (layer(l).trainable()) {
                total += weights(l);
            }
        }
        return total;
    }

    /** n_L, the number of classes the network scores. */
    public int outputs() {
        return neurons(layerCount());
    }

    /** The layer sizes input first, e.g. {@code 784-400-10}. */
    public String describe() {
        return Stream.concat(Stream.of(inputSize), layers.stream().map(Layer::outputs))
                .map(String::valueOf)
                .collect(Collectors.joining("-"));
    }
}
