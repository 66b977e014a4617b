package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    /** 12 points, of which the 4x4 array of 64 KiB tiles cannot hold mnist-fc. */
    static final String SMALL = """
            base:
              workload: mnist-fc
            vary:
              array: [4x4, 8x8]
              tileMemoryBytes: [64KiB, 256KiB]
              rule: [dfa, bp, ssdfa]
            """;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static CommandLineRunner sweep(Path file, Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("sweep", file.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        return CommandLineRunner.run(args.toArray(String[]::new));
    }

    private void assertRefused(CommandLineRunner run, Path out, String... parts) {
        assertEquals(2, run.status(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), run.err());
        }
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void anUnknownBaseKeyIsOneLineWithFileLineAndTheNearestKeyAndNothingIsWritten() throws IOException {
        Path out = dir.resolve("out");
        Path file = file("s.yaml", "base:\n  workload: mnist-fc\n  tileMemory: 64KiB\nvary:\n  rule: [dfa]\n");
        assertRefused(sweep(file, out), out, "s.yaml:3:", "unknown key 'base.tileMemory'", "did you mean 'tileMemoryBytes'");
    }

    @Test
    void aValueOutOfItsRangeNamesTheLineOfTheVariedValue() throws IOException {
        Path out = dir.resolve("out");
        Path file = file("s.yaml", "vary:\n  rule: [dfa]\n  macsPerCycle:\n    - 4\n    - 0\n");
        assertRefused(sweep(file, out), out, "s.yaml:5:", "macsPerCycle", "in [1,");
    }

    @Test
    void aRuleOptionThatDoesNotExistForTheWorkloadIsRefusedBeforeAnyPointRuns() throws IOException {
        Path out = dir.resolve("out");
        Path file = file("s.yaml", "base:\n  workload: mnist-fc\nvary:\n  rule: [dfa, \"sdfa:k=500\"]\n");
        assertRefused(sweep(file, out), out, "s.yaml:4:", "point 1", "k=500");
    }

    @Test
    void withManyThreadsTheErrorNamedIsStillTheFirstFailingPoints() throws IOException {
        Path out = dir.resolve("out");
        Path file = file("s.yaml", "base:\n  workload: mnist-fc\nvary:\n  rule: [dfa, bp, \"sdfa:k=300\", ssdfa, "
                + "fa, \"sdfa:k=500\"]\n");
        CommandLineRunner run = sweep(file, out, "--threads", "4");
        assertRefused(run, out, "s.yaml:4:", "point 2", "k=300");
    }

    @Test
    void aTrainingKeyInCountModeIsRefused() throws IOException {
        Path out = dir.resolve("out");
        Path file = file("s.yaml", "base:\n  epochs: 2\nvary:\n  rule: [dfa]\n");
        assertRefused(sweep(file, out), out, "s.yaml:2:", "--mode train");
    }

    @Test
    void anUnknownMeasureNamesTheNearestOne() throws IOException {
        Path out = dir.resolve("out");
        Path file = file("s.yaml", "vary:\n  rule: [dfa]\nmeasures: [cycles, nocBytes]\n");
        assertRefused(sweep(file, out), out, "s.yaml:3:", "unknown measure 'nocBytes'", "did you mean");
    }

    @Test
    void theSparkEngineWithoutSparkOnTheClassPathIsRefusedInOneLineSayingHowToRunIt() throws IOException {
        Path out = dir.resolve("out");
        assertRefused(sweep(file("s.yaml", SMALL), out, "--engine", "spark"), out,
                "--engine spark needs the neurotile-spark module", "./neurotile", "spark-submit");
    }

    @Test
    void aSparkMasterWithTheLocalEngineIsRefused() throws IOException {
        Path out = dir.resolve("out");
        assertRefused(sweep(file("s.yaml", SMALL), out, "--spark-master", "local[2]"), out,
                "--spark-master is an option of --engine spark");
    }

    @Test
    void anUnknownEngineNamesTheValidOnes() throws IOException {
        Path out = dir.resolve("out");
        assertRefused(sweep(file("s.yaml", SMALL), out, "--engine", "dask"), out, "--engine dask is not one of: local, spark");
    }

    @Test
    void aPointThatDoesNotFitIsRecordedAsInfeasibleWithTheReason() throws Exception {
        Path out = dir.resolve("out");
        CommandLineRunner run = sweep(file("s.yaml", SMALL), out, "--threads", "2");
        assertEquals(0, run.status(), run.err());
        Path db = out.resolve("sweep.sqlite");
        assertEquals(12, SweepDatabases.count(db, "SELECT count(*) FROM points"));
        assertEquals(List.of("4x4|65536|infeasible", "4x4|65536|infeasible", "4x4|65536|infeasible"),
                SweepDatabases.rows(db, "SELECT array, tileMemoryBytes, status FROM points WHERE status <> 'ok' "
                        + "ORDER BY point"));
        assertTrue(SweepDatabases.rows(db, "SELECT reason FROM points WHERE status = 'infeasible'").get(0)
                .contains("does not fit on 16 tiles of 64 KiB"));
        assertEquals(0, SweepDatabases.count(db, "SELECT count(*) FROM measures m JOIN points p USING (point) "
                + "WHERE p.status = 'infeasible'"));
        assertTrue(run.out().contains("9 ok, 3 infeasible, 0 failed"), run.out());
        assertTrue(run.out().contains("infeasible: point 0 (array=4x4, tileMemoryBytes=64KiB, rule=dfa)"), run.out());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(13, csv.size());
        assertTrue(csv.get(0).startsWith("point,array,tileMemoryBytes,rule,configHash,status,reason,wallTimeMs,cycles,"),
                csv.get(0));
        assertFalse(Files.exists(out.resolve("sweep.sqlite-wal")), "the finished database is one file");
    }

    @Test
    void aPointMeasuresWhatRunReportsForTheSameConfiguration() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, sweep(file("s.yaml", "base:\n  array: 8x8\nvary:\n  rule: [ssdfa]\n"), out).status());
        Path runOut = dir.resolve("run");
        assertEquals(0, CommandLineRunner.run("run", "--rule", "ssdfa", "--array", "8x8", "--out", runOut.toString())
                .status());
        JsonNode result = new ObjectMapper().readTree(runOut.resolve("result.json").toFile());
        Path db = out.resolve("sweep.sqlite");
        assertEquals(result.get("cycles").asLong(), Long.parseLong(SweepDatabases.rows(db,
                "SELECT value FROM measures WHERE measure = 'cycles'").get(0)));
        result.get("totals").fields().forEachRemaining(total -> {
            try {
                assertEquals(total.getValue().asText(), SweepDatabases.rows(db, "SELECT value FROM measures WHERE "
                        + "measure = '" + total.getKey() + "'").get(0), total.getKey());
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(result.at("/footprint/tilesUsed").asText(), SweepDatabases.rows(db,
                "SELECT value FROM measures WHERE measure = 'footprintTilesUsed'").get(0));
    }

    @Test
    void oneThreadAndTwoGiveTheSameDatabase() throws Exception {
        Path file = file("s.yaml", SMALL);
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertEquals(0, sweep(file, one, "--threads", "1").status());
        assertEquals(0, sweep(file, two, "--threads", "2").status());
        assertEquals(SweepDatabases.content(one), SweepDatabases.content(two));
        assertTrue(SweepDatabases.content(one).size() > 12 * 20);
    }

    @Test
    void aFinishedSweepRunAgainDoesNothingAndSaysSo() throws Exception {
        Path file = file("s.yaml", SMALL);
        Path out = dir.resolve("out");
        assertEquals(0, sweep(file, out).status());
        List<String> before = SweepDatabases.rows(out.resolve("sweep.sqlite"), "SELECT * FROM points ORDER BY point");
        CommandLineRunner again = sweep(file, out);
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("nothing to do"), again.out());
        assertEquals(before, SweepDatabases.rows(out.resolve("sweep.sqlite"), "SELECT * FROM points ORDER BY point"));
    }

    @Test
    void aDirectoryHoldingAnotherSweepIsRefusedEvenWithResume() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, sweep(file("a.yaml", SMALL), out).status());
        List<String> before = SweepDatabases.content(out);
        Path other = file("b.yaml", SMALL.replace("ssdfa", "fa"));
        for (String[] options : List.of(new String[0], new String[] {"--resume"})) {
            CommandLineRunner run = sweep(other, out, options);
            assertEquals(2, run.status());
            assertTrue(run.err().contains("holds the results of another sweep"), run.err());
        }
        assertEquals(before, SweepDatabases.content(out));
    }

    @Test
    void theSameSweepInAnotherModeIsAnotherSweep() throws Exception {
        Path file = file("s.yaml", "vary:\n  rule: [dfa]\n");
        Path out = dir.resolve("out");
        assertEquals(0, sweep(file, out).status());
        CommandLineRunner run = sweep(file, out, "--mode", "train");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("another sweep"), run.err());
    }

    @Test
    void aDirectoryWithOtherFilesIsRefused() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        CommandLineRunner run = sweep(file("s.yaml", SMALL), out);
        assertEquals(2, run.status());
        assertTrue(run.err().contains("notes.txt"), run.err());
        assertEquals(List.of("notes.txt"), Files.list(out).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void trainingPointsReportAccuracyBesideCost() throws Exception {
        Path out = dir.resolve("out");
        Path file = file("s.yaml", "base:\n  array: 4x4\n  workload: mnist-fc\n  epochs: 1\n  trainExamples: 200\n"
                + "  testExamples: 50\nvary:\n  rule: [dfa, bp]\nmeasures: [cycles, energyPerExamplePj, testAccuracy]\n");
        CommandLineRunner run = sweep(file, out, "--mode", "train");
        assertEquals(0, run.status(), run.err());
        List<String> rows = SweepDatabases.rows(out.resolve("sweep.sqlite"),
                "SELECT point, measure FROM measures ORDER BY point, measure");
        assertEquals(List.of("0|cycles", "0|energyPerExamplePj", "0|testAccuracy", "1|cycles", "1|energyPerExamplePj",
                "1|testAccuracy"), rows);
    }
}
