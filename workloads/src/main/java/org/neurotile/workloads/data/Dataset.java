package org.neurotile.workloads.data;

import java.util.Arrays;
import java.util.Objects;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

/**
 * Labelled examples in memory: example e's inputs are {@code inputSize} floats at offset
 * {@code e * inputSize} of one flat array, so copying an example is one array copy.
 *
 * <p>Sizes are {@code int}: they index Java arrays, which caps a data set at about 2^31 input values.
 */
public final class Dataset {
    private final String source;
    private final int inputSize;
    private final int classes;
    private final float[] inputs;
    private final int[] labels;
    private final TensorShape image; // null where the source gives no image shape (CSV, clusters)

    /** Takes ownership of the arrays; the loaders in this package have already checked the values. */
    Dataset(String source, int inputSize, int classes, float[] inputs, int[] labels) {
        this(source, inputSize, classes, inputs, labels, null);
    }

    /** As above, each example an image of {@code image}'s channels, rows and columns (CHW). */
    Dataset(String source, int inputSize, int classes, float[] inputs, int[] labels, TensorShape image) {
        this.source = Objects.requireNonNull(source, "source");
        if (image != null && image.size() != inputSize) {
            throw new IllegalArgumentException("images of " + image + " are not " + inputSize + " inputs");
        }
        this.image = image;
        if (inputSize < 1 || classes < 1) {
            throw new IllegalArgumentException("input size and classes must be >= 1, got " + inputSize + " and "
                    + classes);
        }
        if ((long) labels.length * inputSize != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " input values do not make " + labels.length
                    + " examples of " + inputSize);
        }
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] < 0 || labels[e] >= classes) {
                throw new IllegalArgumentException("example " + e + " has label " + labels[e] + " outside 0.."
                        + (classes - 1));
            }
        }
        this.inputSize = inputSize;
        this.classes = classes;
        this.inputs = inputs;
        this.labels = labels;
    }

    /** A data set holding copies of {@code inputs} (example after example) and {@code labels}. */
    public static Dataset of(String source, int inputSize, int classes, float[] inputs, int[] labels) {
        return new Dataset(source, inputSize, classes, inputs.clone(), labels.clone());
    }

    /** The first {@code n} examples (all of them if there are fewer). */
    public Dataset head(int n) {
        int count = Math.min(n, labels.length);
        return new Dataset(source + " (first " + count + ")", inputSize, classes,
                Arrays.copyOf(inputs, count * inputSize), Arrays.copyOf(labels, count), image);
    }

    /** Where the examples came from (a file, or a description of generated data), for messages. */
    public String source() {
        return source;
    }

    public int inputSize() {
        return inputSize;
    }

    public int classes() {
        return classes;
    }

    /** The number of examples. */
    public int size() {
        return labels.length;
    }

    public float input(int example, int i) {
        if (i < 0 || i >= inputSize) {
            throw new IndexOutOfBoundsException("input " + i + " outside 0.." + (inputSize - 1));
        }
        return inputs[offset(example) + i];
    }

    /** Copies example {@code example}'s inputs to the start of {@code into}. */
    public void copyInput(int example, float[] into) {
        System.arraycopy(inputs, offset(example), into, 0, inputSize);
    }

    /**
     * The inputs of {@code count} examples, {@code examples[first..first+count-1]} (or
     * first..first+count-1 themselves where {@code examples} is null), stored by unit into
     * {@code into}: input j of the m-th at j count + m. Eight examples at a time, so that each
     * write fills eight neighbouring values rather than one a batch apart.
     */
    public void copyInputsByUnit(int[] examples, int first, int count, float[] into) {
        int[] rows = new int[8];
        for (int m = 0; m < count; m += 8) {
            int block = Math.min(8, count - m);
            for (int b = 0; b < block; b++) {
                int n = first + m + b;
                rows[b] = offset(examples == null ? n : examples[n]);
            }
            for (int j = 0; j < inputSize; j++) {
                int at = j * count + m;
                for (int b = 0; b < block; b++) {
                    into[at + b] = inputs[rows[b] + j];
                }
            }
        }
    }

    public int label(int example) {
        return labels[example];
    }

    /** How many examples each class has, indexed by label. */
    public long[] classCounts() {
        final long[] counts = new long[classes];
        for (final int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Fails, naming both sizes, unless the examples fit {@code network}'s input and output layers. */
    public void requireMatches(NetworkSpec network) {
        final String networkName = "network '" + network.name() + "' (" + network.describe() + ")";
        if (image != null && !network.input().isFlat() && !image.equals(network.input())) {
            throw new InvalidInputException("data set " + source + " holds images of " + image + " (channels x height"
                    + " x width) but " + networkName + " reads images of " + network.input());
        }
        if (network.inputSize() != inputSize) {
            throw new InvalidInputException("data set " + source + " has " + inputSize + " inputs per example but "
                    + networkName + " expects " + network.inputSize());
        }
        if (network.outputs() != classes) {
            throw new InvalidInputException("data set " + source + " has " + classes + " classes but " + networkName
                    + " has " + network.outputs() + " outputs");
        }
    }

    private int offset(int example) {
        Objects.checkIndex(example, labels.length);
        return example * inputSize;
    }

    @Override
    public String toString() {
        return "Dataset[" + source + ", " + size() + " x " + inputSize + ", " + classes + " classes, per class "
                + Arrays.toString(classCounts()) + "]";
    }
}
