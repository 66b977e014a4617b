package org.neurotile.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Structure-aware mutations of a valid binary file (IDX, checkpoint): big-endian ints of the header
 * set to lengths at and past the limits (0, -1, 2^31-1, ...), bytes flipped, the file cut short or
 * extended, and the result gzipped whole or with its gzip stream cut or corrupted.
 */
public final class ByteMutations {
    /** The classes of mutation; docs/fuzzing.md lists them. */
    public enum Kind {
        SET_INT, FLIP_BYTE, TRUNCATE, APPEND, DELETE_RANGE, GZIP, GZIP_TRUNCATED, GZIP_CORRUPTED
    }

    /** An edit: {@code at} picks the offset, {@code pick} the value. */
    public record Edit(Kind kind, int at, int pick) {
    }

    /** Lengths and counts at and past the limits of a reader. */
    public static final List<Integer> INTS = List.of(0, 1, 2, 3, -1, -2, 255, 256, 784, 60_000, 65_535, 65_536,
            1 << 20, 1 << 24, 1 << 28, 1 << 30, Integer.MAX_VALUE, Integer.MAX_VALUE - 8, Integer.MIN_VALUE,
            0x00000801, 0x00000803, 0x00000804, 0x00000C03, 0x08030000, 0x7ff00000, 0xfff80000);

    private ByteMutations() {
    }

    /** {@code seeds} with one to three edits each. */
    public static Arbitrary<byte[]> of(List<byte[]> seeds) {
        return of(seeds, List.of());
    }

    /**
     * As {@link #of(List)}, with half of the ints set at one of {@code fieldOffsets}: where the
     * format keeps its lengths and counts.
     */
    public static Arbitrary<byte[]> of(List<byte[]> seeds, List<Integer> fieldOffsets) {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 1 << 16), Arbitraries.integers().between(0, 1 << 16)).as(Edit::new);
        return Combinators.combine(Arbitraries.of(seeds), edit.list().ofMinSize(1).ofMaxSize(3))
                .as((seed, edits) -> apply(seed, edits, fieldOffsets));
    }

    public static byte[] apply(byte[] seed, List<Edit> edits, List<Integer> fieldOffsets) {
        byte[] bytes = seed.clone();
        for (Edit edit : edits) {
            bytes = apply(bytes, edit, fieldOffsets);
        }
        return bytes;
    }

    static byte[] apply(byte[] bytes, Edit edit, List<Integer> fieldOffsets) {
        int at = bytes.length == 0 ? 0 : edit.at() % bytes.length;
        switch (edit.kind()) {
            case SET_INT -> {
                // a field of the format, else mostly in the first 64 bytes at any alignment
                int offset = !fieldOffsets.isEmpty() && edit.at() % 2 == 0
                        ? fieldOffsets.get(edit.at() / 2 % fieldOffsets.size())
                        : edit.at() % 4 != 0 ? edit.at() / 4 % Math.min(64, bytes.length + 1) : at;
                byte[] out = Arrays.copyOf(bytes, Math.max(bytes.length, offset + 4));
                ByteBuffer.wrap(out).putInt(offset, INTS.get(edit.pick() % INTS.size()));
                return out;
            }
            case FLIP_BYTE -> {
                byte[] out = bytes.clone();
                if (out.length > 0) {
                    out[at] ^= (byte) (1 + edit.pick() % 255);
                }
                return out;
            }
            case TRUNCATE -> {
                return Arrays.copyOf(bytes, edit.at() % (bytes.length + 1));
            }
            case APPEND -> {
                byte[] out = Arrays.copyOf(bytes, bytes.length + 1 + edit.pick() % 64);
                Arrays.fill(out, bytes.length, out.length, (byte) edit.at());
                return out;
            }
            case DELETE_RANGE -> {
                int end = Math.min(bytes.length, at + 1 + edit.pick() % 16);
                byte[] out = new byte[bytes.length - (end - at)];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(bytes, end, out, at, bytes.length - end);
                return out;
            }
            case GZIP -> {
                return gzip(bytes);
            }
            case GZIP_TRUNCATED -> {
                byte[] zipped = gzip(bytes);
                return Arrays.copyOf(zipped, 2 + edit.at() % (zipped.length - 1));
            }
            case GZIP_CORRUPTED -> {
                byte[] zipped = gzip(bytes);
                zipped[edit.at() % zipped.length] ^= (byte) (1 + edit.pick() % 255);
                return zipped;
            }
            default -> throw new IllegalStateException("unknown edit " + edit);
        }
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
