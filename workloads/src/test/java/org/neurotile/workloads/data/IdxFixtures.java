package org.neurotile.workloads.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxFixtures {
    private IdxFixtures() {}

    static byte[] idx(int magic, int[] dimensions, byte[] data) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (final int dimension : dimensions) {
                out.writeInt(dimension);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    /** {@code count} images of rows x columns whose pixel p of image e is (e * 7 + p) mod 256. */
    static byte[] images(int count, int rows, int columns) throws IOException {
        final byte[] pixels = new byte[count * rows * columns];
        for (int e = 0; e < count; e++) {
            for (int p = 0; p < rows * columns; p++) {
                pixels[e * rows * columns + p] = (byte) (e * 7 + p);
            }
        }
        return idx(IdxFile.IMAGES_MAGIC, new int[] {count, rows, columns}, pixels);
    }

    static byte[] labels(int... labels) throws IOException {
        final byte[] data = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            data[i] = (byte) labels[i];
        }
        return idx(IdxFile.LABELS_MAGIC, new int[] {labels.length}, data);
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }
}
