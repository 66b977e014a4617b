package org.neurotile.workloads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigFile;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.ConfigValue;
import org.neurotile.sim.config.DoubleRange;

/**
 * Reads a network description from a YAML or JSON file, strictly: unknown keys are errors naming
 * the file, line and nearest valid key.
 *
 * <pre>
 * name: mnist-small            # optional, default: the file name without extension
 * input: 784                   # n_0, required; [channels, height, width] for images
 * layers: [400, 200, 10]       # neurons per layer, output layer last, required; or a list of
 *                              # conv2d, maxpool, avgpool, flatten and dense entries (LayerListReader)
 * hidden-activation: tanh      # optional, default relu; the output layer is always identity
 * overrides:                   # optional, by layer number 1..L
 *   1: {trainable: false}
 *   2: {activation: sigmoid, normalise: batch}   # batch normalisation before the activation
 * </pre>
 *
 * A fully connected network is a list of sizes plus overrides, so that a 100-layer network stays
 * one line; a convolutional one lists its layers as mappings, each kept with its line.
 */
public final class NetworkSpecs {
    private static final Set<String> KEYS = Set.of("name", "input", "layers", "hidden-activation", "overrides");
    private static final Set<String> OVERRIDE_KEYS = Set.of("activation", "trainable", "normalise");
    /**
     * The widest layer (and input) a file may declare: 2^20, about 40 times the widest layer of the
     * catalog (vgg16-fc's 25,088 inputs). Wider layers are far outside the tile arrays modelled and
     * are refused here, at their line, instead of failing for memory later.
     */
    public static final int MAX_NEURONS = 1 << 20;
    /**
     * The most weights one layer may have, n_{l-1} x n_l: 2^30, 10 times the largest layer of the
     * catalog (vgg16-fc's 25,088 x 4,096) and half of the 2^31 - 8 values one Java array (a 32-bit
     * index) holds, where a layer's weights live in functional runs and training; the margin
     * covers state kept beside them.
     */
    public static final long MAX_LAYER_WEIGHTS = 1L << 30;
    /**
     * The most values one layer may output (or the input hold): 2^26, 20 times the largest
     * feature maps of the catalog (vgg16's first two layers, 64 x 224 x 224).
     */
    public static final int MAX_VALUES = 1 << 26;
    private static final DoubleRange LAYER_SIZE = DoubleRange.closed(1, MAX_NEURONS);

    private NetworkSpecs() {}

