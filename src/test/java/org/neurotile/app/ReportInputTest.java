package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run directory with one number spoiled: report refuses it naming the file (line, column), never prices it as 0. */
class ReportInputTest {
    @TempDir
    static Path runs;
    @TempDir
    Path dir;

    @BeforeAll
    static void runOnce() {
        assertEquals(0, CommandLineRunner.run("run", "--array", "4x4", "--out", runs.resolve("run").toString())
                .status());
    }

    /** A copy of the run with {@code name} rewritten by {@code edit}; the report of it fails with {@code message}. */
    private void assertRefused(String name, UnaryOperator<String> edit, String message) throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        try (Stream<Path> files = Files.list(runs.resolve("run"))) {
            for (Path file : files.toList()) {
                Files.copy(file, run.resolve(file.getFileName()));
            }
        }
        Path spoiled = run.resolve(name);
        String before = Files.readString(spoiled);
        String after = edit.apply(before);
        assertFalse(before.equals(after), "the edit changed nothing");
        Files.writeString(spoiled, after);
        Path report = dir.resolve("report");
        CommandLineRunner result = CommandLineRunner.run("report", run.toString(), "--out", report.toString());
        assertEquals(2, result.status(), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains(spoiled + ": ") || result.err().contains(spoiled + ":"), result.err());
        assertTrue(result.err().contains(message), result.err());
        assertFalse(Files.exists(report), "no report of spoiled numbers");
    }

    private static String line(String text, int index, UnaryOperator<String> edit) {
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        lines.set(index, edit.apply(lines.get(index)));
        return String.join("\n", lines) + "\n";
    }

    @Test
    void cyclesThatAreNotANumberAreRefused() throws IOException {
        assertRefused("result.json", t -> t.replaceFirst("\"cycles\" : \\d+", "\"cycles\" : \"many\""),
                "key 'cycles' must be a whole number >= 0, got \"many\"");
    }

    @Test
    void aNegativeTotalIsRefused() throws IOException {
        assertRefused("result.json", t -> t.replaceFirst("\"macs\" : \\d+", "\"macs\" : -5"),
                "key 'totals.macs' must be a whole number >= 0, got -5");
    }

    @Test
    void aMissingTotalIsRefusedRatherThanPricedAsZero() throws IOException {
        assertRefused("result.json", t -> t.replaceFirst("\"macs\" : \\d+,", ""), "key 'totals.macs' is missing");
    }

    @Test
    void aTotalThatIsNoCategoryIsRefused() throws IOException {
        assertRefused("result.json", t -> t.replaceFirst("\"macs\" :", "\"flops\" : 0, \"macs\" :"),
                "key 'totals.flops' is not a count category (valid: weightReads,");
    }

    @Test
    void aColumnThatIsNoCategoryIsRefused() throws IOException {
        assertRefused("counts.csv", t -> line(t, 0, l -> l.replace(",adds,", ",additions,")),
                "counts.csv:1: column 'additions' is not a count category");
    }

    @Test
    void aCountThatIsNotANumberNamesLineAndColumn() throws IOException {
        assertRefused("counts.csv", t -> line(t, 2, l -> l.substring(0, l.lastIndexOf(',')) + ",lots"),
                "counts.csv:3: column 'offChipBytes' must be a whole number >= 0, got 'lots'");
    }

    @Test
    void aNegativeCountNamesLineAndColumn() throws IOException {
        assertRefused("counts.csv", t -> line(t, 1, l -> l.substring(0, l.lastIndexOf(',')) + ",-1"),
                "counts.csv:2: column 'offChipBytes' must be a whole number >= 0, got '-1'");
    }

    @Test
    void aTileThatIsNotANumberNamesItsColumn() throws IOException {
        assertRefused("counts.csv", t -> line(t, 1, l -> "t" + l), "counts.csv:2: column 'tile'");
    }

    @Test
    void aRowCutShortIsRefused() throws IOException {
        assertRefused("counts.csv", t -> t.substring(0, t.length() - 12), "columns where the header has");
    }

    @Test
    void rowsMissingAtTheEndAreRefusedByTheTotals() throws IOException {
        assertRefused("counts.csv", t -> String.join("\n", t.lines().limit(t.lines().count() - 2).toList()) + "\n",
                "but result.json's totals.");
    }

    @Test
    void linksCutShortAreRefusedByTheByteHops() throws IOException {
        assertRefused("links.csv", t -> String.join("\n", t.lines().limit(3).toList()) + "\n",
                "column 'bytes' sums to");
    }

    @Test
    void anArrayThatIsNotWidthByHeightIsRefused() throws IOException {
        assertRefused("result.json", t -> t.replaceFirst("\"array\" : \"4x4\"", "\"array\" : \"4xfour\""),
                "key 'config.chip.array' must be WIDTHxHEIGHT");
    }
}
