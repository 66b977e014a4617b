package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {
    @TempDir
    Path dir;

    private Path sweptSmall() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, SweepCommandTest.SMALL);
        Path out = dir.resolve("sweep");
        CommandLineRunner run = SweepCommandTest.sweep(file, out, "--threads", "2");
        assertEquals(0, run.status(), run.err());
        return out;
    }

    /** The data-key of every row of the table {@code id} in {@code page}. */
    static List<String> rowKeys(String page, String id) {
        int start = page.indexOf("<table id=\"" + id + "\">");
        assertTrue(start >= 0, "no table " + id);
        String table = page.substring(start, page.indexOf("</table>", start));
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-key=\"([^\"]+)\"").matcher(table);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    void aSweepEndsWithItsReportInTheReportDirectory() throws Exception {
        Path out = sweptSmall();
        String page = Files.readString(out.resolve("report/index.html"));
        for (String chart : List.of("front-energy-cycles", "front-energy-area", "parameter-array",
                "parameter-tileMemoryBytes", "parameter-rule")) {
            assertTrue(page.contains("charts/" + chart + ".png"), chart);
            assertTrue(Files.size(out.resolve("report/charts/" + chart + ".svg")) > 0, chart);
        }
        assertFalse(page.contains("front-accuracy-energy"), "a count sweep has no accuracy");
    }

    @Test
    void theNonDominatedTableHoldsExactlyThePointsNoOtherOkPointBeats() throws Exception {
        Path out = sweptSmall();
        Path database = out.resolve("sweep.sqlite");
        List<String> expected = SweepDatabases.rows(database, """
                WITH m AS (SELECT point,
                  (SELECT value FROM measures WHERE point = p.point AND measure = 'areaMm2') AS x,
                  (SELECT value FROM measures WHERE point = p.point AND measure = 'energyPerExamplePj') AS y
                  FROM points p WHERE status = 'ok')
                SELECT 'point-' || a.point FROM m a WHERE NOT EXISTS (SELECT 1 FROM m b
                  WHERE b.x <= a.x AND b.y <= a.y AND (b.x < a.x OR b.y < a.y)) ORDER BY a.point""");
        assertFalse(expected.isEmpty());
        String page = Files.readString(out.resolve("report/index.html"));
        assertEquals(expected, rowKeys(page, "front-energy-area-points"));
    }

    @Test
    void theInfeasiblePointsAreListedWithTheirReasons() throws Exception {
        Path out = sweptSmall();
        List<String> infeasible = SweepDatabases.rows(out.resolve("sweep.sqlite"),
                "SELECT 'point-' || point FROM points WHERE status = 'infeasible' ORDER BY point");
        assertEquals(3, infeasible.size(), "4x4 tiles of 64 KiB hold mnist-fc under no rule");
        String page = Files.readString(out.resolve("report/index.html"));
        assertEquals(infeasible, rowKeys(page, "infeasible"));
        assertTrue(page.contains("does not fit on 16 tiles of 64 KiB"), "the reason is shown");
        assertEquals(List.of(), rowKeys(page, "failed"));
    }

    @Test
    void reportOnASweepDirectoryRebuildsTheReportInPlace() throws Exception {
        Path out = sweptSmall();
        byte[] first = Files.readAllBytes(out.resolve("report/index.html"));
        CommandLineRunner run = CommandLineRunner.run("report", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("report of sweep "), run.out());
        assertEquals(new String(first), Files.readString(out.resolve("report/index.html")), "the same report");
    }

    @Test
    void reportOnASweepWritesWhereOutSays() throws Exception {
        Path out = sweptSmall();
        Path elsewhere = dir.resolve("elsewhere");
        assertEquals(0, CommandLineRunner.run("report", out.toString(), "--out", elsewhere.toString()).status());
        assertTrue(Files.exists(elsewhere.resolve("index.html")));
    }

    @Test
    void anEnergyTableForASweepIsRefusedInOneLine() throws Exception {
        Path out = sweptSmall();
        CommandLineRunner run = CommandLineRunner.run("report", out.toString(), "--energy", "normalized");
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--energy does not apply to a sweep directory"), run.err());
    }

    @Test
    void aDirectoryThatIsNeitherARunNorASweepIsOneLine() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CommandLineRunner run = CommandLineRunner.run("report", empty.toString(), "--out", dir.resolve("r").toString());
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("nor a sweep.sqlite"), run.err());
    }

    @Test
    void aSweepWithoutAnOkPointStillHasAReportListingItsInfeasiblePoints() throws Exception {
        Path file = dir.resolve("none.yaml");
        Files.writeString(file, "base:\n  workload: mnist-fc\n  tileMemoryBytes: 64KiB\nvary:\n  array: [2x2, 3x3]\n");
        Path out = dir.resolve("none");
        CommandLineRunner run = SweepCommandTest.sweep(file, out);
        assertEquals(0, run.status(), run.err());
        String page = Files.readString(out.resolve("report/index.html"));
        assertEquals(List.of("point-0", "point-1"), rowKeys(page, "infeasible"));
        assertFalse(page.contains("front-energy-cycles"), "no front without an ok point");
    }

    @Test
    void aTrainingSweepHasAnAccuracyFront() throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "base:\n  array: 4x4\n  workload: mnist-fc\n  epochs: 1\n  trainExamples: 200\n"
                + "  testExamples: 50\nvary:\n  rule: [dfa, bp]\n");
        Path out = dir.resolve("train");
        CommandLineRunner run = SweepCommandTest.sweep(file, out, "--mode", "train");
        assertEquals(0, run.status(), run.err());
        String page = Files.readString(out.resolve("report/index.html"));
        assertTrue(page.contains("charts/front-accuracy-energy.png"));
        assertFalse(rowKeys(page, "front-accuracy-energy-points").isEmpty());
        assertTrue(page.contains("data-column=\"testAccuracy\""));
    }
}
