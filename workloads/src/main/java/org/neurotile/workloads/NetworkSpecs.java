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
import org.neurotile.sim.config.DoubleRange;

/**
 * Reads a network description from a YAML or JSON file, strictly: unknown keys are errors naming
 * the file, line and nearest valid key.
 *
 * <pre>
 * name: mnist-small            # optional, default: the file name without extension
 * input: 784                   # n_0, required
 * layers: [400, 200, 10]       # neurons per layer, output layer last, required
 * hidden-activation: tanh      # optional, default relu; the output layer is always identity
 * overrides:                   # optional, by layer number 1..L
 *   1: {trainable: false}
 *   2: {activation: sigmoid}
 * </pre>
 *
 * Layers are a list of sizes plus overrides, rather than a list of mappings, so that every value
 * keeps the line number the configuration reader gives mappings, and a 100-layer network stays
 * one line.
 */
public final class NetworkSpecs {
    private static final Set<String> KEYS = Set.of("name", "input", "layers", "hidden-activation", "overrides");
    private static final Set<String> OVERRIDE_KEYS = Set.of("activation", "trainable");
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
    private static final DoubleRange LAYER_SIZE = DoubleRange.closed(1, MAX_NEURONS);

    private NetworkSpecs() {}

    public static NetworkSpec load(Path file) {
        final ConfigSection root = ConfigFile.load(file);
        root.requireOnlyKeys(KEYS);
        final String name = root.getString("name", defaultName(file));
        if (name.isBlank()) {
            throw root.invalid("name", "must not be empty");
        }
        final int inputSize = root.requireInt("input", 1, MAX_NEURONS);
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
        final Activation hidden = Activation.byName(
                root.getChoice("hidden-activation", NetworkCatalog.HIDDEN_ACTIVATION.id(), Activation.ids()));
        final Activation[] activations = new Activation[sizes.length];
        final boolean[] trainable = new boolean[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            activations[i] = i == sizes.length - 1 ? Activation.IDENTITY : hidden;
            trainable[i] = true;
        }
        applyOverrides(root.getSection("overrides"), activations, trainable);
        final List<Layer> layers = new ArrayList<>(sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            layers.add(new Dense(sizes[i], activations[i], trainable[i]));
        }
        return new NetworkSpec(name, inputSize, layers);
    }

    private static int[] layerSizes(ConfigSection root) {
        final List<Double> sizes = root.getDoubleList("layers", null, LAYER_SIZE);
        if (sizes == null) {
            throw new InvalidInputException(root.file() + ":" + root.line() + ": missing required key 'layers'"
                    + " (a list of neurons per layer, output layer last, e.g. [400, 10])");
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

    private static void applyOverrides(ConfigSection overrides, Activation[] activations, boolean[] trainable) {
        final int layerCount = activations.length;
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
            activations[i] = Activation.byName(override.getChoice("activation", activations[i].id(), Activation.ids()));
            if (layer == layerCount && activations[i] != Activation.IDENTITY) {
                throw override.invalid("activation", "must be identity for the output layer (layer " + layer
                        + "): softmax + cross-entropy follow it");
            }
            trainable[i] = override.getBoolean("trainable", trainable[i]);
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
