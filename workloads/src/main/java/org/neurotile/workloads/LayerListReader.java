package org.neurotile.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.ConfigValue;

/**
 * Reads a network file's {@code layers:} written as a list of layers, one kind each:
 *
 * <pre>
 * layers:
 *   - conv2d: {channels: 32, kernel: 3}   # stride 1, padding 0, dilation 1, groups 1
 *   - conv2d: {channels: 64, kernel: 3, padding: 1, add: 1}   # residual: adds layer 1's output
 *   - maxpool: 2                          # or {kernel: 3, stride: 2, padding: 1}; stride = kernel
 *   - flatten                             # optional: a dense layer reads the maps as they are stored
 *   - dense: 128                          # or {units: 128, activation: tanh, trainable: false,
 *                                         #     normalise: batch}
 *   - dense: 10
 * </pre>
 *
 * A pool runs in the tiles of the convolution before it, so it must follow a conv2d; layers are
 * numbered 1..L over the conv2d and dense entries. Each layer's activation defaults to the file's
 * hidden activation, the last layer's to identity.
 */
final class LayerListReader {
    static final Set<String> KINDS = Set.of("dense", "conv2d", "maxpool", "avgpool", "flatten");
    private static final Set<String> DENSE_KEYS = Set.of("units", "activation", "trainable", "normalise");
    private static final Set<String> CONV_KEYS = Set.of("channels", "kernel", "stride", "padding", "dilation", "groups",
            "activation", "trainable", "add");
    private static final Set<String> POOL_KEYS = Set.of("kernel", "stride", "padding");
    private static final int MAX_KERNEL = 1 << 10;

    /** The layers read, each with the line of its entry. */
    record Layers(List<Layer> layers, List<Integer> lines) {}

    private LayerListReader() {}

    static Layers read(String file, ConfigValue.Sequence items, Activation hidden) {
        List<Layer> layers = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<Boolean> explicit = new ArrayList<>();
        boolean pooled = false;
        for (ConfigValue item : items.items()) {
            if (item instanceof ConfigValue.Scalar scalar && "flatten".equals(scalar.text())) {
                continue;
            }
            if (!(item instanceof ConfigSection entry) || entry.keys().size() != 1) {
                throw new InvalidInputException(file + ":" + item.line() + ": a layer of 'layers' must be one of "
                        + String.join(", ", KINDS.stream().sorted().toList())
                        + " with its settings, e.g. '- dense: 128', got " + item.describe());
            }
            entry.requireOnlyKeys(KINDS);
            String kind = entry.keys().iterator().next();
            switch (kind) {
                case "flatten" -> { }
                case "maxpool", "avgpool" -> {
                    int last = layers.size() - 1;
                    if (last < 0 || !(layers.get(last) instanceof Conv2d conv) || pooled) {
                        throw entry.invalid(kind, "must follow a conv2d layer (a pool runs in the tiles of the"
                                + " convolution it follows, one pool per convolution)");
                    }
                    layers.set(last, conv.pooled(pool(entry, kind)));
                    pooled = true;
                }
                default -> {
                    boolean shorthand = entry.value(kind).orElseThrow() instanceof ConfigValue.Scalar;
                    if (shorthand && kind.equals("conv2d")) {
                        throw entry.invalid(kind, "must be a mapping with at least channels and kernel, e.g."
                                + " {channels: 32, kernel: 3}");
                    }
                    ConfigSection settings = shorthand ? null : entry.getSection(kind);
                    explicit.add(settings != null && settings.has("activation"));
                    Activation activation = settings == null ? hidden : Activation.byName(
                            settings.getChoice("activation", hidden.id(), Activation.ids()));
                    layers.add(kind.equals("conv2d") ? conv(settings, activation) : settings == null
                            ? new Dense(entry.requireInt(kind, 1, NetworkSpecs.MAX_NEURONS), activation, true)
                            : dense(settings, activation));
                    lines.add(entry.lineOf(kind));
                    pooled = false;
                }
            }
        }
        if (layers.isEmpty()) {
            throw new InvalidInputException(file + ":" + items.line() + ": 'layers' must list at least one conv2d or"
                    + " dense layer (the output layer last)");
        }
        int last = layers.size() - 1;
        if (!explicit.get(last)) {
            layers.set(last, withActivation(layers.get(last), Activation.IDENTITY));
        } else if (layers.get(last).activation() != Activation.IDENTITY) {
            throw new InvalidInputException(file + ":" + lines.get(last) + ": the last layer's activation must be"
                    + " identity (softmax + cross-entropy follow it), got " + layers.get(last).activation().id());
        }
        if (layers.get(last) instanceof Dense output && output.normalised()) {
            throw new InvalidInputException(file + ":" + lines.get(last) + ": the last layer cannot have normalise:"
                    + " batch (softmax + cross-entropy read its sums); normalise a hidden dense layer");
        }
        return new Layers(layers, lines);
    }

