package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.sim.InvalidInputException;

class MemoryCheckTest {
    @TempDir
    Path dir;

    private Path hugeNetwork() throws IOException {
        Path file = dir.resolve("huge.yaml");
        // Within the network file's limits (2^20 neurons, 2^30 weights a layer), past any heap here.
        Files.writeString(file, "input: 32768\nlayers: [" + "32768, ".repeat(4000) + "10]\n");
        return file;
    }

    private static void assertRefusedInOneLine(CommandLineRunner run) {
        assertEquals(2, run.status(), run.err());
        String line = run.err().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("needs an estimated") && line.contains("131,104,778 neurons")
                && line.contains(MemoryCheck.OPTION), line);
    }

    @Test
    void runRefusesAHugeLayerBeforeAllocatingIt() throws IOException {
        assertRefusedInOneLine(CommandLineRunner.run("run", "--workload", hugeNetwork().toString(),
                "--out", dir.resolve("out").toString()));
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void validateRefusesAHugeLayerBeforeAllocatingIt() throws IOException {
        assertRefusedInOneLine(CommandLineRunner.run("validate", "--workload", hugeNetwork().toString()));
    }

    @Test
    void trainRefusesAHugeLayerBeforeLoadingData() throws IOException {
        CommandLineRunner run = CommandLineRunner.run("train", "--workload", hugeNetwork().toString(),
                "--data", "clusters", "--out", dir.resolve("out").toString());
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("needs an estimated"), run.err());
    }

    @Test
    void nocRefusesATrafficRunWhosePacketsCannotFit() {
        CommandLineRunner run = CommandLineRunner.run("noc", "--topology", "mesh:1024x1024",
                "--out", dir.resolve("out").toString());
        assertEquals(2, run.status(), run.err());
        assertTrue(run.err().contains("packets"), run.err());
    }

    @Test
    void refusalNamesTheEstimateTheMaximumHeapAndTheWayOut() {
        MemoryCheck check = new MemoryCheck();
        String message = assertThrows(InvalidInputException.class,
                () -> check.require(new HeapEstimate(3L << 30, "9 tiles"), "this run", 1L << 30)).getMessage();
        assertEquals("this run needs an estimated 3.0 GiB of memory (mostly for 9 tiles), more than this JVM's "
                + "maximum heap of 1.0 GiB; raise it with NEUROTILE_JAVA_OPTS=-Xmx3g, or run anyway with "
                + "--no-memory-check", message);
    }

    @Test
    void noMemoryCheckLetsTheRunGoAhead() {
        MemoryCheck check = new MemoryCheck();
        check.skip = true;
        assertDoesNotThrow(() -> check.require(new HeapEstimate(3L << 30, "9 tiles"), "this run", 1L << 30));
    }

    @Test
    void approximateBytesUseTheLargestUnit() {
        assertEquals("512 B", MemoryCheck.approximate(512));
        assertEquals("1.5 KiB", MemoryCheck.approximate(1536));
        assertEquals("7.4 GiB", MemoryCheck.approximate((long) (7.4 * (1L << 30))));
    }
}
