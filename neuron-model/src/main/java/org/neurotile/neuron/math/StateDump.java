package org.neurotile.neuron.math;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.workloads.NetworkSpec;

/**
 * Writes a step so that anyone can recompute it in NumPy: per layer the weights and biases before
 * and after, the feedback matrix (dense form), plus the input and the label, as {@code .npy} files,
 * and {@code manifest.json} naming every file with its shape and dtype, each layer's activation,
 * the learning rate and the rule.
 */
public final class StateDump {
    private StateDump() {
    }

    public static void write(Path directory, FunctionalStep step, String rule, boolean biases) throws IOException {
        Files.createDirectories(directory);
        NetworkSpec network = step.before().network();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("rule", rule);
        manifest.put("precision", step.before().precision().id());
        manifest.put("learningRate", step.learningRate());
        manifest.put("biases", biases);
        manifest.put("loss", "softmax-cross-entropy");
        manifest.put("lossBefore", step.pass().loss());
        manifest.put("lossAfter", step.lossAfter());
        Precision precision = step.before().precision();
        manifest.put("input", file(directory, precision, "input.npy", step.input(), step.input().length));
        int[] label = {step.label()};
        NpyWriter.writeInts(directory.resolve("label.npy"), label, 1);
        manifest.put("label", entry("label.npy", "int32", 1));
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int l = 1; l <= network.layerCount(); l++) {
            int rows = network.neurons(l);
            int columns = network.neurons(l - 1);
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("layer", l);
            layer.put("activation", l == network.layerCount() ? "identity" : network.layer(l).activation().id());
            layer.put("trainable", network.layer(l).trainable());
            layer.put("weightsBefore", file(directory, precision, "layer" + l + "_weights_before.npy", step.before().weights(l),
                    rows, columns));
            layer.put("biasesBefore", file(directory, precision, "layer" + l + "_biases_before.npy", step.before().biases(l), rows));
            layer.put("weightsAfter", file(directory, precision, "layer" + l + "_weights_after.npy", step.after().weights(l),
                    rows, columns));
            layer.put("biasesAfter", file(directory, precision, "layer" + l + "_biases_after.npy", step.after().biases(l), rows));
            if (step.feedback().isPresent() && step.feedback().get().matrix(l) != null) {
                Feedback feedback = step.feedback().get();
                int source = feedback.sourceOf(l);
                layer.put("feedback", file(directory, precision, "layer" + l + "_feedback.npy", feedback.matrix(l), rows,
                        network.neurons(source)));
                layer.put("feedbackSource", source == network.layerCount() ? "e" : "delta of layer " + source);
            }
            layers.add(layer);
        }
        manifest.put("layers", layers);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve("manifest.json").toFile(), manifest);
    }

    private static Map<String, Object> file(Path directory, Precision precision, String name, double[] values,
                                            int... shape) throws IOException {
        if (precision == Precision.FLOAT32) {
            NpyWriter.writeFloats(directory.resolve(name), values, shape);
        } else {
            NpyWriter.writeDoubles(directory.resolve(name), values, shape);
        }
        return entry(name, precision.id(), shape);
    }

    private static Map<String, Object> entry(String name, String dtype, int... shape) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", name);
        entry.put("shape", shape);
        entry.put("dtype", dtype);
        return entry;
    }
}
