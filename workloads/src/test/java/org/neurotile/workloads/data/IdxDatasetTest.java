package org.neurotile.workloads.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurotile.workloads.data.IdxFixtures.gzip;
import static org.neurotile.workloads.data.IdxFixtures.idx;
import static org.neurotile.workloads.data.IdxFixtures.images;
import static org.neurotile.workloads.data.IdxFixtures.labels;
import static org.neurotile.workloads.data.IdxFixtures.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

class IdxDatasetTest {
    @TempDir
    Path dir;

    private String error(Path imagesFile, Path labelsFile) {
        return assertThrows(InvalidInputException.class, () -> IdxDataset.load(imagesFile, labelsFile, 10))
                .getMessage();
    }

    @Test
    void plainFilesLoadWithPixelsScaledToUnitRange() throws IOException {
        final Dataset data = IdxDataset.load(write(dir.resolve("i"), images(3, 2, 2)),
                write(dir.resolve("l"), labels(4, 0, 9)), 10);
        assertEquals(3, data.size());
        assertEquals(4, data.inputSize());
        assertEquals(10, data.classes());
        assertEquals(9, data.label(2));
        final float[] second = new float[4];
        data.copyInput(1, second);
        assertArrayEquals(new float[] {7 / 255f, 8 / 255f, 9 / 255f, 10 / 255f}, second);
    }

    @Test
    void imagesOfAnotherShapeThanTheNetworkReadsAreRefusedNamingBoth() throws IOException {
        final Dataset data = IdxDataset.load(write(dir.resolve("i"), images(3, 4, 4)),
                write(dir.resolve("l"), labels(4, 0, 9)), 10);
        final NetworkSpec wide = new NetworkSpec("wide", new TensorShape(1, 2, 8),
                List.of(Conv2d.of(2, 1, 0, Activation.RELU), Dense.of(10, Activation.IDENTITY)));
        assertEquals("data set " + dir.resolve("i") + " holds images of 1x4x4 (channels x height x width) but network"
                + " 'wide' (1x2x8-2x2x8-10) reads images of 1x2x8",
                assertThrows(InvalidInputException.class, () -> data.requireMatches(wide)).getMessage());
        data.requireMatches(new NetworkSpec("square", new TensorShape(1, 4, 4),
                List.of(Conv2d.of(2, 3, 1, Activation.RELU), Dense.of(10, Activation.IDENTITY))));
        data.requireMatches(new NetworkSpec("flat", 16, List.of(Dense.of(10, Activation.IDENTITY))));
    }

    @Test
    void gzippedFilesLoadTheSameAsPlainOnes() throws IOException {
        final Dataset plain = IdxDataset.load(write(dir.resolve("i"), images(5, 3, 2)),
                write(dir.resolve("l"), labels(1, 2, 3, 4, 5)), 10);
        final Dataset gzipped = IdxDataset.load(write(dir.resolve("i.gz"), gzip(images(5, 3, 2))),
                write(dir.resolve("l.gz"), gzip(labels(1, 2, 3, 4, 5))), 10);
        for (int e = 0; e < 5; e++) {
            assertEquals(plain.label(e), gzipped.label(e));
            for (int i = 0; i < 6; i++) {
                assertEquals(plain.input(e, i), gzipped.input(e, i));
            }
        }
    }

    @Test
    void gzipIsDetectedByContentNotByName() throws IOException {
        final Dataset data = IdxDataset.load(write(dir.resolve("images.idx"), gzip(images(2, 1, 1))),
                write(dir.resolve("labels.gz"), labels(0, 1)), 2);
        assertEquals(7 / 255f, data.input(1, 0));
    }

    @Test
    void pixelValue255ScalesToOne() throws IOException {
        final Path imagesFile = write(dir.resolve("i"), idx(IdxFile.IMAGES_MAGIC, new int[] {1, 1, 2},
                new byte[] {(byte) 255, 0}));
        final Dataset data = IdxDataset.load(imagesFile, write(dir.resolve("l"), labels(0)), 10);
        assertEquals(1f, data.input(0, 0));
        assertEquals(0f, data.input(0, 1));
    }

    @Test
    void labelsFileGivenAsImagesIsAWrongMagicNumber() throws IOException {
        final Path labelsFile = write(dir.resolve("l"), labels(1));
        assertEquals(labelsFile + ": wrong magic number 0x00000801 (expected 0x00000803: unsigned bytes in 3"
                + " dimensions, count x rows x columns); this file holds unsigned byte elements in 1 dimension",
                error(labelsFile, labelsFile));
    }

