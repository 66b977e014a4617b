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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NocCommandTest {
    private static final String[] SMALL = {"noc", "--topology", "mesh:4x4", "--rates", "0.05,0.2", "--warmup", "200",
        "--measure", "2000"};

    @TempDir
    Path dir;

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void printsATableRowPerRateAndWritesCsvJsonAndConfig() throws IOException {
        Path out = dir.resolve("run");
        CommandLineRunner result = CommandLineRunner.run(with(SMALL, "--out", out.toString()));
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("mesh:4x4, routing xy, traffic uniform"), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith(" 0.050 ")), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.startsWith(" 0.200 ")), result.out());
        List<String> csv = Files.readAllLines(out.resolve("noc.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("rate,offered,accepted"));
        JsonNode json = new ObjectMapper().readTree(out.resolve("noc.json").toFile());
        assertEquals(2, json.get("points").size());
        assertEquals("mesh:4x4", json.get("config").get("topology").asText());
        assertTrue(Files.exists(out.resolve("config.json")));
    }

    @Test
    void statsOptionWritesEveryStatisticPerRate() throws IOException {
        Path out = dir.resolve("run");
        CommandLineRunner result = CommandLineRunner.run(with(SMALL, "--stats", "--out", out.toString()));
        assertEquals(0, result.status(), result.err());
        String csv = Files.readString(out.resolve("stats").resolve("rate-0.05.csv"));
        assertTrue(csv.contains("noc.link[0].busyCycles,counter,"), csv);
        assertTrue(csv.contains("noc.latencyCycles,histogram,"), csv);
        assertTrue(Files.exists(out.resolve("stats").resolve("rate-0.2.json")));
    }

    @Test
    void theWrittenConfigReproducesTheRun() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertEquals(0, CommandLineRunner.run(with(SMALL, "--seed", "9", "--out", first.toString())).status());
        CommandLineRunner again = CommandLineRunner.run("noc", "--config", first.resolve("config.json").toString(),
                "--threads", "1", "--out", second.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(Files.readString(first.resolve("noc.csv")), Files.readString(second.resolve("noc.csv")));
    }

    @Test
    void commandLineOptionsOverrideTheConfigFile() throws IOException {
        Path config = dir.resolve("noc.yaml");
        Files.writeString(config, "topology: ring:8\nrouterDelayCycles: 2\nrates: [0.1]\nmeasureCycles: 1000\n");
        Path out = dir.resolve("out");
        CommandLineRunner result = CommandLineRunner.run("noc", "--config", config.toString(),
                "--topology", "torus:4x4", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        JsonNode written = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        assertEquals("torus:4x4", written.get("topology").asText());
        assertEquals(2, written.get("routerDelayCycles").asInt());
    }

    @Test
    void unknownConfigKeyNamesFileLineAndNearestKey() throws IOException {
        Path config = dir.resolve("noc.yaml");
        Files.writeString(config, "topology: mesh:4x4\nrouterDelay: 2\n");
        CommandLineRunner result = CommandLineRunner.run("noc", "--config", config.toString(),
                "--out", dir.resolve("x").toString());
        assertEquals(2, result.status());
        assertOneLine(result.err(), "noc.yaml:2", "routerDelayCycles");
        assertFalse(Files.exists(dir.resolve("x").resolve("noc.csv")));
    }

    @Test
    void unknownTopologyIsOneLineListingValidChoices() {
        CommandLineRunner result = CommandLineRunner.run("noc", "--topology", "hypercube:4",
                "--out", dir.resolve("x").toString());
        assertEquals(2, result.status());
        assertOneLine(result.err(), "hypercube", "mesh");
    }

    @Test
    void zeroSizeIsRejected() {
        CommandLineRunner result = CommandLineRunner.run("noc", "--topology", "mesh:0x4",
                "--out", dir.resolve("x").toString());
        assertEquals(2, result.status());
        assertOneLine(result.err(), "mesh:0x4");
    }

    @Test
    void rateOutsideTheUnitIntervalIsRejected() {
        CommandLineRunner result = CommandLineRunner.run("noc", "--rates", "0.1,1.5",
                "--out", dir.resolve("x").toString());
        assertEquals(2, result.status());
        assertOneLine(result.err(), "1.5", "(0, 1]");
    }

    @Test
    void packetOverTheSizeLimitIsRejected() {
        CommandLineRunner result = CommandLineRunner.run("noc", "--packet-flits", "64", "--max-packet-bytes", "256",
                "--out", dir.resolve("x").toString());
        assertEquals(2, result.status());
        assertOneLine(result.err(), "maxPacketBytes");
    }

    @Test
    void malformedNumberIsOneLineWithHelpHint() {
        CommandLineRunner result = CommandLineRunner.run("noc", "--router-delay", "three");
        assertEquals(2, result.status());
        assertOneLine(result.err(), "--router-delay", "--help");
    }

    @Test
    void unwritableOutputDirectoryFailsBeforeSimulating() throws IOException {
        Path file = dir.resolve("occupied");
        Files.writeString(file, "not a directory");
        CommandLineRunner result = CommandLineRunner.run(with(SMALL, "--out", file.resolve("sub").toString()));
        assertEquals(2, result.status());
        assertOneLine(result.err(), "--out");
    }

    @Test
    void everyCommandHasHelp() {
        assertEquals(0, CommandLineRunner.run("--help").status());
        CommandLineRunner noc = CommandLineRunner.run("noc", "--help");
        assertEquals(0, noc.status());
        assertTrue(noc.out().contains("--router-delay"));
    }

    private static void assertOneLine(String err, String... fragments) {
        assertEquals(1, err.strip().lines().count(), "expected one line, got: " + err);
        for (String fragment : fragments) {
            assertTrue(err.contains(fragment), "'" + fragment + "' missing from: " + err);
        }
    }
}
