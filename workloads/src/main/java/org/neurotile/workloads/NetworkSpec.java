package org.neurotile.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A network: an input of shape n_0 and layers 1..L (hidden layers, then the output layer), each
 * reading the outputs of the one before; a convolution may also add an earlier layer's output
 * (a residual connection), which makes the network a graph rather than a chain. The output layer
 * feeds softmax + cross-entropy, so its own activation must be identity.
 *
 * <p>Layers are numbered as in the learning-rules spec: {@code neurons(0)} is the input size and
 * {@code neurons(layerCount())} the number of outputs; a layer's neurons are the values it outputs.
 * Every layer's shape is checked, and kept, when the network is built.
 */
public final class NetworkSpec {
    private final String name;
    private final TensorShape input;
    private final List<Layer> layers;
    private final List<LayerShape> shapes; // index l - 1

    public NetworkSpec(String name, TensorShape input, List<Layer> layers) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a network needs a name");
        }
        this.name = name;
        this.input = input;
        this.layers = List.copyOf(layers);
        if (this.layers.isEmpty()) {
            throw new IllegalArgumentException("network '" + name + "' needs at least one layer");
        }
        final Activation output = this.layers.get(this.layers.size() - 1).activation();
        if (output != Activation.IDENTITY) {
            throw new IllegalArgumentException("network '" + name + "': the output layer feeds softmax +"
                    + " cross-entropy, so its activation must be identity, got " + output.id());
        }
        if (this.layers.get(this.layers.size() - 1) instanceof Dense last && last.normalised()) {
            throw new IllegalArgumentException("network '" + name + "': the output layer feeds softmax +"
                    + " cross-entropy its sums, so it cannot be batch-normalised");
        }
        this.shapes = shapes(name, input, this.layers);
    }

    /** A network whose input is a vector of {@code inputSize} values. */
    public NetworkSpec(String name, int inputSize, List<Layer> layers) {
        this(name, flatInput(name, inputSize), layers);
    }

    private static TensorShape flatInput(String name, int inputSize) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("network '" + name + "': input size must be >= 1, got " + inputSize);
        }
        return TensorShape.flat(inputSize);
    }

    /** Each layer must read the values it is given; a residual add must name an earlier layer of a shape it can add. */
    private static List<LayerShape> shapes(String name, TensorShape input, List<Layer> layers) {
        final List<LayerShape> shapes = new ArrayList<>(layers.size());
        TensorShape in = input;
        for (int i = 0; i < layers.size(); i++) {
            final int l = i + 1;
            final Layer layer = layers.get(i);
            final String where = "network '" + name + "': layer " + l + " (" + layer.kind() + ")";
            final LayerShape shape;
            try {
                shape = shapeOf(layer, l, in, input, shapes);
            } catch (IllegalArgumentException e) {
                throw new LayerShapeException(l, where + " cannot read " + in + " values: " + e.getMessage(), e);
            }
            shapes.add(shape);
            in = shape.output();
        }
        return List.copyOf(shapes);
    }

    private static LayerShape shapeOf(Layer layer, int l, TensorShape in, TensorShape input, List<LayerShape> below) {
        if (layer instanceof Conv2d conv && conv.add().isPresent()) {
            final int from = conv.add().getAsInt();
            if (from >= l - 1) {
                throw new IllegalArgumentException("its residual add names layer " + from + ", valid: 0 (the input) to "
                        + (l - 2) + " (an earlier layer than the one it reads)");
            }
            return conv.shape(in, Optional.of(from == 0 ? input : below.get(from - 1).output()));
        }
        return layer.shape(in);
    }

    public String name() {
        return name;
    }

    /** The shape of the input values. */
    public TensorShape input() {
        return input;
    }

    /** The layers 1..L, in order. */
    public List<Layer> layers() {
        return layers;
    }

    /** n_0, the number of input values. */
    public int inputSize() {
        return input.size();
    }

    /** L, the number of layers with weights (the input is not a layer). */
    public int layerCount() {
        return layers.size();
    }

    /** n_l: the input size for l = 0, else the values layer l (1-based) outputs. */
    public int neurons(int l) {
        return l == 0 ? input.size() : shape(l).outputs();
    }

    /** The shape of the values of layer l: the input's for l = 0. */
    public TensorShape output(int l) {
        return l == 0 ? input : shape(l).output();
    }

    /** Layer l, 1-based as in the spec. */
    public Layer layer(int l) {
        checkLayer(l);
        return layers.get(l - 1);
    }

    /** The shape of layer l (1-based), which reads the n_{l-1} outputs of the layer before. */
    public LayerShape shape(int l) {
        checkLayer(l);
        return shapes.get(l - 1);
    }

    private void checkLayer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IndexOutOfBoundsException("layer " + l + " outside 1.." + layers.size());
        }
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

    /** The layers that keep their weights (not trainable), in order. */
    public List<Integer> frozenLayers() {
        return IntStream.rangeClosed(1, layerCount()).filter(l -> !layer(l).trainable()).boxed().toList();
    }

    /** n_L, the number of classes the network scores. */
    public int outputs() {
        return neurons(layerCount());
    }

    /** Whether every layer is dense and the input a vector: the networks the papers' closed forms cover. */
    public boolean isFullyConnected() {
        return input.isFlat() && layers.stream().allMatch(layer -> layer instanceof Dense);
    }

    /** The layer sizes input first, e.g. {@code 784-400-10}; feature maps as CxHxW, e.g. {@code 1x28x28-32x26x26-10}. */
    public String describe() {
        return IntStream.rangeClosed(0, layerCount()).mapToObj(l -> output(l).toString())
                .collect(Collectors.joining("-"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkSpec that && name.equals(that.name) && input.equals(that.input)
                && layers.equals(that.layers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, input, layers);
    }

    @Override
    public String toString() {
        return "NetworkSpec[name=" + name + ", input=" + input + ", layers=" + layers + "]";
    }
}
