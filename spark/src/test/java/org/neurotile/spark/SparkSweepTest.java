package org.neurotile.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.app.Main;

/**
 * {@code neurotile sweep --engine spark} on local[2], through the command line as a user runs it:
 * the same database as the local engine, and a resume that runs only the missing points. One Spark
 * context serves the class (the engine borrows a context that runs already).
 */
class SparkSweepTest {
    /** 8 points of the example's kind; the 4x4 array with 64 KiB tiles cannot hold mnist-fc. */
    private static final String SWEEP = """
            base:
              workload: mnist-fc
              topology: mesh
              macsPerCycle: 16
            vary:
              array: [4x4, 8x8]
              tileMemoryBytes: [64KiB, 256KiB]
              rule: [bp, dfa]
              errorNumbers: ["fixed8:frac=6"]
            """;

    @TempDir
    static Path shared;
    private static JavaSparkContext context;
    private static Path sweepFile;
    private static Path local;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSparkAndRunTheLocalEngine() throws IOException {
        context = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("SparkSweepTest")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
        sweepFile = shared.resolve("s.yaml");
        Files.writeString(sweepFile, SWEEP);
        local = shared.resolve("local");
        Run run = sweep(local, "--engine", "local", "--threads", "2");
        assertEquals(0, run.status(), run.err());
    }

    @AfterAll
    static void stopSpark() {
        context.stop();
    }

    @Test
    void theSparkEngineWritesTheDatabaseTheLocalEngineWrites() throws SQLException {
        Path out = dir.resolve("spark");
        Run run = sweep(out, "--engine", "spark");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("8 points in count mode, spark engine on local[2]"), run.out());
        assertTrue(run.out().contains("8 points in "), run.out());
        List<String> content = Databases.content(out);
        assertTrue(content.stream().anyMatch(row -> row.contains("|infeasible|")), "an infeasible point is a row");
        assertEquals(Databases.content(local), content);
    }

    @Test
    void aResumeOnSparkRunsOnlyTheMissingPoints() throws SQLException, IOException {
        Path out = dir.resolve("spark");
        assertEquals(0, sweep(out, "--engine", "spark").status());
        // the state a killed sweep leaves: some points recorded, no summary
        Path database = out.resolve("sweep.sqlite");
        Databases.execute(database, "DELETE FROM measures WHERE point IN (1, 6)");
        Databases.execute(database, "DELETE FROM points WHERE point IN (1, 6)");
        Files.delete(out.resolve("summary.csv"));
        List<String> kept = Databases.rows(database, "SELECT point, wallTimeMs FROM points ORDER BY point");

        Run resumed = sweep(out, "--engine", "spark", "--resume");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("resuming: 6 of 8 points recorded, 2 to run"), resumed.out());
        assertTrue(resumed.out().contains("2 points in count mode, spark engine"), resumed.out());
        List<String> after = Databases.rows(database, "SELECT point, wallTimeMs FROM points WHERE point NOT IN (1, 6) "
                + "ORDER BY point");
        assertEquals(kept, after, "the recorded points are not run again");
        assertEquals(Databases.content(local), Databases.content(out));
        assertTrue(Files.exists(out.resolve("summary.csv")));
    }

    @Test
    void rerunningAFinishedSparkSweepDoesNothing() {
        Run again = sweep(local, "--engine", "spark", "--resume");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("nothing to do"), again.out());
        assertFalse(again.out().contains("spark engine"), again.out());
    }

    private static Run sweep(Path out, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", sweepFile.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int status = Main.execute(args.toArray(String[]::new), new PrintWriter(stdout, true),
                new PrintWriter(stderr, true));
        return new Run(status, stdout.toString(), stderr.toString());
    }

    private record Run(int status, String out, String err) {
    }
}