    public static NetworkSpec load(Path file) {
        final ConfigSection root = ConfigFile.load(file);
        root.requireOnlyKeys(KEYS);
        final String name = root.getString("name", defaultName(file));
        if (name.isBlank()) {
            throw root.invalid("name", "must not be empty");
        }
        final TensorShape input = input(root);
        final Activation hidden = Activation.byName(
                root.getChoice("hidden-activation", NetworkCatalog.HIDDEN_ACTIVATION.id(), Activation.ids()));
        final LayerListReader.Layers read = isSizeList(root) ? sizeList(root, input.size(), hidden)
                : LayerListReader.read(root.file(), (ConfigValue.Sequence) root.value("layers").orElseThrow(), hidden);
        final List<Layer> layers = new ArrayList<>(read.layers());
        applyOverrides(root.getSection("overrides"), layers);
        final NetworkSpec network;
        try {
            network = new NetworkSpec(name, input, layers);
        } catch (LayerShapeException e) {
            throw new InvalidInputException(root.file() + ":" + read.lines().get(e.layer() - 1) + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(root.file() + ": " + e.getMessage());
        }
        checkSizes(root, network, read.lines());
        return network;
    }

    /** {@code input: 784} for a vector, {@code input: [channels, height, width]} for images. */
    private static TensorShape input(ConfigSection root) {
        if (root.value("input").orElse(null) instanceof ConfigValue.Sequence) {
            final List<Double> sizes = root.getDoubleList("input", null, LAYER_SIZE);
            if (sizes.size() != 3 || sizes.stream().anyMatch(size -> size != Math.rint(size))) {
                throw root.invalid("input", "must be a number of values or [channels, height, width] of whole numbers,"
                        + " got " + sizes.size() + " numbers");
            }
            final long values = (long) (sizes.get(0) * sizes.get(1) * sizes.get(2));
            if (values > MAX_VALUES) {
                throw root.invalid("input", String.format(Locale.ROOT, "holds %,d values, more than the %,d a layer"
                        + " may read", values, MAX_VALUES));
            }
            return new TensorShape(sizes.get(0).intValue(), sizes.get(1).intValue(), sizes.get(2).intValue());
        }
        return TensorShape.flat(root.requireInt("input", 1, MAX_NEURONS));
    }

    /** Whether {@code layers} is the list of sizes of a fully connected network (or missing). */
    private static boolean isSizeList(ConfigSection root) {
        final ConfigValue layers = root.value("layers").orElse(null);
        return !(layers instanceof ConfigValue.Sequence sequence) || sequence.items().isEmpty()
                || sequence.items().stream().allMatch(item -> item instanceof ConfigValue.Scalar scalar
                        && !"flatten".equals(scalar.text()));
    }

    private static LayerListReader.Layers sizeList(ConfigSection root, int inputSize, Activation hidden) {
        final int[] sizes = layerSizes(root);
        long previous = inputSize;
        for (int i = 0; i < sizes.length; i++) {
            final long weights = previous * sizes[i];
            if (weights > MAX_LAYER_WEIGHTS) {
                throw root.invalid("layers", String.format(Locale.ROOT, "element %d: layer %d has %,d x %,d = %,d "
                        + "weights, more than the %,d one layer may have (a layer's weights are one Java array)",
                        i + 1, i + 1, previous, sizes[i], weights, MAX_LAYER_WEIGHTS));
            }
            previous = sizes[i];
        }
        final List<Layer> layers = new ArrayList<>(sizes.length);
        final List<Integer> lines = new ArrayList<>(sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            layers.add(new Dense(sizes[i], i == sizes.length - 1 ? Activation.IDENTITY : hidden, true));
            lines.add(root.lineOf("layers"));
        }
        return new LayerListReader.Layers(layers, lines);
    }

    /** A layer's weights must fit one Java array and its output the values a layer may hold. */
    private static void checkSizes(ConfigSection root, NetworkSpec network, List<Integer> lines) {
        for (int l = 1; l <= network.layerCount(); l++) {
            final String where = root.file() + ":" + lines.get(l - 1) + ": layer " + l + " (" + network.layer(l).kind()
                    + ")";
            final LayerShape shape = network.shape(l);
            if (shape.weights() > MAX_LAYER_WEIGHTS) {
                throw new InvalidInputException(String.format(Locale.ROOT, "%s has %,d weights, more than the %,d one"
                        + " layer may have (a layer's weights are one Java array)", where, shape.weights(),
                        MAX_LAYER_WEIGHTS));
            }
            if (shape.outputs() > MAX_VALUES) {
                throw new InvalidInputException(String.format(Locale.ROOT, "%s outputs %s = %,d values, more than the"
                        + " %,d a layer may hold", where, shape.output(), shape.outputs(), MAX_VALUES));
            }
        }
    }

    private static int[] layerSizes(ConfigSection root) {
        final List<Double> sizes = root.getDoubleList("layers", null, LAYER_SIZE);
        if (sizes == null) {
            throw new InvalidInputException(root.file() + ":" + root.line() + ": missing required key 'layers'"
                    + " (a list of neurons per layer, output layer last, e.g. [400, 10], or of conv2d, maxpool,"
                    + " avgpool, flatten and dense entries)");
        }
        if (sizes.isEmpty()) {
            throw root.invalid("layers", "must list at least one layer (the output layer)");
        }
        final int[] result = new int[sizes.size()];
        for (int i = 0; i < result.length; i++) {
            final double size = sizes.get(i);
            if (size != Math.rint(size)) {
                throw root.invalid("layers", "element " + (i + 1) + " must be a whole number of neurons, got " + size);
            }
            result[i] = (int) size;
        }
        return result;
    }

    private static void applyOverrides(ConfigSection overrides, List<Layer> layers) {
        final int layerCount = layers.size();
        final Map<Integer, String> seen = new HashMap<>();
        for (final String key : overrides.keys()) {
            final int layer = layerNumber(overrides, key, layerCount);
            final String previous = seen.put(layer, key);
            if (previous != null) {
                throw overrides.invalid(key, "overrides layer " + layer + " again (first as '" + previous + "')");
            }
            final ConfigSection override = overrides.getSection(key);
            override.requireOnlyKeys(OVERRIDE_KEYS);
            final int i = layer - 1;
            final Activation activation = Activation.byName(override.getChoice("activation",
                    layers.get(i).activation().id(), Activation.ids()));
            if (layer == layerCount && activation != Activation.IDENTITY) {
                throw override.invalid("activation", "must be identity for the output layer (layer " + layer
                        + "): softmax + cross-entropy follow it");
            }
            Layer changed = LayerListReader.withTrainable(LayerListReader.withActivation(layers.get(i), activation),
                    override.getBoolean("trainable", layers.get(i).trainable()));
            if (override.has("normalise")) {
                boolean normalised = LayerListReader.normalisation(override);
                if (!(changed instanceof Dense)) {
                    throw override.invalid("normalise", "is for dense layers; layer " + layer + " is "
                            + changed.kind());
                }
                if (normalised && layer == layerCount) {
                    throw override.invalid("normalise", "cannot be batch for the output layer (layer " + layer
                            + "): softmax + cross-entropy read its sums");
                }
                changed = new Dense(((Dense) changed).neurons(), changed.activation(), changed.trainable(), normalised);
            }
            layers.set(i, changed);
        }
    }

    private static int layerNumber(ConfigSection overrides, String key, int layerCount) {
        final String valid = "expected a layer number in 1.." + layerCount;
        try {
            final int layer = Integer.parseInt(key.trim());
            if (layer >= 1 && layer <= layerCount) {
                return layer;
            }
        } catch (NumberFormatException e) {
            throw overrides.invalid(key, "is not a layer number: " + valid);
        }
        throw overrides.invalid(key, "is outside the network: " + valid);
    }

    private static String defaultName(Path file) {
        final Path fileName = file.getFileName();
        final String base = fileName == null ? file.toString() : fileName.toString();
        final int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
