package org.neurotile.neuron.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.neuron.functional.ConvFeedback;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.math.NpyWriter;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.train.FunctionalStep;
import org.neurotile.sim.io.AtomicFiles;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

/**
 * Writes a step so that anyone can recompute it in NumPy: per layer the weights and biases before
 * and after, the feedback matrix (dense form) or convolution (kernels and geometry), plus the input and the label, as {@code .npy} files,
 * and {@code manifest.json} naming every file with its shape and dtype, each layer's activation,
 * the learning rate and the rule.
 */
public final class StateDump {
    private StateDump() {
    }

    /**
     * Writes the dump into {@code directory} (created if absent). A failure part way (a full disk)
     * removes the files written so far, and the directory if this call created it: no partial dump
     * is left to be mistaken for a whole one.
     */
    public static void write(Path directory, FunctionalStep step, String rule, boolean biases) throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new NotDirectoryException(directory.toString());
        }
        final boolean created = !Files.exists(directory);
        Files.createDirectories(directory);
        final List<Path> written = new ArrayList<>();
        try {
            writeFiles(directory, step, rule, biases, written);
        } catch (IOException | RuntimeException e) {
            try {
                for (Path file : written) {
                    Files.deleteIfExists(file);
                }
                if (created) {
                    Files.deleteIfExists(directory);
                }
            } catch (IOException cleanUp) {
                e.addSuppressed(cleanUp);
            }
            throw e;
        }
    }

    private static void writeFiles(Path directory, FunctionalStep step, String rule, boolean biases,
                                   List<Path> written) throws IOException {
        NetworkSpec network = step.before().network();
        Precision precision = step.before().precision();
        NpyFiles files = new NpyFiles(directory, precision, written);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("rule", rule);
        manifest.put("precision", precision.id());
        manifest.put("learningRate", step.learningRate());
        manifest.put("biases", biases);
        manifest.put("loss", "softmax-cross-entropy");
        manifest.put("lossBefore", step.pass().loss());
        manifest.put("lossAfter", step.lossAfter());
        TensorShape input = network.input();
        manifest.put("input", input.isFlat() ? files.values("input.npy", step.input(), step.input().length)
                : files.values("input.npy", step.input(), input.channels(), input.height(), input.width()));
        written.add(directory.resolve("label.npy"));
        NpyWriter.writeInts(directory.resolve("label.npy"), new int[] {step.label()}, 1);
        manifest.put("label", entry("label.npy", "int32", 1));
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int l = 1; l <= network.layerCount(); l++) {
            int rows = network.neurons(l);
            int columns = network.neurons(l - 1);
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("layer", l);
            layer.put("activation", l == network.layerCount() ? "identity" : network.layer(l).activation().id());
            layer.put("trainable", network.layer(l).trainable());
            String prefix = "layer" + l;
            if (network.layer(l) instanceof Conv2d conv) {
                convolution(layer, files, prefix, conv, network, l, step);
            } else {
                layer.put("weightsBefore", files.values(prefix + "_weights_before.npy", step.before().weights(l), rows,
                        columns));
                layer.put("biasesBefore", files.values(prefix + "_biases_before.npy", step.before().biases(l), rows));
                layer.put("weightsAfter", files.values(prefix + "_weights_after.npy", step.after().weights(l), rows,
                        columns));
                layer.put("biasesAfter", files.values(prefix + "_biases_after.npy", step.after().biases(l), rows));
            }
            if (step.feedback().isPresent() && step.feedback().get().matrix(l) != null) {
                Feedback feedback = step.feedback().get();
                int source = feedback.sourceOf(l);
                layer.put("feedback", files.values(prefix + "_feedback.npy", feedback.matrix(l), rows,
                        feedback.matrix(l).length / rows));
                layer.put("feedbackSource", source == network.layerCount() ? "e" : "delta of layer " + source);
            } else if (step.feedback().isPresent() && step.feedback().get().convolution(l) != null) {
                int source = step.feedback().get().sourceOf(l);
                layer.put("feedbackConvolution", convolutionFeedback(files, prefix, step.feedback().get().convolution(l)));
                layer.put("feedbackSource", "delta of layer " + source);
            }
            layers.add(layer);
        }
        manifest.put("layers", layers);
        written.add(directory.resolve("manifest.json"));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeUtf8(directory.resolve("manifest.json"), writer -> json.writeValue(writer, manifest));
    }

    /**
     * A convolution: its geometry, kernels OIHW (C_out, C_in / groups, k, k), biases (C_out,), and a
     * residual projection's weights (C_out, C_from) apart, before and after.
     */
    private static void convolution(Map<String, Object> layer, NpyFiles files, String prefix, Conv2d conv,
                                    NetworkSpec network, int l, FunctionalStep step) throws IOException {
        TensorShape in = network.shape(l).input();
        int kernels = (int) conv.kernelWeights(in) * conv.channels();
        layer.put("kind", conv.kind());
        layer.put("stride", conv.stride());
        layer.put("padding", conv.padding());
        layer.put("dilation", conv.dilation());
        layer.put("groups", conv.groups());
        conv.pool().ifPresent(pool -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", pool.kind().id());
            entry.put("kernel", pool.kernel());
            entry.put("stride", pool.stride());
            entry.put("padding", pool.padding());
            layer.put("pool", entry);
        });
        conv.add().ifPresent(from -> layer.put("add", from));
        int[] oihw = {conv.channels(), in.channels() / conv.groups(), conv.kernel(), conv.kernel()};
        int channels = conv.channels();
        for (String when : new String[] {"before", "after"}) {
            double[] weights = (when.equals("before") ? step.before() : step.after()).weights(l);
            String key = when.equals("before") ? "Before" : "After";
            layer.put("weights" + key, files.values(prefix + "_weights_" + when + ".npy",
                    Arrays.copyOf(weights, kernels), oihw));
            if (weights.length > kernels) {
                layer.put("projection" + key, files.values(prefix + "_projection_" + when + ".npy",
                        Arrays.copyOfRange(weights, kernels, weights.length), channels,
                        (weights.length - kernels) / channels));
            }
            layer.put("biases" + key, files.values(prefix + "_biases_" + when + ".npy",
                    (when.equals("before") ? step.before() : step.after()).biases(l), channels));
        }
    }

    /**
     * A convolutional feedback: its kernels OIHW (C_l, C_s / G, K, K) and what applies them: the
     * source's delta map shape (C_s, H_s, W_s), resized by nearest neighbour to the target's
     * (C_l, H, W), dilation, "same" padding, groups, then the channel shuffle.
     */
    private static Map<String, Object> convolutionFeedback(NpyFiles files, String prefix, ConvFeedback c)
            throws IOException {
        TensorShape source = c.source();
        TensorShape target = c.target();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kernels", files.values(prefix + "_feedback_kernels.npy", c.kernels(), target.channels(),
                source.channels() / c.groups(), c.kernel(), c.kernel()));
        entry.put("sourceShape", new int[] {source.channels(), source.height(), source.width()});
        entry.put("targetShape", new int[] {target.channels(), target.height(), target.width()});
        entry.put("resize", "nearest");
        entry.put("stride", 1);
        entry.put("padding", c.padding());
        entry.put("dilation", c.dilation());
        entry.put("groups", c.groups());
        entry.put("shuffle", "channel");
        return entry;
    }

    /** Writes arrays of values in the dump's precision, remembering each file for the clean-up. */
    private record NpyFiles(Path directory, Precision precision, List<Path> written) {
        Map<String, Object> values(String name, double[] values, int... shape) throws IOException {
            written.add(directory.resolve(name));
            if (precision == Precision.FLOAT32) {
                NpyWriter.writeFloats(directory.resolve(name), values, shape);
            } else {
                NpyWriter.writeDoubles(directory.resolve(name), values, shape);
            }
            return entry(name, precision.id(), shape);
        }
    }

    private static Map<String, Object> entry(String name, String dtype, int... shape) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", name);
        entry.put("shape", shape);
        entry.put("dtype", dtype);
        return entry;
    }
}
