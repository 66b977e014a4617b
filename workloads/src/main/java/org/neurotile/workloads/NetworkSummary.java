package org.neurotile.workloads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network layer by layer as a user checks it against a paper or PyTorch's summary: each layer's
 * kind and settings, output shape, weights, biases and forward MACs, and the totals.
 */
public record NetworkSummary(String name, TensorShape input, List<Row> rows) {

    /** Layer {@code layer} (1-based): weights without biases; parameters = weights + biases. */
    public record Row(int layer, String kind, String description, TensorShape output, long weights, long biases,
                      long forwardMacs, boolean trainable) {

        public long parameters() {
            return weights + biases;
        }

        /** The row as describe --json and result.json write it, the output as [channels, height, width]. */
        public Map<String, Object> asMap() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", layer);
            row.put("kind", kind);
            row.put("description", description);
            row.put("output", List.of(output.channels(), output.height(), output.width()));
            row.put("weights", weights);
            row.put("biases", biases);
            row.put("parameters", parameters());
            row.put("forwardMacs", forwardMacs);
            row.put("trainable", trainable);
            return row;
        }
    }

    public NetworkSummary {
        rows = List.copyOf(rows);
    }

    public static NetworkSummary of(NetworkSpec network) {
        List<Row> rows = new ArrayList<>(network.layerCount());
        for (int l = 1; l <= network.layerCount(); l++) {
            Layer layer = network.layer(l);
            LayerShape shape = network.shape(l);
            rows.add(new Row(l, layer.kind(), description(layer, shape), shape.output(), shape.weights(),
                    biases(layer, shape), shape.forwardMacs(), layer.trainable()));
        }
        return new NetworkSummary(network.name(), network.input(), rows);
    }

    /**
     * One bias per output channel of a convolution (none on its projection), one per unit otherwise;
     * a batch-normalised layer's scale and shift per unit in its bias's place (two per unit).
     */
    static long biases(Layer layer, LayerShape shape) {
        if (layer instanceof Dense dense && dense.normalised()) {
            return 2L * shape.outputs();
        }
        return layer instanceof Conv2d conv ? conv.channels() : shape.outputs();
    }

    private static String description(Layer layer, LayerShape shape) {
        String activation = layer.activation() == Activation.IDENTITY ? "" : ", " + layer.activation().id();
        if (layer instanceof Conv2d conv) {
            String text = conv.describe();
            int pool = text.indexOf(", ");
            return pool < 0 ? text + activation : text.substring(0, pool) + activation + text.substring(pool);
        }
        String norm = layer instanceof Dense dense && dense.normalised() ? ", batch norm" : "";
        return layer.kind() + " " + shape.outputs() + norm + activation;
    }

    public long weights() {
        return rows.stream().mapToLong(Row::weights).sum();
    }

    public long parameters() {
        return rows.stream().mapToLong(Row::parameters).sum();
    }

    public long forwardMacs() {
        return rows.stream().mapToLong(Row::forwardMacs).sum();
    }

    /** The summary as describe --json writes it: name, input, layers, then the totals. */
    public Map<String, Object> asMap() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("input", List.of(input.channels(), input.height(), input.width()));
        summary.put("layers", rows.stream().map(Row::asMap).toList());
        summary.put("weights", weights());
        summary.put("parameters", parameters());
        summary.put("forwardMacs", forwardMacs());
        return summary;
    }
}
