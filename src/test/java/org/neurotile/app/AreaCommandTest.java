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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.reports.area.AreaTable;
import org.neurotile.reports.area.AreaTable.Part;

/** The chip's area and the tiles a mapping uses, in result.json, on stdout and in the report. */
class AreaCommandTest {
    @TempDir
    static Path runs;
    @TempDir
    Path dir;
    private static CommandLineRunner compared;

    @BeforeAll
    static void runTwoRulesOnA4x4Mesh() {
        compared = CommandLineRunner.run("run", "--array", "4x4", "--compare", "bp,ssdfa", "--out",
                runs.resolve("mnist").toString());
        assertEquals(0, compared.status(), compared.err());
    }

    private static JsonNode result(Path directory) throws IOException {
        return new ObjectMapper().readTree(directory.resolve("result.json").toFile());
    }

    /** One router of the 45nm table: 4 VCs of 8 16-byte flits, 16-byte links. */
    private static double router(AreaTable t, int ports) {
        return ports * 4 * 8 * 128 * t.mm2(Part.ROUTER_BUFFER_PER_BIT) + ports * 128 * t.mm2(Part.ROUTER_PIPELINE_PER_PORT_BIT)
                + Math.pow(ports * 128, 2) * t.mm2(Part.ROUTER_CROSSBAR_PER_PORT_BIT_SQUARED)
                + ports * (ports * ports + 16) * t.mm2(Part.ROUTER_ARBITER_PER_CELL);
    }

    @Test
    void theAreaOfA4x4MeshIsTheHandSumOfItsParts() throws IOException {
        AreaTable t = AreaTable.preset("45nm");
        // 4 corner routers of 3 ports, 8 edge routers of 4, 4 inner routers of 5; 48 directed links
        double routers = 4 * router(t, 3) + 8 * router(t, 4) + 4 * router(t, 5);
        double expected = 16 * 1.60235 + 16 * 16 * 0.011884 + routers + 48 * 128 * t.mm2(Part.LINK_PER_BIT);
        JsonNode result = result(runs.resolve("mnist/bp"));
        assertEquals(expected, result.get("areaMm2").asDouble(), 1e-9);
        JsonNode area = result.get("area");
        assertEquals("45nm", area.get("table").asText());
        assertEquals(16, area.get("tiles").asLong());
        assertEquals(routers, area.get("routerMm2").asDouble(), 1e-9);
        assertEquals(expected, area.get("sramMm2").asDouble() + area.get("macMm2").asDouble()
                + area.get("routerMm2").asDouble() + area.get("linkMm2").asDouble(), 1e-9);
    }

    @Test
    void tilesUsedAreTheTilesHoldingTheMappingsWork() throws IOException {
        for (String rule : List.of("bp", "ssdfa")) {
            Path run = runs.resolve("mnist").resolve(rule);
            JsonNode result = result(run);
            long tilesWithTasks = Files.readAllLines(run.resolve("counts.csv")).stream().skip(1)
                    .map(line -> line.split(",")[0]).distinct().count();
            assertEquals(tilesWithTasks, result.get("tilesUsed").asLong(), rule);
            assertEquals(result.get("footprint").get("tilesUsed"), result.get("tilesUsed"), rule);
            assertEquals(result.get("areaMm2").asDouble() * tilesWithTasks / 16, result.get("usedAreaMm2").asDouble(),
                    1e-9, rule);
        }
    }

    @Test
    void theRunPrintsTheAreaAndEachRulesTiles() throws IOException {
        long bp = result(runs.resolve("mnist/bp")).get("tilesUsed").asLong();
        long ssdfa = result(runs.resolve("mnist/ssdfa")).get("tilesUsed").asLong();
        assertTrue(compared.out().matches("(?s).*\\ntilesUsed +" + bp + " +" + ssdfa + " .*"), compared.out());
        assertTrue(compared.out().contains("chip area (45nm table): "), compared.out());
        assertTrue(compared.out().contains("for 16 tiles: SRAM 25.64, MACs 3.04, routers "), compared.out());
        assertTrue(compared.out().contains("used tiles' area: bp "), compared.out());
    }

