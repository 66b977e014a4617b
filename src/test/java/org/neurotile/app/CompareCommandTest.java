package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    @Test
    void compareRunsEveryWorkloadAndRuleThenWritesTheReport() {
        Path out = dir.resolve("compare");
        CommandLineRunner run = CommandLineRunner.run("compare", "--workloads", "mnist-fc", "--rules", "bp,ssdfa",
                "--array", "6x6", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.exists(out.resolve("runs/mnist-fc/bp/result.json")));
        assertTrue(Files.exists(out.resolve("runs/mnist-fc/ssdfa/trace.json")));
        assertTrue(Files.exists(out.resolve("report/index.html")));
        assertTrue(run.out().contains("open file:"), run.out());
        assertEquals("", run.err(), "no progress bar when not on a terminal");
    }

    @Test
    void theSummaryNamesEachRunWhereItIsAfterTheOutputMovedIntoPlace() throws IOException {
        Path out = dir.resolve("compare");
        CommandLineRunner run = CommandLineRunner.run("compare", "--workloads", "mnist-fc", "--rules", "bp,ssdfa",
                "--array", "6x6", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode runs = new ObjectMapper().readTree(out.resolve("report/summary.json").toFile()).get("runs");
        assertEquals(2, runs.size());
        for (JsonNode entry : runs) {
            Path directory = Path.of(entry.get("directory").asText());
            assertEquals(out.toAbsolutePath().resolve("runs/mnist-fc").resolve(entry.get("rule").asText()), directory);
            assertTrue(Files.exists(directory.resolve("result.json")), directory.toString());
        }
    }

    @Test
    void aCommaThatStartsAnOptionStaysWithItsRule() throws IOException {
        Path out = dir.resolve("compare");
        CommandLineRunner run = CommandLineRunner.run("compare", "--workloads", "mnist-fc", "--rules",
                "hybrid:p=0.1,gamma=0.3,sdfa:k=2,rank=5,dfa", "--array", "6x6", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        try (Stream<Path> runs = Files.list(out.resolve("runs/mnist-fc"))) {
            assertEquals(3, runs.filter(Files::isDirectory).count());
        }
        assertTrue(run.out().contains("hybrid:p=0.1,gamma=0.3"), run.out());
        assertTrue(run.out().contains("sdfa:k=2,rank=5"), run.out());
    }

    @Test
    void anUnknownRuleStopsBeforeAnyReport() {
        Path out = dir.resolve("compare");
        CommandLineRunner run = CommandLineRunner.run("compare", "--workloads", "mnist-fc", "--rules", "bp,nope",
                "--array", "6x6", "--out", out.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("nope"), run.err());
        assertFalse(Files.exists(out.resolve("report")));
    }

    @Test
    void theProgressBarFillsInProportion() {
        assertEquals("[##........]", Progress.bar(1, 5, 10));
        assertEquals("[##########]", Progress.bar(5, 5, 10));
    }
}
