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

class RunCommandTest {
    @TempDir
    Path dir;

    private JsonNode result(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("result.json").toFile());
    }

    @Test
    void writesResultWithEverySectionAndCountsPerTask() throws IOException {
        Path out = dir.resolve("run");
        CommandLineRunner run = CommandLineRunner.run("run", "--workload", "mnist-fc", "--array", "8x8",
                "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("mnist-fc (784-400-10) on mesh:8x8"), run.out());
        JsonNode result = result(out);
        for (String key : List.of("totals", "byPhase", "byLayer", "footprint", "closedForm", "config")) {
            assertTrue(result.has(key), key);
        }
        assertEquals(400 * 10 + 10, result.get("totals").get("wordsMoved").asLong());
        List<String> csv = Files.readAllLines(out.resolve("counts.csv"));
        assertTrue(csv.get(0).startsWith("tile,x,y,layer,phase,"));
        int macs = List.of(csv.get(0).split(",")).indexOf("macs");
        long forwardMacs = csv.stream().skip(1).map(l -> l.split(","))
                .filter(f -> f[4].equals("forward"))
                .mapToLong(f -> Long.parseLong(f[macs]))
                .sum();
        assertEquals(784 * 400 + 400 * 10, forwardMacs);
    }

    @Test
    void withoutBiasesTheCountsMatchTheClosedForm() throws IOException {
        Path out = dir.resolve("run");
        CommandLineRunner run = CommandLineRunner.run("run", "--array", "8x8", "--no-biases", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        result(out).get("closedForm").forEach(entry -> assertEquals(0, entry.get("difference").asLong()));
    }

    @Test
    void traceOptionWritesAChromeTrace() throws IOException {
        Path out = dir.resolve("run");
        assertEquals(0, CommandLineRunner.run("run", "--array", "4x4", "--trace", "--out", out.toString()).status());
        JsonNode trace = new ObjectMapper().readTree(out.resolve("trace.json").toFile());
        assertTrue(trace.get("traceEvents").size() > 0);
    }

    @Test
    void compareWithTraceWritesATracePerRuleWithTileAndLinkTracks() throws IOException {
        Path out = dir.resolve("traced");
        assertEquals(0, CommandLineRunner.run("run", "--array", "4x4", "--compare", "bp,dfa", "--trace", "--out",
                out.toString()).status());
        for (String rule : List.of("bp", "dfa")) {
            String trace = Files.readString(out.resolve(rule).resolve("trace.json"));
            assertTrue(trace.contains("noc links") && trace.contains("(0,0)"), rule);
        }
    }

    @Test
    void linksCsvCarriesExactlyTheByteHopsOfTheResult() throws IOException {
        Path out = dir.resolve("links");
        assertEquals(0, CommandLineRunner.run("run", "--array", "6x6", "--rule", "bp", "--out", out.toString()).status());
        List<String> lines = Files.readAllLines(out.resolve("links.csv"));
        assertEquals("link,fromRouter,toRouter,fromX,fromY,toX,toY,bytes,flits,busyCycles", lines.get(0));
        long bytes = 0;
        for (String line : lines.subList(1, lines.size())) {
            bytes += Long.parseLong(line.split(",")[7]);
        }
        assertEquals(result(out).get("totals").get("nocByteHops").asLong(), bytes);
        assertEquals(2 * 2 * 6 * 5 + 1, lines.size(), "a 6x6 mesh has 120 directed links");
    }

    @Test
    void aChipTooSmallSaysWhatWouldFit() {
        CommandLineRunner run = CommandLineRunner.run("run", "--workload", "alexnet-fc", "--array", "8x8",
                "--out", dir.resolve("x").toString());
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("it needs 577 tiles of 512 KiB"), run.err());
        assertFalse(Files.exists(dir.resolve("x").resolve("result.json")));
    }

    @Test
    void unknownRuleAndWorkloadListTheValidOnes() {
        CommandLineRunner rule = CommandLineRunner.run("run", "--rule", "bpp");
        assertEquals(2, rule.status());
        assertTrue(rule.err().contains("valid: bp[:reads=separate|shared], fa[:init=crafton|uniform|weights-product], dfa["), rule.err());
        CommandLineRunner workload = CommandLineRunner.run("run", "--workload", "mnist-xx");
        assertEquals(2, workload.status());
        assertTrue(workload.err().contains("mnist-fc"), workload.err());
    }

    @Test
    void anUnknownConvMappingListsAllThreeAndWritesNothing() {
        CommandLineRunner run = CommandLineRunner.run("run", "--workload", "mnist-cnn", "--conv-mapping", "row",
                "--out", dir.resolve("never").toString());
        assertEquals(2, run.status());
        assertEquals("run: --conv-mapping: unknown conv mapping 'row' (valid: copies, single, rows)",
                run.err().strip());
        assertTrue(Files.notExists(dir.resolve("never")));
    }

    @Test
    void convDfaUnderTheRowsMappingIsOneLineAndWritesNothing() {
        CommandLineRunner run = CommandLineRunner.run("run", "--workload", "mnist-cnn", "--rule", "conv-dfa",
                "--conv-mapping", "rows", "--out", dir.resolve("never").toString());
        assertEquals(2, run.status());
        assertEquals("run: rule 'conv-dfa' is not modelled under conv mapping rows, which cuts layer 1 into blocks of"
                + " 32 channels (valid with it: copies, single)", run.err().strip());
        assertTrue(Files.notExists(dir.resolve("never")));
    }

    @Test
    void theRowsMappingIsWrittenToTheChipFile() throws IOException {
        Path out = dir.resolve("rows");
        CommandLineRunner run = CommandLineRunner.run("run", "--workload", "mnist-cnn", "--rule", "bp",
                "--conv-mapping", "rows", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode chip = new ObjectMapper().readTree(out.resolve("chip.json").toFile());
        assertEquals("rows", chip.get("convMapping").asText());
    }

    @Test
    void badTileMemoryIsOneLine() {
        CommandLineRunner run = CommandLineRunner.run("run", "--tile-memory", "lots");
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aChipFileSetsTheChipAndOptionsOverrideIt() throws IOException {
        Path chip = dir.resolve("chip.yaml");
        Files.writeString(chip, "array: 4x4\nmacsPerCycle: 32\ntileMemoryBytes: 1MiB\nrouterDelayCycles: 2\n");
        Path out = dir.resolve("run");
        CommandLineRunner run = CommandLineRunner.run("run", "--chip", chip.toString(), "--macs-per-cycle", "8",
                "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("on mesh:4x4 of 1 MiB tiles, 4-byte words, 8 MACs/cycle"), run.out());
        JsonNode written = new ObjectMapper().readTree(out.resolve("chip.json").toFile());
        assertEquals(2, written.get("routerDelayCycles").asInt());
        assertEquals(8, written.get("macsPerCycle").asInt());
    }

    @Test
    void theWrittenChipFileReproducesTheRun() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertEquals(0, CommandLineRunner.run("run", "--array", "6x6", "--tile-memory", "2MiB", "--rule", "ssdfa",
                "--out", first.toString()).status());
        assertEquals(0, CommandLineRunner.run("run", "--chip", first.resolve("chip.json").toString(), "--rule", "ssdfa",
                "--out", second.toString()).status());
        assertEquals(Files.readString(first.resolve("counts.csv")), Files.readString(second.resolve("counts.csv")));
    }

    @Test
    void anUnknownChipKeyNamesTheFileLineAndNearestKey() throws IOException {
        Path chip = dir.resolve("chip.yaml");
        Files.writeString(chip, "array: 4x4\nmacs: 32\n");
        CommandLineRunner run = CommandLineRunner.run("run", "--chip", chip.toString(), "--out", dir.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("chip.yaml:2: unknown key 'macs'"), run.err());
    }

    @Test
    void theProcessorBaselineReportsBpAgainstItsClosedForm() throws IOException {
        Path out = dir.resolve("run");
        CommandLineRunner run = CommandLineRunner.run("run", "--chip", "processor", "--rule", "bp", "--no-biases",
                "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("on the processor baseline"), run.out());
        JsonNode result = result(out);
        assertEquals("processor", result.get("config").get("chip").get("kind").asText());
        assertEquals(317_600, result.get("closedForm").get("writes").get("simulated").asLong());
        assertEquals(0, result.get("closedForm").get("writes").get("difference").asLong());
        assertFalse(Files.exists(out.resolve("chip.json")));
    }

    @Test
    void tileOptionsDoNotApplyToTheProcessor() {
        CommandLineRunner run = CommandLineRunner.run("run", "--chip", "processor", "--array", "4x4");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--chip processor has no tiles"), run.err());
    }

    @Test
    void functionalModeCountsExactlyWhatCountModeCounts() throws IOException {
        Path count = dir.resolve("count");
        Path functional = dir.resolve("functional");
        assertEquals(0, CommandLineRunner.run("run", "--array", "6x6", "--rule", "fa", "--out", count.toString()).status());
        assertEquals(0, CommandLineRunner.run("run", "--array", "6x6", "--rule", "fa", "--mode", "functional",
                "--out", functional.toString()).status());
        assertEquals(Files.readString(count.resolve("counts.csv")), Files.readString(functional.resolve("counts.csv")));
        JsonNode values = result(functional).get("functional");
        assertTrue(values.get("lossAfter").asDouble() < values.get("lossBefore").asDouble(), values.toString());
    }

    @Test
    void dumpStateWritesEveryLayersMatricesAndAManifest() throws IOException {
        Path dump = dir.resolve("dump");
        CommandLineRunner run = CommandLineRunner.run("run", "--array", "6x6", "--rule", "ssdfa", "--dump-state",
                dump.toString(), "--out", dir.resolve("run").toString());
        assertEquals(0, run.status(), run.err());
        JsonNode manifest = new ObjectMapper().readTree(dump.resolve("manifest.json").toFile());
        assertEquals("ssdfa", manifest.get("rule").asText());
        JsonNode first = manifest.get("layers").get(0);
        assertEquals(400, first.get("weightsAfter").get("shape").get(0).asInt());
        assertEquals(784, first.get("weightsAfter").get("shape").get(1).asInt());
        assertEquals("e", first.get("feedbackSource").asText());
        assertEquals("float32", manifest.get("precision").asText());
        assertEquals("float32", first.get("weightsAfter").get("dtype").asText());
        long bytes = Files.size(dump.resolve("layer1_weights_after.npy"));
        assertTrue(bytes > 400 * 784 * 4 && bytes < 400 * 784 * 8, "float32 weights take " + bytes + " bytes");
        assertTrue(Files.exists(dump.resolve("layer1_feedback.npy")));
    }

    @Test
    void dumpStateWritesAConvolutionalFeedbackAsKernelsWithItsGeometry() throws IOException {
        Path dump = dir.resolve("dump-conv");
        CommandLineRunner run = CommandLineRunner.run("run", "--workload", "mnist-cnn", "--rule",
                "conv-dfa:groups=4,dilation=2", "--dump-state", dump.toString(), "--out", dir.resolve("run").toString());
        assertEquals(0, run.status(), run.err());
        JsonNode first = new ObjectMapper().readTree(dump.resolve("manifest.json").toFile()).get("layers").get(0);
        JsonNode feedback = first.get("feedbackConvolution");
        assertEquals("[32,16,3,3]", feedback.get("kernels").get("shape").toString());
        assertEquals("[64,24,24]", feedback.get("sourceShape").toString());
        assertEquals("[32,26,26]", feedback.get("targetShape").toString());
        assertEquals(2, feedback.get("padding").asInt());
        assertEquals(4, feedback.get("groups").asInt());
        assertEquals("delta of layer 2", first.get("feedbackSource").asText());
        assertTrue(Files.exists(dump.resolve("layer1_feedback_kernels.npy")));
        assertTrue(Files.notExists(dump.resolve("layer1_feedback.npy")));
    }

    @Test
    void convolutionalFeedbackOptionsOnAFullyConnectedNetworkAreOneLineAndWriteNothing() {
        CommandLineRunner run = CommandLineRunner.run("run", "--workload", "mnist-fc", "--rule", "conv-dfa:groups=4",
                "--out", dir.resolve("never").toString());
        assertEquals(2, run.status());
        assertEquals("run: rule 'conv-dfa:groups=4': kernel, dilation and groups apply to convolutional layers;"
                + " mnist-fc has none (valid there: modules, sign, init)", run.err().strip());
        assertTrue(Files.notExists(dir.resolve("never")));
    }

    @Test
    void float64IsAnOptionOfTheDump() throws IOException {
        Path dump = dir.resolve("dump64");
        CommandLineRunner run = CommandLineRunner.run("run", "--array", "6x6", "--rule", "dfa", "--precision",
                "float64", "--dump-state", dump.toString(), "--out", dir.resolve("run").toString());
        assertEquals(0, run.status(), run.err());
        JsonNode manifest = new ObjectMapper().readTree(dump.resolve("manifest.json").toFile());
        assertEquals("float64", manifest.get("layers").get(0).get("weightsAfter").get("dtype").asText());
        assertEquals("float64", result(dir.resolve("run")).get("functional").get("precision").asText());
        assertTrue(Files.size(dump.resolve("layer1_weights_after.npy")) > 400 * 784 * 8);
    }

    @Test
    void anUnknownPrecisionIsOneLine() {
        CommandLineRunner run = CommandLineRunner.run("run", "--mode", "functional", "--precision", "half",
                "--out", dir.resolve("never").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("unknown precision 'half' (valid: float32, float64)"), run.err());
        assertTrue(Files.notExists(dir.resolve("never")));
    }

    @Test
    void anUnknownModeIsOneLine() {
        CommandLineRunner run = CommandLineRunner.run("run", "--mode", "fast");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--mode fast is not one of: count, functional"), run.err());
    }
}