    @Test
    void theProcessorsAreaIsItsMacUnits() throws IOException {
        Path out = dir.resolve("processor");
        CommandLineRunner run = CommandLineRunner.run("run", "--chip", "processor", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode result = result(out);
        assertEquals(16 * 0.011884, result.get("areaMm2").asDouble(), 1e-12);
        assertEquals(1, result.get("tilesUsed").asLong());
        assertEquals(0, result.get("area").get("sramMm2").asDouble());
        assertTrue(run.out().contains("memory is off chip"), run.out());
    }

    @Test
    void aRunPricesItsAreaWithTheTableItIsGiven() throws IOException {
        Path out = dir.resolve("normalized");
        assertEquals(0, CommandLineRunner.run("run", "--array", "4x4", "--area", "normalized", "--out",
                out.toString()).status());
        JsonNode result = result(out);
        assertEquals("normalized", result.get("area").get("table").asText());
        assertEquals(16 * 16, result.get("area").get("macMm2").asDouble(), 1e-9);
    }

    @Test
    void aBadAreaFileIsOneLineNamingFileLineAndKeyAndWritesNothing() throws IOException {
        Path table = dir.resolve("area.yaml");
        Files.writeString(table, Files.readString(Path.of("..", "reports", "src", "main", "resources", "org",
                "neurotile", "reports", "area", "45nm.yaml")).replace("  linkPerBit:", "  linkPerByte:"));
        Path out = dir.resolve("bad");
        CommandLineRunner run = CommandLineRunner.run("run", "--array", "4x4", "--area", table.toString(), "--out",
                out.toString());
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(table + ":") && run.err().contains("areas.linkPerByte"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void theReportShowsEachRunsAreaAndRepricesItWithAnotherTable() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CommandLineRunner.run("report", runs.resolve("mnist").toString(), "--out", a.toString()).status());
        CommandLineRunner normalized = CommandLineRunner.run("report", runs.resolve("mnist").toString(), "--area",
                "normalized", "--out", b.toString());
        assertEquals(0, normalized.status(), normalized.err());
        JsonNode result = result(runs.resolve("mnist/ssdfa"));
        String page = Files.readString(a.resolve("index.html"));
        assertTrue(page.contains("<table id=\"area-by-part\">"), "area table");
        assertEquals(result.get("areaMm2").asDouble(), cell(page, "mnist-fc/ssdfa", "areaMm2"), 1e-12);
        assertEquals(result.get("tilesUsed").asDouble(), cell(page, "mnist-fc/ssdfa", "tilesUsed"));
        assertEquals(result.get("usedAreaMm2").asDouble(), cell(page, "mnist-fc/ssdfa", "usedAreaMm2"), 1e-12);
        assertTrue(page.contains("<table id=\"area-sram\">") && page.contains("CACTI 7.0"), "area sources");
        double repriced = cell(Files.readString(b.resolve("index.html")), "mnist-fc/ssdfa", "macMm2");
        assertEquals(16 * 16, repriced, 1e-9);
    }

    @Test
    void aReportWithABadAreaTableIsOneLine() {
        CommandLineRunner run = CommandLineRunner.run("report", runs.resolve("mnist").toString(), "--area", "7nm",
                "--out", dir.resolve("r").toString());
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("45nm, normalized"), run.err());
    }

    /** The value of a column in the area table's row of {@code key}. */
    private static double cell(String page, String key, String column) {
        Matcher row = Pattern.compile("<table id=\"area-by-part\">.*?<tr data-key=\"" + Pattern.quote(key)
                + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(row.find(), key);
        Matcher value = Pattern.compile("data-column=\"" + column + "\" data-value=\"([^\"]+)\"").matcher(row.group(1));
        assertTrue(value.find(), column);
        return Double.parseDouble(value.group(1));
    }
}