    @Test
    void nonIdxFileIsNamedAsSuch() throws IOException {
        final Path png = write(dir.resolve("x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        assertEquals(png + ": wrong magic number 0x89504E47 (expected 0x00000803: unsigned bytes in 3 dimensions,"
                + " count x rows x columns); not an IDX file", error(png, png));
    }

    @Test
    void floatElementsAreRefusedNamingTheType() throws IOException {
        final Path floats = write(dir.resolve("f"), idx(0x00000D03, new int[] {1, 1, 1}, new byte[4]));
        assertEquals(floats + ": wrong magic number 0x00000D03 (expected 0x00000803: unsigned bytes in 3 dimensions,"
                + " count x rows x columns); this file holds float elements in 3 dimensions, and only unsigned"
                + " bytes are supported", error(floats, floats));
    }

    @Test
    void truncatedDataSaysHowMuchIsMissing() throws IOException {
        final byte[] whole = images(2, 2, 2);
        final Path cut = write(dir.resolve("i"), Arrays.copyOf(whole, whole.length - 3));
        assertEquals(cut + ": truncated: the header promises 2 x 2 x 2 = 8 bytes of data, the file holds 5",
                error(cut, write(dir.resolve("l"), labels(0, 1))));
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        final Path cut = write(dir.resolve("i"), Arrays.copyOf(images(2, 2, 2), 6));
        assertEquals(cut + ": truncated: the file ends inside the IDX header or gzip stream",
                error(cut, write(dir.resolve("l"), labels(0, 1))));
    }

    @Test
    void truncatedGzipStreamIsReported() throws IOException {
        final byte[] whole = gzip(images(50, 4, 4));
        final Path cut = write(dir.resolve("i.gz"), Arrays.copyOf(whole, whole.length / 2));
        assertEquals(cut + ": truncated: the file ends inside the IDX header or gzip stream",
                error(cut, write(dir.resolve("l"), labels(new int[50]))));
    }

    @Test
    void trailingBytesAreReported() throws IOException {
        final byte[] whole = images(1, 1, 2);
        final Path longer = write(dir.resolve("i"), Arrays.copyOf(whole, whole.length + 1));
        assertEquals(longer + ": holds more data than the 2 bytes its header promises (1 x 1 x 2)",
                error(longer, write(dir.resolve("l"), labels(0))));
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        final Path imagesFile = write(dir.resolve("i"), images(3, 1, 1));
        final Path labelsFile = write(dir.resolve("l"), labels(0, 1));
        assertEquals(labelsFile + ": holds 2 labels but " + imagesFile + " holds 3 images",
                error(imagesFile, labelsFile));
    }

    @Test
    void labelOutOfRangeNamesExampleAndValidRange() throws IOException {
        final Path labelsFile = write(dir.resolve("l"), labels(0, 10));
        assertEquals(labelsFile + ": example 1 (0-based) has label 10, outside 0..9 for 10 classes",
                error(write(dir.resolve("i"), images(2, 1, 1)), labelsFile));
    }

    @Test
    void missingFileIsReported() throws IOException {
        final Path absent = dir.resolve("absent");
        assertEquals(absent + ": file not found", error(absent, write(dir.resolve("l"), labels(0))));
    }

    @Test
    void aPlainFileShorterThanItsHeaderPromisesIsRefusedBeforeReading() throws IOException {
        final Path lying = write(dir.resolve("i"), idx(IdxFile.IMAGES_MAGIC, new int[] {2_000_000_000, 1, 1},
                new byte[10]));
        final Path labelsFile = write(dir.resolve("l"), idx(IdxFile.LABELS_MAGIC, new int[] {2_000_000_000},
                new byte[10]));
        assertEquals(lying + ": truncated: the header promises 2000000000 x 1 x 1 = 2000000000 bytes of data, "
                + "the file holds 10", error(lying, labelsFile));
    }

    @Test
    void aGzipFileCannotPromiseMoreThanDeflateCanExpandTo() throws IOException {
        final Path lying = write(dir.resolve("i.gz"), gzip(idx(IdxFile.IMAGES_MAGIC,
                new int[] {2_000_000_000, 1, 1}, new byte[1000])));
        final Path labelsFile = write(dir.resolve("l"), idx(IdxFile.LABELS_MAGIC, new int[] {2_000_000_000},
                new byte[10]));
        String message = error(lying, labelsFile);
        assertTrue(message.startsWith(lying + ": truncated: its header promises 2000000000 x 1 x 1 = "
                + "2,000,000,000 bytes of data, more than a gzip file of "), message);
    }

    @Test
    void aGzipFileWhoseDataEndsEarlyIsTruncatedWithoutReadingThePromise() throws IOException {
        final Path shortData = write(dir.resolve("i.gz"), gzip(idx(IdxFile.IMAGES_MAGIC, new int[] {1000, 1, 1},
                new byte[10])));
        assertEquals(shortData + ": truncated: the header promises 1000 x 1 x 1 = 1000 bytes of data, the file "
                + "holds 10", error(shortData, write(dir.resolve("l"), labels(new int[1000]))));
    }

    @Test
    void aDataSetLargerThanTheMemoryLeftIsRefusedBeforeItsDataIsRead() throws IOException {
        final byte[] noise = new byte[1 << 20];
        new Random(1).nextBytes(noise);
        final Path imagesFile = write(dir.resolve("i.gz"), gzip(idx(IdxFile.IMAGES_MAGIC,
                new int[] {1 << 10, 32, 32}, noise)));
        final Path labelsFile = write(dir.resolve("l"), labels(new int[1 << 10]));
        String message = assertThrows(InvalidInputException.class,
                () -> IdxDataset.load(imagesFile, labelsFile, 10, 2 << 20)).getMessage();
        assertEquals(imagesFile + ": its header promises 1024 x 32 x 32 = 1,048,576 bytes of data, 5 MiB in memory "
                + "(the bytes as read and a float per pixel), more than the 2 MiB left in the Java heap; raise the "
                + "heap (-Xmx, e.g. NEUROTILE_JAVA_OPTS=-Xmx16g) or use a smaller file", message);
    }

    @Test
    void dataLongerThanOneChunkIsReadWhole() throws IOException {
        final int count = (1 << 24) + 3;
        final byte[] data = new byte[count];
        for (int i = 0; i < count; i++) {
            data[i] = (byte) (i % 251);
        }
        final IdxFile file = IdxFile.read(write(dir.resolve("l"), idx(IdxFile.LABELS_MAGIC, new int[] {count}, data)),
                IdxFile.LABELS_MAGIC);
        assertEquals(count, file.elementCount());
        for (int i : new int[] {0, (1 << 24) - 1, 1 << 24, count - 1}) {
            assertEquals(i % 251, file.unsignedByte(i), "element " + i);
        }
    }
}
