package org.neurotile.workloads.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.neurotile.workloads.data.IdxFixtures.images;
import static org.neurotile.workloads.data.IdxFixtures.labels;
import static org.neurotile.workloads.data.IdxFixtures.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class DataSelectionTest {
    private static final NetworkSpec NET = new NetworkSpec("net", 4, List.of(
            Dense.of(3, Activation.RELU), Dense.of(10, Activation.IDENTITY)));
    private static final OptionalInt ALL = OptionalInt.empty();

    @TempDir
    Path dir;

    private static DataSelection of(String data, Path testData, OptionalInt train, OptionalInt test) {
        return new DataSelection(data, testData, train, test, 1);
    }

    @Test
    void clustersDefaultToTheDeclaredSplitSizes() {
        DataSelection.Examples examples = of(DataSelection.CLUSTERS, null, ALL, ALL).load(NET);
        assertEquals(DataSelection.CLUSTER_TRAIN_EXAMPLES, examples.train().size());
        assertEquals(DataSelection.CLUSTER_TEST_EXAMPLES, examples.test().size());
    }

    @Test
    void theClusterTestSplitFollowsTheTrainingSplitOfTheSameSeed() {
        DataSelection.Examples examples = of(DataSelection.CLUSTERS, null, OptionalInt.of(30), OptionalInt.of(5))
                .load(NET);
        Dataset whole = new ClusterDataset(1, 4, 10, 35, DataSelection.CLUSTER_NOISE).generate(0);
        assertEquals(whole.label(30), examples.test().label(0));
        assertEquals(whole.input(34, 3), examples.test().input(4, 3));
    }

    @Test
    void anIdxDirectoryGivesItsTrainAndTestFilesCutToTheFirstExamples() throws IOException {
        write(dir.resolve("train-images-idx3-ubyte"), images(3, 2, 2));
        write(dir.resolve("train-labels-idx1-ubyte"), labels(1, 2, 3));
        write(dir.resolve("t10k-images-idx3-ubyte"), images(2, 2, 2));
        write(dir.resolve("t10k-labels-idx1-ubyte"), labels(7, 8));
        DataSelection.Examples examples = of(dir.toString(), null, OptionalInt.of(2), ALL).load(NET);
        assertEquals(2, examples.train().size());
        assertEquals(2, examples.test().size());
        assertEquals(8, examples.test().label(1));
    }

    @Test
    void aCsvFileNeedsATestFile() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "1,0,0,0,0\n");
        assertEquals("--data " + train + " is a CSV file: give the test examples with --test-data FILE",
                assertThrows(InvalidInputException.class, () -> of(train.toString(), null, ALL, ALL).load(NET))
                        .getMessage());
    }

    @Test
    void csvFilesGiveBothSplits() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "1,0,0,0,0\n2,1,1,1,1\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "9,0.5,0,0,0\n");
        DataSelection.Examples examples = of(train.toString(), test, ALL, ALL).load(NET);
        assertEquals(2, examples.train().size());
        assertEquals(9, examples.test().label(0));
    }

    @Test
    void aMissingPathSaysWhatIsValid() {
        String missing = dir.resolve("nothing").toString();
        assertEquals("--data " + missing + ": no such directory or file (valid: a directory of MNIST IDX files, a "
                + "CSV file, or 'clusters')", assertThrows(InvalidInputException.class,
                () -> of(missing, null, ALL, ALL).load(NET)).getMessage());
    }

    @Test
    void anEmptySplitIsRefusedNamingItsSource() throws IOException {
        write(dir.resolve("train-images-idx3-ubyte"), images(0, 2, 2));
        write(dir.resolve("train-labels-idx1-ubyte"), labels());
        write(dir.resolve("t10k-images-idx3-ubyte"), images(1, 2, 2));
        write(dir.resolve("t10k-labels-idx1-ubyte"), labels(3));
        assertEquals(dir.resolve("train-images-idx3-ubyte") + ": holds no examples; the training split needs at "
                + "least one", assertThrows(InvalidInputException.class,
                () -> of(dir.toString(), null, ALL, ALL).load(NET)).getMessage());
    }

    @Test
    void aCountBelowOneIsRefusedNamingTheOption() {
        assertEquals("--test-examples must be at least 1, got 0", assertThrows(InvalidInputException.class,
                () -> of(DataSelection.CLUSTERS, null, ALL, OptionalInt.of(0))).getMessage());
    }

    @Test
    void examplesThatDoNotFitTheNetworkAreRefused() {
        NetworkSpec other = new NetworkSpec("other", 4, List.of(Dense.of(3, Activation.IDENTITY)));
        assertEquals(3, of(DataSelection.CLUSTERS, null, OptionalInt.of(3), OptionalInt.of(1)).load(other)
                .train().classes());
        Path train = dir.resolve("train.csv");
        assertThrows(InvalidInputException.class, () -> {
            Files.writeString(train, "1,0,0,0\n");
            of(train.toString(), train, ALL, ALL).load(NET);
        });
    }
}
