package org.neurotile.workloads.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.neurotile.workloads.data.IdxFixtures.gzip;
import static org.neurotile.workloads.data.IdxFixtures.images;
import static org.neurotile.workloads.data.IdxFixtures.labels;
import static org.neurotile.workloads.data.IdxFixtures.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkCatalog;

class MnistDirectoryTest {
    /** The shared 10k sample described in its README; used only where present. */
    private static final Path SAMPLE = Path.of("/work/shared/data/mnist-10k");

    @TempDir
    Path dir;

    @Test
    void trainSplitIsFoundGzipped() throws IOException {
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(images(3, 2, 2)));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(1, 2, 3)));
        final Dataset data = MnistDirectory.load(dir, MnistDirectory.Split.TRAIN);
        assertEquals(3, data.size());
        assertEquals(MnistDirectory.CLASSES, data.classes());
    }

    @Test
    void testSplitIsFoundUncompressed() throws IOException {
        write(dir.resolve("t10k-images-idx3-ubyte"), images(2, 1, 1));
        write(dir.resolve("t10k-labels-idx1-ubyte"), labels(7, 8));
        assertEquals(8, MnistDirectory.load(dir, MnistDirectory.Split.TEST).label(1));
    }

    @Test
    void missingLabelsFileIsNamed() throws IOException {
        write(dir.resolve("t10k-images-idx3-ubyte"), images(2, 1, 1));
        final InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MnistDirectory.load(dir, MnistDirectory.Split.TEST));
        assertEquals(dir + ": missing t10k-labels-idx1-ubyte or t10k-labels-idx1-ubyte.gz (the MNIST test split)",
                e.getMessage());
    }

    @Test
    void pathThatIsNotADirectoryIsReported() {
        final Path absent = dir.resolve("nope");
        final InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MnistDirectory.load(absent, MnistDirectory.Split.TRAIN));
        assertEquals(absent + ": not a directory; expected one holding the MNIST IDX files"
                + " (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz])", e.getMessage());
    }

    @Test
    void sharedSampleHasTheClassCountsOfItsReadme() {
        assumeTrue(Files.isDirectory(SAMPLE), "shared MNIST sample not present");
        final Dataset train = MnistDirectory.load(SAMPLE, MnistDirectory.Split.TRAIN);
        final Dataset test = MnistDirectory.load(SAMPLE, MnistDirectory.Split.TEST);
        assertEquals(8_000, train.size());
        assertEquals(2_000, test.size());
        final long[] total = new long[MnistDirectory.CLASSES];
        for (int c = 0; c < total.length; c++) {
            total[c] = train.classCounts()[c] + test.classCounts()[c];
        }
        assertArrayEquals(new long[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, total);
        train.requireMatches(NetworkCatalog.get("mnist-fc"));
    }
}
