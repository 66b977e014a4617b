package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills or refuses writes: one line naming the file and the cause, exit 2, nothing partial. */
class WriteFailureTest {
    @TempDir
    Path dir;

    private static void assertOneLine(CommandLineRunner run, String... parts) {
        assertEquals(2, run.status(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), run.err());
        }
    }

    @Test
    void aTraceOnAFullDiskNamesTheFileAndLeavesNoPartialFile() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "size=4k")) { // one page: the trace is written first
            Path out = disk.directory().resolve("run");
            CommandLineRunner run = CommandLineRunner.run("run", "--array", "8x8", "--trace", "--out", out.toString());
            assertOneLine(run, "trace.json", "No space left on device");
            assertFalse(disk.contents().contains("trace.json"), disk.contents());
            assertFalse(disk.contents().contains(".tmp"), disk.contents());
        }
    }

    @Test
    void aReportOnAFullDiskLeavesNoReportAndNoStaging() throws Exception {
        Path runs = dir.resolve("runs");
        assertEquals(0, CommandLineRunner.run("run", "--array", "4x4", "--out", runs.toString()).status());
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "size=64k")) {
            CommandLineRunner report = CommandLineRunner.run("report", runs.toString(), "--out",
                    disk.directory().resolve("report").toString());
            assertOneLine(report, "No space left on device");
            assertTrue(report.err().contains(disk.directory().resolve("report").toString()), report.err());
            assertFalse(report.err().contains("neurotile-staging"), "names the file where it would have been");
            assertEquals("[]", disk.contents());
        }
    }

    @Test
    void aStateDumpOnAFullDiskRemovesTheFilesItWrote() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "size=64k")) {
            Path dump = disk.directory().resolve("dump");
            CommandLineRunner run = CommandLineRunner.run("run", "--array", "8x8", "--dump-state", dump.toString(),
                    "--out", dir.resolve("run").toString());
            assertOneLine(run, ".npy", "No space left on device");
            assertEquals("[]", disk.contents());
        }
    }

    @Test
    void aStateDumpOnAReadOnlyDiskSaysSo() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "ro,size=64k")) {
            CommandLineRunner run = CommandLineRunner.run("run", "--array", "4x4", "--dump-state",
                    disk.directory().resolve("dump").toString(), "--out", dir.resolve("run").toString());
            assertOneLine(run, "dump", "Read-only file system");
        }
    }

    @Test
    void aStateDumpOntoARegularFileIsRefusedAndTheFileKept() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "mine");
        CommandLineRunner run = CommandLineRunner.run("run", "--array", "4x4", "--dump-state", file.toString(),
                "--out", dir.resolve("run").toString());
        assertOneLine(run, "notes.txt", "not a directory");
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aCheckpointOnAFullDiskNamesTheCheckpointFile() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "size=4k")) {
            CommandLineRunner run = CommandLineRunner.run("train", "--epochs", "2", "--train-examples", "200",
                    "--test-examples", "20", "--array", "4x4", "--checkpoint-every", "50", "--out",
                    disk.directory().resolve("t").toString());
            assertOneLine(run, "checkpoint.bin: cannot write it (No space left on device)");
            assertFalse(disk.contents().contains(".tmp"), disk.contents());
        }
    }
}