    private static Dense dense(ConfigSection settings, Activation activation) {
        settings.requireOnlyKeys(DENSE_KEYS);
        int units = settings.requireInt("units", 1, NetworkSpecs.MAX_NEURONS);
        return new Dense(units, activation, settings.getBoolean("trainable", true), normalisation(settings));
    }

    /** {@code normalise: batch} (batch normalisation before the activation) or {@code none}, the default. */
    static boolean normalisation(ConfigSection settings) {
        return settings.getChoice("normalise", "none", List.of("none", "batch")).equals("batch");
    }

    private static Conv2d conv(ConfigSection settings, Activation activation) {
        settings.requireOnlyKeys(CONV_KEYS);
        int channels = settings.requireInt("channels", 1, NetworkSpecs.MAX_NEURONS);
        int kernel = settings.requireInt("kernel", 1, MAX_KERNEL);
        int stride = settings.getInt("stride", 1, 1, MAX_KERNEL);
        int padding = settings.getInt("padding", 0, 0, MAX_KERNEL);
        int dilation = settings.getInt("dilation", 1, 1, MAX_KERNEL);
        int groups = settings.getInt("groups", 1, 1, channels);
        if (channels % groups != 0) {
            throw settings.invalid("groups", "must divide the " + channels + " output channels, got " + groups);
        }
        OptionalInt add = settings.has("add") ? OptionalInt.of(settings.requireInt("add", 0, Integer.MAX_VALUE))
                : OptionalInt.empty();
        return new Conv2d(channels, kernel, stride, padding, dilation, groups, activation, Optional.empty(), add,
                settings.getBoolean("trainable", true));
    }

    private static Pool pool(ConfigSection entry, String kind) {
        Pool.Kind poolKind = kind.equals("maxpool") ? Pool.Kind.MAX : Pool.Kind.AVG;
        if (entry.value(kind).orElseThrow() instanceof ConfigValue.Scalar) {
            int kernel = entry.requireInt(kind, 1, MAX_KERNEL);
            return new Pool(poolKind, kernel, kernel, 0);
        }
        ConfigSection settings = entry.getSection(kind);
        settings.requireOnlyKeys(POOL_KEYS);
        int kernel = settings.requireInt("kernel", 1, MAX_KERNEL);
        int stride = settings.getInt("stride", kernel, 1, MAX_KERNEL);
        int padding = settings.getInt("padding", 0, 0, kernel / 2);
        return new Pool(poolKind, kernel, stride, padding);
    }

    /** {@code layer} with another activation. */
    static Layer withActivation(Layer layer, Activation activation) {
        if (layer instanceof Conv2d c) {
            return new Conv2d(c.channels(), c.kernel(), c.stride(), c.padding(), c.dilation(), c.groups(), activation,
                    c.pool(), c.add(), c.trainable());
        }
        Dense d = (Dense) layer;
        return new Dense(d.neurons(), activation, d.trainable(), d.normalised());
    }

    /** {@code layer} frozen or trainable. */
    static Layer withTrainable(Layer layer, boolean trainable) {
        if (layer instanceof Conv2d c) {
            return new Conv2d(c.channels(), c.kernel(), c.stride(), c.padding(), c.dilation(), c.groups(),
                    c.activation(), c.pool(), c.add(), trainable);
        }
        if (!(layer instanceof Dense d)) {
            throw new InvalidInputException("a " + layer.kind() + " layer cannot be frozen or unfrozen here");
        }
        return new Dense(d.neurons(), d.activation(), trainable, d.normalised());
    }
}
