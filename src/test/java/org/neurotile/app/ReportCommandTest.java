package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    static Path runs;
    @TempDir
    Path dir;

    @BeforeAll
    static void runTwoRules() {
        assertEquals(0, CommandLineRunner.run("run", "--array", "6x6", "--compare", "bp,ssdfa", "--out",
                runs.resolve("mnist").toString()).status());
    }

    private static JsonNode summary(Path report) throws IOException {
        return new ObjectMapper().readTree(report.resolve("summary.json").toFile());
    }

    @Test
    void theSummaryHasEveryRunWithItsCountsAndEnergy() throws IOException {
        Path report = dir.resolve("report");
        CommandLineRunner run = CommandLineRunner.run("report", runs.resolve("mnist").toString(), "--out",
                report.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode summary = summary(report);
        assertEquals("45nm", summary.get("energyTable").asText());
        assertEquals(List.of("mnist-fc/bp", "mnist-fc/ssdfa"),
                List.of(summary.get("runs").get(0).get("key").asText(), summary.get("runs").get(1).get("key").asText()));
        JsonNode ssdfa = summary.get("runs").get(1).get("columns");
        JsonNode result = new ObjectMapper().readTree(runs.resolve("mnist/ssdfa/result.json").toFile());
        assertEquals(result.get("totals").get("macs").asDouble(), ssdfa.get("macs").asDouble());
        double kinds = 0;
        for (String kind : List.of("computePj", "localMemoryPj", "nocPj", "offChipPj", "staticPj")) {
            kinds += ssdfa.get(kind).asDouble();
        }
        assertEquals(ssdfa.get("energyPj").asDouble(), kinds, 1e-6 * kinds);
        List<String> csv = Files.readAllLines(report.resolve("summary.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("workload,rule,cycles,macs"), csv.get(0));
        assertTrue(Files.size(report.resolve("charts/compare-macs.png")) > 0);
        assertTrue(Files.size(report.resolve("charts/compare-macs.svg")) > 0);
    }

    @Test
    void repricingWithAnotherTableChangesOnlyTheEnergy() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CommandLineRunner.run("report", runs.resolve("mnist").toString(), "--out", a.toString()).status());
        assertEquals(0, CommandLineRunner.run("report", runs.resolve("mnist").toString(), "--energy", "normalized",
                "--out", b.toString()).status());
        JsonNode first = summary(a).get("runs").get(0).get("columns");
        JsonNode second = summary(b).get("runs").get(0).get("columns");
        assertEquals(first.get("nocByteHops"), second.get("nocByteHops"));
        assertEquals(first.get("cycles"), second.get("cycles"));
        assertTrue(first.get("energyPj").asDouble() != second.get("energyPj").asDouble());
    }

    @Test
    void runsOnDifferentChipsAreToldApart() throws IOException {
        Path processor = dir.resolve("processor");
        assertEquals(0, CommandLineRunner.run("run", "--chip", "processor", "--rule", "bp", "--out",
                processor.toString()).status());
        Path report = dir.resolve("report");
        CommandLineRunner run = CommandLineRunner.run("report", processor.toString(), runs.resolve("mnist").toString(),
                "--out", report.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode keys = summary(report).get("runs");
        assertEquals("mnist-fc @ processor/bp", keys.get(0).get("key").asText());
        assertEquals("mnist-fc @ mesh:6x6/bp", keys.get(1).get("key").asText());
        assertTrue(keys.get(0).get("columns").get("localMemoryPj").asDouble() == 0,
                "the processor's memory words are priced off chip");
    }

    @Test
    void aMissingRunDirectoryIsOneLineAndWritesNothing() {
        Path report = dir.resolve("never");
        CommandLineRunner run = CommandLineRunner.run("report", dir.resolve("nothing").toString(), "--out",
                report.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("no such directory"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(report));
    }

    @Test
    void anIncompleteRunIsNamed() throws IOException {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("result.json"), "{\"rule\": \"dfa\"}");
        CommandLineRunner run = CommandLineRunner.run("report", broken.toString(), "--out", dir.resolve("r").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("counts.csv is missing"), run.err());
    }

    @Test
    void anUnknownEnergyTableSaysWhatIsValid() {
        CommandLineRunner run = CommandLineRunner.run("report", runs.resolve("mnist").toString(), "--energy", "7nm",
                "--out", dir.resolve("r").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("45nm, normalized"), run.err());
    }

    @Test
    void anUnwritableOutputLeavesNoHalfReport() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        CommandLineRunner run = CommandLineRunner.run("report", runs.resolve("mnist").toString(), "--out",
                file.resolve("report").toString());
        assertEquals(2, run.status(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }
}
