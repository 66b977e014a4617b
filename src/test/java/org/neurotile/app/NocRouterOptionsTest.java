package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --router vc} and its options, on the command line and in config files, for noc and run. */
class NocRouterOptionsTest {
    @TempDir
    Path dir;

    @Test
    void nocRunsTheVcRouterAndWritesItsSettingsIntoTheConfig() throws IOException {
        Path out = dir.resolve("vc");
        CommandLineRunner result = CommandLineRunner.run("noc", "--topology", "mesh:4x4", "--rates", "0.1",
                "--warmup", "200", "--measure", "2000", "--router", "vc", "--vcs", "2", "--vc-depth", "5",
                "--switch-allocator", "round-robin", "--credit-delay", "2", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("vc router: 2 VCs x 5 flits, VC allocator islip, switch allocator round-robin"),
                result.out());
        JsonNode config = new ObjectMapper().readTree(out.resolve("config.json").toFile());
        assertEquals("vc", config.get("router").asText());
        assertEquals(2, config.get("vcs").asInt());
        assertEquals(5, config.get("vcDepthFlits").asInt());
        assertEquals("round-robin", config.get("switchAllocator").asText());
        assertEquals(2, config.get("creditDelayCycles").asInt());
    }

    @Test
    void theWrittenConfigReproducesAVcRun() throws IOException {
        Path first = dir.resolve("first");
        assertEquals(0, CommandLineRunner.run("noc", "--topology", "mesh:4x4", "--rates", "0.2", "--warmup", "200",
                "--measure", "2000", "--router", "vc", "--out", first.toString()).status());
        Path second = dir.resolve("second");
        CommandLineRunner again = CommandLineRunner.run("noc", "--config", first.resolve("config.json").toString(),
                "--out", second.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(Files.readString(first.resolve("noc.csv")), Files.readString(second.resolve("noc.csv")));
    }

    @Test
    void anUnknownRouterOrAllocatorIsOneLineNamingTheOption() {
        CommandLineRunner router = CommandLineRunner.run("noc", "--router", "fast", "--out", dir.resolve("x").toString());
        assertEquals(2, router.status());
        assertOneLine(router.err(), "--router", "fast", "ideal, vc");
        CommandLineRunner allocator = CommandLineRunner.run("noc", "--vc-allocator", "wavefront",
                "--out", dir.resolve("y").toString());
        assertEquals(2, allocator.status());
        assertOneLine(allocator.err(), "--vc-allocator", "round-robin, islip");
    }

    @Test
    void aVcCountOutsideItsDeclaredRangeIsRefusedInFilesAndOptions() throws IOException {
        CommandLineRunner option = CommandLineRunner.run("noc", "--vcs", "65", "--out", dir.resolve("x").toString());
        assertEquals(2, option.status());
        assertOneLine(option.err(), "--vcs", "[1, 64]");
        Path config = dir.resolve("noc.yaml");
        Files.writeString(config, "router: vc\nvcs: 0\n");
        CommandLineRunner file = CommandLineRunner.run("noc", "--config", config.toString(),
                "--out", dir.resolve("z").toString());
        assertEquals(2, file.status());
        assertOneLine(file.err(), "noc.yaml:2", "vcs");
        assertFalse(Files.exists(dir.resolve("z").resolve("noc.csv")));
    }

    @Test
    void runTimesTheChipOnTheVcRouterAndItsChipFileSaysSo() throws IOException {
        Path out = dir.resolve("run");
        CommandLineRunner result = CommandLineRunner.run("run", "--workload", "mnist-fc", "--array", "8x8",
                "--router", "vc", "--vcs", "2", "--out", out.toString());
        assertEquals(0, result.status(), result.err());
        JsonNode chip = new ObjectMapper().readTree(out.resolve("chip.json").toFile());
        assertEquals("vc", chip.get("router").asText());
        assertEquals(2, chip.get("vcs").asInt());
        Path again = dir.resolve("again");
        CommandLineRunner fromFile = CommandLineRunner.run("run", "--workload", "mnist-fc", "--chip",
                out.resolve("chip.json").toString(), "--out", again.toString());
        assertEquals(0, fromFile.status(), fromFile.err());
        assertEquals(Files.readString(out.resolve("counts.csv")), Files.readString(again.resolve("counts.csv")));
    }

    private static void assertOneLine(String err, String... fragments) {
        assertEquals(1, err.strip().lines().count(), "expected one line, got: " + err);
        for (String fragment : fragments) {
            assertTrue(err.contains(fragment), "'" + fragment + "' missing from: " + err);
        }
    }
}
