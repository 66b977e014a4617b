package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep killed with SIGKILL mid-run and resumed ends with the database of an uninterrupted one. */
class SweepResumeTest {
    /** 48 points, long enough on one thread to be killed in the middle. */
    private static final String SWEEP = """
            base:
              workload: mnist-fc
            vary:
              array: [8x8, 16x16, 32x32]
              tileMemoryBytes: [128KiB, 256KiB, 512KiB, 1MiB]
              rule: [dfa, bp]
              errorNumbers: [float32, "fixed8:frac=6"]
            """;

    @TempDir
    Path dir;

    @Test
    void aSweepKilledMidRunAndResumedRecordsEachPointOnceAsAnUninterruptedOneDoes() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, SWEEP);
        Path whole = dir.resolve("whole");
        assertEquals(0, SweepCommandTest.sweep(file, whole, "--threads", "2").status());

        Path killed = dir.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep", file.toString(), "--out",
                killed.toString(), "--threads", "1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path database = killed.resolve("sweep.sqlite");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (process.isAlive() && System.nanoTime() < deadline && recorded(database) < 6) {
            Thread.sleep(10);
        }
        process.destroyForcibly().waitFor();
        int before = recorded(database);
        assertTrue(before >= 6 && before < 48, "killed after " + before + " of 48 points");
        assertFalse(Files.exists(killed.resolve("summary.csv")), "a killed sweep has no summary");

        CommandLineRunner again = SweepCommandTest.sweep(file, killed);
        assertEquals(2, again.status(), "an unfinished sweep continues only with --resume");
        assertTrue(again.err().contains("--resume"), again.err());

        CommandLineRunner resumed = SweepCommandTest.sweep(file, killed, "--resume", "--threads", "2");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("resuming: " + before + " of 48 points recorded, " + (48 - before)
                + " to run"), resumed.out());
        assertEquals(SweepDatabases.content(whole), SweepDatabases.content(killed));
        assertEquals(Files.readAllLines(whole.resolve("summary.csv")).size(),
                Files.readAllLines(killed.resolve("summary.csv")).size());
    }

    /** Points recorded so far; 0 while the database or its tables do not exist yet. */
    private static int recorded(Path database) {
        if (!Files.exists(database)) {
            return 0;
        }
        try {
            return SweepDatabases.count(database, "SELECT count(*) FROM points");
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }
}
