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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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

    /**
     * The most bytes deflate can expand one compressed byte into (its longest match, 258 bytes, for
     * a quarter of a byte), rounded up: a gzip file of n bytes holds at most about 1032 n bytes.
     */
    static final long GZIP_MAX_RATIO = 1032;
    /** Data is kept in chunks of this many bytes, allocated as the file delivers them. */
    private static final int CHUNK_BITS = 24;
    private static final int CHUNK_BYTES = 1 << CHUNK_BITS;

    private final int[] dimensions;
    private final byte[][] chunks;
    private final int elementCount;

    private IdxFile(int[] dimensions, byte[][] chunks, int elementCount) {
        this.dimensions = dimensions;
        this.chunks = chunks;
        this.elementCount = elementCount;
    }

    /** The magic number and sizes an IDX file declares, read without its data. */
    record Header(Path file, int[] dimensions, long elements, long fileBytes, boolean gzipped) {
        /** Bytes of the header: the magic number and one size per dimension. */
        long headerBytes() {
            return 4L + 4L * dimensions.length;
        }

        String shape() {
            return IdxFile.shape(dimensions, dimensions.length);
        }
    }

    /** Reads {@code file}, whose magic number must be {@code expectedMagic} (an unsigned-byte type). */
    public static IdxFile read(Path file, int expectedMagic) {
        return read(file, expectedMagic, heapLeftBytes());
    }

    /**
     * As {@link #read(Path, int)}, refusing before reading the data a file whose elements (one byte
     * each in memory) would take more than {@code memoryBytes}.
     */
    static IdxFile read(Path file, int expectedMagic, long memoryBytes) {
        return open(file, expectedMagic, (in, header) -> {
            requireMemory(header, header.elements(), memoryBytes, "");
            return readData(in, header);
        });
    }

    /** The header of {@code file}, checked against the file's size but without reading the data. */
    static Header header(Path file, int expectedMagic) {
        return open(file, expectedMagic, (in, header) -> header);
    }

    /** The bytes of the Java heap not in use now: what a data set may still take. */
    static long heapLeftBytes() {
        final Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * Fails, naming the file and the sizes, unless {@code bytes} of memory for the data described by
     * {@code header} fit in {@code memoryBytes}; {@code what} says what the bytes hold.
     */
    static void requireMemory(Header header, long bytes, long memoryBytes, String what) {
        if (bytes > memoryBytes) {
            throw new InvalidInputException(String.format(Locale.ROOT, "%s: its header promises %s = %,d bytes of "
                            + "data, %s in memory%s, more than the %s left in the Java heap; raise the heap (-Xmx, "
                            + "e.g. NEUROTILE_JAVA_OPTS=-Xmx16g) or use a smaller file", header.file(), header.shape(),
                    header.elements(), mebibytes(bytes), what, mebibytes(memoryBytes)));
        }
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", Math.max(0, bytes) >> 20);
    }

    @FunctionalInterface
    private interface Body<T> {
        T read(DataInputStream in, Header header) throws IOException;
    }

    private static <T> T open(Path file, int expectedMagic, Body<T> body) {
        if ((expectedMagic >>> 8) != UNSIGNED_BYTE || (expectedMagic & 0xff) == 0) {
            throw new IllegalArgumentException(String.format("not an unsigned-byte IDX magic: 0x%08X", expectedMagic));
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            final boolean gzipped = raw.read() == GZIP_MAGIC_0 && raw.read() == GZIP_MAGIC_1;
            raw.reset();
            final InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
            final DataInputStream data = new DataInputStream(in);
            return body.read(data, header(data, file, expectedMagic, Files.size(file), gzipped));
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

    private static Header header(DataInputStream in, Path file, int expectedMagic, long fileBytes, boolean gzipped)
            throws IOException {
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
        final Header header = new Header(file, dimensions, elements, fileBytes, gzipped);
        final long promised = header.headerBytes() + elements;
        if (!gzipped && promised > fileBytes) {
            throw truncated(header, fileBytes - header.headerBytes());
        }
        if (!gzipped && promised < fileBytes) {
            throw new InvalidInputException(file + ": holds more data than the " + elements + " bytes its header"
                    + " promises (" + header.shape() + ")");
        }
        if (gzipped && promised > fileBytes * GZIP_MAX_RATIO) {
            throw new InvalidInputException(String.format(Locale.ROOT, "%s: truncated: its header promises %s = %,d "
                    + "bytes of data, more than a gzip file of %,d bytes can hold", file, header.shape(), elements,
                    fileBytes));
        }
        return header;
    }

    /** Reads the data chunk by chunk, so that memory follows what the file really holds. */
    private static IdxFile readData(DataInputStream in, Header header) throws IOException {
        final long elements = header.elements();
        final byte[][] chunks = new byte[(int) ((elements + CHUNK_BYTES - 1) >>> CHUNK_BITS)][];
        long read = 0;
        for (int c = 0; c < chunks.length; c++) {
            final int size = (int) Math.min(CHUNK_BYTES, elements - read);
            chunks[c] = new byte[size];
            final int n = in.readNBytes(chunks[c], 0, size);
            read += n;
            if (n < size) {
                throw truncated(header, read);
            }
        }
        if (in.read() != -1) {
            throw new InvalidInputException(header.file() + ": holds more data than the " + elements + " bytes its "
                    + "header promises (" + header.shape() + ")");
        }
        return new IdxFile(header.dimensions(), chunks, (int) elements);
    }

    private static InvalidInputException truncated(Header header, long held) {
        return new InvalidInputException(header.file() + ": truncated: the header promises " + header.shape()
                + " = " + header.elements() + " bytes of data, the file holds " + held);
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
        return elementCount;
    }

    /** Element {@code index} in row-major order, 0..255. */
    public int unsignedByte(int index) {
        Objects.checkIndex(index, elementCount);
        return chunks[index >>> CHUNK_BITS][index & (CHUNK_BYTES - 1)] & 0xff;
    }
}
