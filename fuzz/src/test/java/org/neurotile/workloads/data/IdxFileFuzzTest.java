package org.neurotile.workloads.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.neurotile.fuzz.ByteMutations;
import org.neurotile.fuzz.InputFiles;
import org.neurotile.fuzz.ParserOracle;

/** IDX files, gzipped or not ({@code --data DIR}): each file alone, then a pair of images and labels. */
class IdxFileFuzzTest {
    private final ParserOracle oracle = new ParserOracle();

    /** A valid images file of {@code count} images of rows x columns, and labels file. */
    static byte[] images(int count, int rows, int columns) {
        ByteBuffer out = ByteBuffer.allocate(16 + count * rows * columns);
        out.putInt(IdxFile.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(columns);
        for (int i = 0; i < count * rows * columns; i++) {
            out.put((byte) (i * 37));
        }
        return out.array();
    }

    static byte[] labels(int count) {
        ByteBuffer out = ByteBuffer.allocate(8 + count);
        out.putInt(IdxFile.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            out.put((byte) (i % 10));
        }
        return out.array();
    }

    @Provide
    Arbitrary<byte[]> files() {
        return ByteMutations.of(List.of(images(3, 2, 2), images(1, 4, 3), labels(3), labels(1),
                ByteMutations.gzip(images(2, 3, 3)), ByteMutations.gzip(labels(2))), List.of(0, 4, 8, 12));
    }

    @Property(tries = 800, seed = "10507")
    void idxFilesReadOrAreRefusedOnOneLine(@ForAll("files") byte[] bytes) {
        check(bytes);
    }

    @Property(tries = 500, seed = "10508")
    void idxPairsLoadOrAreRefusedOnOneLine(@ForAll("files") byte[] images, @ForAll("files") byte[] labels) {
        InputFiles.withBytes("-images.idx", images, imagesFile -> InputFiles.withBytes("-labels.idx", labels,
                labelsFile -> oracle.check(HexFormat.of().formatHex(images) + " / " + HexFormat.of().formatHex(labels),
                        "fuzz-", () -> IdxDataset.load(imagesFile, labelsFile, 10))));
    }

    @FuzzTest(maxDuration = "5m")
    void idxFile(@NotNull byte[] bytes) {
        check(bytes);
    }

    private void check(byte[] bytes) {
        String shown = HexFormat.of().formatHex(bytes);
        InputFiles.withBytes(".idx", bytes, file -> {
            oracle.check(shown, file.toString(), () -> IdxFile.read(file, IdxFile.IMAGES_MAGIC));
            return oracle.check(shown, file.toString(), () -> IdxFile.read(file, IdxFile.LABELS_MAGIC));
        });
    }
}
