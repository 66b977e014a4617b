package org.neurotile.workloads.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkSpec;

/**
 * Which examples a training run uses: seeded class clusters, a directory of MNIST IDX files, or a
 * CSV file with a CSV test file; optionally only the first examples of each split. Messages name
 * the command-line options ({@code --data}, {@code --test-data}, {@code --train-examples},
 * {@code --test-examples}) that choose them.
 *
 * @param data          {@value #CLUSTERS}, a directory of IDX files or a CSV file
 * @param testData      the CSV file of test examples when {@code data} is a CSV file, else null
 * @param trainExamples use only the first N training examples (empty: all; clusters: {@value #CLUSTER_TRAIN_EXAMPLES})
 * @param testExamples  use only the first N test examples (empty: all; clusters: {@value #CLUSTER_TEST_EXAMPLES})
 * @param seed          the seed of the clusters
 */
public record DataSelection(String data, Path testData, OptionalInt trainExamples, OptionalInt testExamples,
                            long seed) {
    public static final String CLUSTERS = "clusters";
    public static final int CLUSTER_TRAIN_EXAMPLES = 2000;
    public static final int CLUSTER_TEST_EXAMPLES = 500;
    public static final double CLUSTER_NOISE = 1.0;

    /** The training and test examples of a run. */
    public record Examples(Dataset train, Dataset test) {
    }

    public DataSelection {
        Objects.requireNonNull(data, "data");
        trainExamples.ifPresent(n -> requireCount("--train-examples", n));
        testExamples.ifPresent(n -> requireCount("--test-examples", n));
    }

    /** Loads both splits and checks that they are not empty and fit {@code network}'s input and output layers. */
    public Examples load(NetworkSpec network) {
        Dataset train;
        Dataset test;
        if (data.equals(CLUSTERS)) {
            int trainCount = trainExamples.orElse(CLUSTER_TRAIN_EXAMPLES);
            int testCount = testExamples.orElse(CLUSTER_TEST_EXAMPLES);
            train = new ClusterDataset(seed, network.inputSize(), network.outputs(), trainCount, CLUSTER_NOISE)
                    .generate(0);
            test = new ClusterDataset(seed, network.inputSize(), network.outputs(), testCount, CLUSTER_NOISE)
                    .generate(trainCount);
        } else if (Files.isDirectory(Path.of(data))) {
            train = MnistDirectory.load(Path.of(data), MnistDirectory.Split.TRAIN);
            test = MnistDirectory.load(Path.of(data), MnistDirectory.Split.TEST);
        } else if (Files.isRegularFile(Path.of(data))) {
            if (testData == null) {
                throw new InvalidInputException("--data " + data + " is a CSV file: give the test examples with "
                        + "--test-data FILE");
            }
            train = CsvDataset.load(Path.of(data), network.inputSize(), network.outputs());
            test = CsvDataset.load(testData, network.inputSize(), network.outputs());
        } else {
            throw new InvalidInputException("--data " + data + ": no such directory or file (valid: a directory of "
                    + "MNIST IDX files, a CSV file, or '" + CLUSTERS + "')");
        }
        requireExamples(train, "training");
        requireExamples(test, "test");
        if (trainExamples.isPresent()) {
            train = train.head(trainExamples.getAsInt());
        }
        if (testExamples.isPresent()) {
            test = test.head(testExamples.getAsInt());
        }
        train.requireMatches(network);
        test.requireMatches(network);
        return new Examples(train, test);
    }

    /** An empty split would train or test on nothing and report NaN losses. */
    private static void requireExamples(Dataset data, String split) {
        if (data.size() == 0) {
            throw new InvalidInputException(data.source() + ": holds no examples; the " + split
                    + " split needs at least one");
        }
    }

    private static void requireCount(String option, int count) {
        if (count < 1) {
            throw new InvalidInputException(option + " must be at least 1, got " + count);
        }
    }
}
