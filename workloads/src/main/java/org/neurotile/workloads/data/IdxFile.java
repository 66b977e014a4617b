package org.neurotile.workloads.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.neurotile.sim.InvalidInputException;

/**
 * An IDX file (the MNIST format) of unsigned bytes: a big-endian magic number {@code 0x0000TTDD}
 * (element type TT, DD dimensions), DD big-endian sizes, then the elements in row-major order.
 * Gzipped files are recognised by their first two bytes, whatever their name.
 *
 * <p>Only unsigned bytes (type 0x08) are read: that is what MNIST and its variants use, and other
 * element types would need a decision on scaling that no data set here needs yet.
 */
public final class IdxFile {
    /** MNIST images: unsigned bytes, count x rows x columns. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** MNIST labels: unsigned bytes, count. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final Map<Integer, String> TYPE_NAMES = Map.of(
            0x08, "unsigned byte", 0x09, "signed byte", 0x0B, "short", 0x0C, "int", 0x0D, "float", 0x0E, "double");

    private final int[] dimensions;
    private final byte[] data;

    private IdxFile(int[] dimensions, byte[] data) {
        this.dimensions = dimensions;
        this.data = data;
    }

    /** Reads {@code file}, whose magic number must be {@code expectedMagic} (an unsigned-byte type). */
    public static IdxFile read(Path file, int expectedMagic) {
        if ((expectedMagic >>> 8) != UNSIGNED_BYTE || (expectedMagic & 0xff) == 0) {
            throw new IllegalArgumentException(String.format("not an unsigned-byte IDX magic: 0x%08X", expectedMagic));
        }
        try (InputStream in = open(file)) {
            return read(new DataInputStream(in), file, expectedMagic);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found");
        } catch (EOFException e) {
            throw new InvalidInputException(file + ": truncated: the file ends inside the IDX header or gzip stream");
        } catch (ZipException e) {
            throw new InvalidInputException(file + ": corrupt gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read file (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        final InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        final boolean gzipped = raw.read() == GZIP_MAGIC_0 && raw.read() == GZIP_MAGIC_1;
        raw.reset();
        return gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static IdxFile read(DataInputStream in, Path file, int expectedMagic) throws IOException {
        final int magic = in.readInt();
        if (magic != expectedMagic) {
            throw new InvalidInputException(String.format("%s: wrong magic number 0x%08X (expected 0x%08X: %s)%s",
                    file, magic, expectedMagic, describe(expectedMagic), hint(magic)));
        }
        final int[] dimensions = new int[magic & 0xff];
        long elements = 1;
        for (int d = 0; d < dimensions.length; d++) {
            dimensions[d] = in.readInt();
            if (dimensions[d] < 0) {
                throw new InvalidInputException(file + ": dimension " + (d + 1) + " has negative size "
                        + dimensions[d]);
            }
            elements *= dimensions[d];
            if (elements > MAX_ELEMENTS) {
                throw new InvalidInputException(file + ": holds more than " + MAX_ELEMENTS + " elements "
                        + "(sizes " + shape(dimensions, d + 1) + "...), too many to load");
            }
        }
        final byte[] data = in.readNBytes((int) elements);
        if (data.length < elements) {
            throw new InvalidInputException(file + ": truncated: the header promises " + shape(dimensions,
                    dimensions.length) + " = " + elements + " bytes of data, the file holds " + data.length);
        }
        if (in.read() != -1) {
            throw new InvalidInputException(file + ": holds more data than the " + elements + " bytes its header"
                    + " promises (" + shape(dimensions, dimensions.length) + ")");
        }
        return new IdxFile(dimensions, data);
    }

    private static String describe(int magic) {
        return "unsigned bytes in " + dimensions(magic) + (magic == IMAGES_MAGIC ? ", count x rows x columns"
                : magic == LABELS_MAGIC ? ", one label per example" : "");
    }

    private static String dimensions(int magic) {
        final int count = magic & 0xff;
        return count + (count == 1 ? " dimension" : " dimensions");
    }

    private static String hint(int magic) {
        if ((magic >>> 16) != 0) {
            return "; not an IDX file";
        }
        final String type = TYPE_NAMES.get((magic >>> 8) & 0xff);
        return type == null ? "" : "; this file holds " + type + " elements in " + dimensions(magic)
                + (type.equals("unsigned byte") ? "" : ", and only unsigned bytes are supported");
    }

    private static String shape(int[] dimensions, int count) {
        return Arrays.stream(dimensions, 0, count).mapToObj(String::valueOf).collect(Collectors.joining(" x "));
    }

    /** The size of each dimension, outermost first. */
    public int[] dimensions() {
        return dimensions.clone();
    }

    public int dimension(int d) {
        return dimensions[d];
    }

    /** The number of elements: the product of the dimensions. */
    public int elementCount() {
        return data.length;
    }

    /** Element {@code index} in row-major order, 0..255. */
    public int unsignedByte(int index) {
        return data[index] & 0xff;
    }
}
