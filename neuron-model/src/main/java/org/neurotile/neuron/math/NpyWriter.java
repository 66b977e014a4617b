package org.neurotile.neuron.math;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.neurotile.sim.io.AtomicFiles;

/**
 * Writes NumPy {@code .npy} files (format 1.0): little-endian float64 ({@code <f8}), float32
 * ({@code <f4}) or int32 ({@code <i4}), C order, the header padded with spaces to a multiple of 64 bytes and ended by a
 * newline, as {@code numpy.load} expects.
 */
public final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyWriter() {
    }

    public static void writeDoubles(Path file, double[] values, int... shape) throws IOException {
        check(values.length, shape);
        ByteBuffer data = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            data.putDouble(v);
        }
        write(file, "<f8", shape, data.array());
    }

    /** Writes float32 values; each double must already be a float32 value (it is narrowed exactly). */
    public static void writeFloats(Path file, double[] values, int... shape) throws IOException {
        check(values.length, shape);
        ByteBuffer data = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            float narrowed = (float) v;
            if (narrowed != v && !Double.isNaN(v)) {
                throw new IllegalArgumentException(v + " is not a float32 value");
            }
            data.putFloat(narrowed);
        }
        write(file, "<f4", shape, data.array());
    }

    public static void writeInts(Path file, int[] values, int... shape) throws IOException {
        check(values.length, shape);
        ByteBuffer data = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            data.putInt(v);
        }
        write(file, "<i4", shape, data.array());
    }

    /** The header text for a dtype and shape, e.g. {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}. */
    static String header(String dtype, int[] shape) {
        String dims = shape.length == 1 ? shape[0] + ","
                : Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        return dict + " ".repeat(padding) + "\n";
    }

    private static void write(Path file, String dtype, int[] shape, byte[] data) throws IOException {
        byte[] header = header(dtype, shape).getBytes(StandardCharsets.US_ASCII);
        AtomicFiles.write(file, out -> {
            out.write(MAGIC);
            out.write(header.length & 0xFF);
            out.write(header.length >>> 8);
            out.write(header);
            out.write(data);
        });
    }

    private static void check(int length, int[] shape) {
        long product = 1;
        for (int d : shape) {
            product *= d;
        }
        if (shape.length == 0 || product != length) {
            throw new IllegalArgumentException(length + " values do not fill shape " + Arrays.toString(shape));
        }
    }
}
