package org.neurotile.workloads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neurotile.sim.InvalidInputException;

/**
 * The networks of the feedback-alignment papers, by name: fully connected ones, then the
 * convolutional ones ({@link ConvNetworks}).
 *
 * <p>Hidden layers use relu. The DFA papers often use tanh (Nokland 2016) but relu is what the
 * later sparse and binary DFA work trains with, and the cost model does not depend on the choice;
 * load a network file to use tanh. Every listed layer is trainable. The {@code *-convnet-fc},
 * {@code alexnet-fc} and {@code vgg16-fc} entries are the fully connected heads alone (their input is
 * the flattened feature map of {@code cifar100-cnn}, {@code alexnet} and {@code vgg16}).
 * {@code mnist-3x800-bn} is {@code mnist-3x800} as the directional-DFA authors build it
 * (github.com/Florian-BACHO/FDFA, networks/fc_mnist.py): batch normalisation before each hidden relu.
 */
public final class NetworkCatalog {
    /** The activation of every hidden layer of a catalog network. */
    public static final Activation HIDDEN_ACTIVATION = Activation.RELU;

    private static final int DEEP_HIDDEN_LAYERS = 100;
    private static final int DEEP_HIDDEN_NEURONS = 200;

    private static final Map<String, NetworkSpec> NETWORKS = build();

    private NetworkCatalog() {}

    /** The catalog names, in a fixed order (small networks first). */
    public static Set<String> names() {
        return NETWORKS.keySet();
    }

    public static boolean contains(String name) {
        return NETWORKS.containsKey(name);
    }

    /** The network called {@code name}; the error lists the valid names. */
    public static NetworkSpec get(String name) {
        final NetworkSpec network = NETWORKS.get(name);
        if (network == null) {
            throw new InvalidInputException("unknown network '" + name + "' (catalog: " + String.join(", ", names())
                    + ")");
        }
        return network;
    }

    private static Map<String, NetworkSpec> build() {
        final List<NetworkSpec> networks = List.of(
                fc("mnist-fc", 784, 400, 10),
                fc("mnist-3x800", 784, 800, 800, 800, 10),
                normalisedFc("mnist-3x800-bn", 784, 800, 800, 800, 10),
                deep("mnist-deep-100x200", 784, DEEP_HIDDEN_LAYERS, DEEP_HIDDEN_NEURONS, 10),
                fc("cifar10-fc", 3072, 1000, 1000, 1000, 10),
                fc("cifar100-fc", 3072, 1000, 1000, 1000, 100),
                fc("cifar100-convnet-fc", 4096, 2048, 2048, 100),
                fc("alexnet-fc", 9216, 4096, 4096, 1000),
                fc("vgg16-fc", 25088, 4096, 4096, 1000),
                ConvNetworks.mnist(),
                ConvNetworks.cifar("cifar10-cnn", 10),
                ConvNetworks.cifar("cifar100-cnn", 100),
                ConvNetworks.vgg16Cifar(),
                ConvNetworks.resnet18Cifar(),
                ConvNetworks.alexnet(),
                ConvNetworks.vgg16());
        final Map<String, NetworkSpec> byName = new LinkedHashMap<>();
        networks.forEach(network -> byName.put(network.name(), network));
        return Collections.unmodifiableMap(byName);
    }

    /** {@code sizes} holds the hidden sizes then the output size. */
    private static NetworkSpec fc(String name, int inputSize, int... sizes) {
        final List<Layer> layers = new ArrayList<>(sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            final boolean output = i == sizes.length - 1;
            layers.add(Dense.of(sizes[i], output ? Activation.IDENTITY : HIDDEN_ACTIVATION));
        }
        return new NetworkSpec(name, inputSize, layers);
    }

    /** As {@link #fc}, with batch normalisation before every hidden layer's activation. */
    private static NetworkSpec normalisedFc(String name, int inputSize, int... sizes) {
        final List<Layer> layers = new ArrayList<>(sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            final boolean output = i == sizes.length - 1;
            layers.add(output ? Dense.of(sizes[i], Activation.IDENTITY) : Dense.normalised(sizes[i], HIDDEN_ACTIVATION));
        }
        return new NetworkSpec(name, inputSize, layers);
    }

    private static NetworkSpec deep(String name, int inputSize, int hiddenLayers, int hiddenNeurons, int outputs) {
        final int[] sizes = new int[hiddenLayers + 1];
        Arrays.fill(sizes, hiddenNeurons);
        sizes[hiddenLayers] = outputs;
        return fc(name, inputSize, sizes);
    }
}
