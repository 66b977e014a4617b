package org.neurotile.workloads.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.neurotile.sim.InvalidInputException;

/**
 * A data set from comma-separated text: one example per line, the label (0..classes-1) first, then
 * the inputs. Blank lines and lines starting with {@code #} are skipped; there is no header line.
 */
public final class CsvDataset {
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final int INITIAL_EXAMPLES = 1024;
    private static final int INITIAL_VALUES = 1 << 20;
    /**
     * The longest text of one value, spaces included: a float's shortest exact form is at most 15
     * characters ({@code -1.17549435E-38}), so 64 leaves room for long decimals and padding.
     */
    static final int MAX_VALUE_CHARS = 64;

    private CsvDataset() {}

    public static Dataset load(Path file, int inputSize, int classes) {
        if (inputSize < 1 || classes < 1) {
            throw new InvalidInputException(file + ": input size and classes must be >= 1, got " + inputSize
                    + " and " + classes);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file, inputSize, classes, IdxFile.heapLeftBytes());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read file (" + e.getMessage() + ")", e);
        }
    }

    /** Reads examples; memory grows with the examples read, and fails rather than pass {@code memoryBytes}. */
    static Dataset read(Reader reader, Path file, int inputSize, int classes, long memoryBytes) throws IOException {
        final long maxLineChars = (inputSize + 1L) * (MAX_VALUE_CHARS + 1);
        final BoundedLines lines = new BoundedLines(reader, (int) Math.min(MAX_VALUES, maxLineChars));
        float[] inputs = new float[(int) Math.min(INITIAL_VALUES, (long) inputSize * INITIAL_EXAMPLES)];
        int[] labels = new int[INITIAL_EXAMPLES];
        int count = 0;
        while (true) {
            final String line;
            try {
                line = lines.next();
            } catch (BoundedLines.TooLong e) {
                throw new InvalidInputException(file + ":" + e.lineNumber + ": longer than " + maxLineChars
                        + " characters, more than " + (inputSize + 1) + " values (the label, then " + inputSize
                        + " inputs) of at most " + MAX_VALUE_CHARS + " characters each can take");
            }
            if (line == null) {
                break;
            }
            final long lineNumber = lines.lineNumber();
            final String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            final String where = file + ":" + lineNumber + ": ";
            final String[] fields = trimmed.split(",", -1);
            if (fields.length != inputSize + 1) {
                throw new InvalidInputException(where + "expected " + (inputSize + 1) + " comma-separated values"
                        + " (the label, then " + inputSize + " inputs), got " + fields.length);
            }
            if ((long) (count + 1) * inputSize > MAX_VALUES) {
                throw new InvalidInputException(where + "too many examples: at most " + MAX_VALUES
                        + " input values fit in memory");
            }
            if (count == labels.length) {
                labels = Arrays.copyOf(labels, (int) Math.min(MAX_VALUES, 2L * labels.length));
            }
            final long needed = (long) (count + 1) * inputSize;
            if (needed > inputs.length) {
                final long grown = Math.min(MAX_VALUES, Math.max(needed, 2L * inputs.length));
                if ((inputs.length + grown) * Float.BYTES > memoryBytes) {
                    throw new InvalidInputException(String.format(Locale.ROOT, "%stoo many examples for the memory "
                            + "left: %,d examples of %,d inputs take %,d MiB as floats, and growing needs %,d MiB of "
                            + "the %,d MiB left in the Java heap; raise the heap (-Xmx, e.g. "
                            + "NEUROTILE_JAVA_OPTS=-Xmx16g) or use a smaller file", where, count, inputSize,
                            ((long) inputs.length * Float.BYTES) >> 20, (grown * Float.BYTES) >> 20,
                            memoryBytes >> 20));
                }
                inputs = Arrays.copyOf(inputs, (int) grown);
            }
            labels[count] = label(fields[0].strip(), where, classes);
            final int offset = count * inputSize;
            for (int i = 0; i < inputSize; i++) {
                inputs[offset + i] = input(fields[i + 1].strip(), i, where);
            }
            count++;
        }
        if (count == 0) {
            throw new InvalidInputException(file + ": holds no examples; expected lines of a label then "
                    + inputSize + " inputs");
        }
        return new Dataset(file.toString(), inputSize, classes, Arrays.copyOf(inputs, count * inputSize),
                Arrays.copyOf(labels, count));
    }

    private static int label(String text, String where, int classes) {
        final String valid = "a whole number in 0.." + (classes - 1);
        try {
            final int label = Integer.parseInt(text);
            if (label >= 0 && label < classes) {
                return label;
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + "label '" + text + "' is not " + valid);
        }
        throw new InvalidInputException(where + "label " + text + " is outside 0.." + (classes - 1) + " for "
                + classes + " classes");
    }

    private static float input(String text, int i, String where) {
        try {
            final float value = Float.parseFloat(text);
            // Float.parseFloat also takes "NaN", "Infinity" and suffixes such as "1f": refuse them.
            final char last = text.charAt(text.length() - 1);
            if (Float.isFinite(value) && (Character.isDigit(last) || last == '.')) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the position
        }
        throw new InvalidInputException(where + "input " + (i + 1) + " '" + text + "' is not a finite number");
    }
}
