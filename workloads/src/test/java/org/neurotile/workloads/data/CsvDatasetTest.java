package org.neurotile.workloads.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.sim.InvalidInputException;

class CsvDatasetTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("d.csv"), text);
    }

    private String error(String text) throws IOException {
        final Path file = csv(text);
        return assertThrows(InvalidInputException.class, () -> CsvDataset.load(file, 2, 3)).getMessage();
    }

    @Test
    void labelComesFirstThenInputs() throws IOException {
        final Dataset data = CsvDataset.load(csv("2, 0.5, -1\n0,1e-3,4.\n"), 2, 3);
        assertEquals(2, data.size());
        assertEquals(2, data.label(0));
        assertEquals(-1f, data.input(0, 1));
        assertEquals(1e-3f, data.input(1, 0));
        assertEquals(4f, data.input(1, 1));
    }

    @Test
    void blankAndCommentLinesAreSkipped() throws IOException {
        assertEquals(1, CsvDataset.load(csv("# label, x, y\n\n1,2,3\n\n"), 2, 3).size());
    }

    @Test
    void manyExamplesGrowTheArrays() throws IOException {
        final StringBuilder text = new StringBuilder();
        for (int e = 0; e < 3000; e++) {
            text.append(e % 3).append(',').append(e).append(",0\n");
        }
        final Dataset data = CsvDataset.load(csv(text.toString()), 2, 3);
        assertEquals(3000, data.size());
        assertEquals(2999f, data.input(2999, 0));
        assertEquals(2, data.label(2999));
    }

    @Test
    void wrongFieldCountNamesLineAndExpectedCount() throws IOException {
        assertEquals(dir.resolve("d.csv") + ":2: expected 3 comma-separated values (the label, then 2 inputs), got 2",
                error("0,1,2\n1,2\n"));
    }

    @Test
    void nonNumericLabelIsAnError() throws IOException {
        assertEquals(dir.resolve("d.csv") + ":1: label 'cat' is not a whole number in 0..2", error("cat,1,2\n"));
    }

    @Test
    void labelOutOfRangeIsAnError() throws IOException {
        assertEquals(dir.resolve("d.csv") + ":3: label 3 is outside 0..2 for 3 classes", error("0,1,2\n\n3,1,2\n"));
    }

    @Test
    void nonNumericInputNamesItsPosition() throws IOException {
        assertEquals(dir.resolve("d.csv") + ":1: input 2 'x' is not a finite number", error("0,1,x\n"));
    }

    @Test
    void nanAndSuffixedNumbersAreRefused() throws IOException {
        assertEquals(dir.resolve("d.csv") + ":1: input 1 'NaN' is not a finite number", error("0,NaN,1\n"));
        assertEquals(dir.resolve("d.csv") + ":1: input 2 '1f' is not a finite number", error("0,1,1f\n"));
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        assertEquals(dir.resolve("d.csv") + ": holds no examples; expected lines of a label then 2 inputs",
                error("# nothing\n"));
    }

    @Test
    void missingFileIsAnError() {
        final Path absent = dir.resolve("absent.csv");
        assertEquals(absent + ": file not found",
                assertThrows(InvalidInputException.class, () -> CsvDataset.load(absent, 2, 3)).getMessage());
    }

    @Test
    void nonUtf8FileIsAnError() throws IOException {
        final Path file = Files.write(dir.resolve("d.csv"), new byte[] {'0', ',', (byte) 0xff, '\n'});
        assertEquals(file + ": not UTF-8 text",
                assertThrows(InvalidInputException.class, () -> CsvDataset.load(file, 1, 3)).getMessage());
    }

    @Test
    void aLineOfMillionsOfColumnsIsRefusedOnceItPassesTheLongestValidLine() throws IOException {
        final Path file = csv("1,2,3\n0" + ",1".repeat(5_000_000) + "\n");
        String message = assertThrows(InvalidInputException.class, () -> CsvDataset.load(file, 2, 3)).getMessage();
        assertEquals(file + ":2: longer than 195 characters, more than 3 values (the label, then 2 inputs) of at "
                + "most 64 characters each can take", message);
    }

    @Test
    void aFileCutShortInItsLastLineNamesThatLine() throws IOException {
        assertEquals(dir.resolve("d.csv") + ":2: expected 3 comma-separated values (the label, then 2 inputs), got 2",
                error("1,2,3\n2,0.5"));
    }

    @Test
    void carriageReturnLineEndsCountAsOneLineEach() throws IOException {
        final Path file = csv("1,2,3\r\n2,4,5\r0,1,1");
        final Dataset data = CsvDataset.load(file, 2, 3);
        assertEquals(3, data.size());
        assertEquals(0, data.label(2));
    }

    @Test
    void examplesBeyondTheMemoryLeftAreRefusedNamingTheLine() throws IOException {
        final StringBuilder text = new StringBuilder();
        for (int e = 0; e < 3000; e++) {
            text.append("1,0.5,0.25\n");
        }
        String message = assertThrows(InvalidInputException.class, () -> CsvDataset.read(
                new StringReader(text.toString()), Path.of("big.csv"), 2, 3, 20_000)).getMessage();
        assertTrue(message.startsWith("big.csv:1025: too many examples for the memory left: 1,024 examples of 2 "
                + "inputs"), message);
    }
}
