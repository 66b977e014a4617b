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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrainCommandTest {
    @TempDir
    Path dir;

    private CommandLineRunner train(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--train-examples", "300", "--test-examples",
                "100", "--epochs", "2", "--array", "8x8", "--out", out.toString()));
        args.addAll(List.of(options));
        return CommandLineRunner.run(args.toArray(String[]::new));
    }

    @Test
    void historyHoldsEveryEpochWithTheCostOfAnExample() throws IOException {
        Path out = dir.resolve("train");
        CommandLineRunner run = train(out, "--rule", "ssdfa", "--optimizer", "momentum");
        assertEquals(0, run.status(), run.err());
        List<String> csv = Files.readAllLines(out.resolve("history.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("epoch,learningRate,trainLoss,trainAccuracy,testLoss,testAccuracy"));
        JsonNode history = new ObjectMapper().readTree(out.resolve("history.json").toFile());
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertEquals(result.get("totals"), history.get("costPerExample").get("counts"));
        assertTrue(result.get("totals").get("optimizerReads").asLong() > 0, "momentum's state is counted");
        assertTrue(history.get("epochs").get(1).get("testAccuracy").asDouble() > 0.9, history.toString());
        assertEquals("momentum", history.get("config").get("optimizer").asText());
    }

    @Test
    void alignmentAddsAnUpdateAndAFeedbackAnglePerHiddenLayer() throws IOException {
        Path out = dir.resolve("aligned");
        CommandLineRunner run = train(out, "--rule", "dfa", "--alignment");
        assertEquals(0, run.status(), run.err());
        List<String> csv = Files.readAllLines(out.resolve("history.csv"));
        assertTrue(csv.get(0).endsWith(",updateAngleDegLayer1,feedbackAngleDegLayer1"), csv.get(0));
        String[] last = csv.get(2).split(",");
        double update = Double.parseDouble(last[last.length - 2]);
        assertTrue(update > 0 && update < 90, "dfa's update is within 90 degrees of bp's: " + update);
        assertTrue(run.out().contains("layer 1: update"), run.out());
    }

    @Test
    void aBatchReportsItsCostAndEachExamplesShareOfIt() throws IOException {
        Path out = dir.resolve("batched");
        CommandLineRunner run = train(out, "--rule", "dfa", "--batch", "8");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("per batch of 8: "), run.out());
        JsonNode history = new ObjectMapper().readTree(out.resolve("history.json").toFile());
        JsonNode perBatch = history.get("costPerBatch");
        JsonNode perExample = history.get("costPerExample");
        assertEquals(8, perBatch.get("batch").asInt());
        assertEquals(8, history.get("config").get("batch").asInt());
        perBatch.get("counts").fields().forEachRemaining(count -> assertEquals(count.getValue().asDouble() / 8,
                perExample.get("counts").get(count.getKey()).asDouble(), 1e-9, count.getKey()));
        assertEquals(perBatch.get("cycles").asDouble() / 8, perExample.get("cycles").asDouble(), 1e-9);
        assertEquals(784 * 400 + 400 * 10 + 410, perBatch.get("counts").get("weightWrites").asLong(),
                "every weight and bias written once a batch");
        JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
        assertEquals(perBatch.get("counts"), result.get("batch").get("totalsPerBatch"));
        String header = Files.readAllLines(out.resolve("history.csv")).get(0);
        assertTrue(header.contains(",batch,cyclesPerBatch,energyPjPerBatch,weightReadsPerBatch,"), header);
    }

    @Test
    void hybridReportsTheMixOfTheStepsItDrew() throws IOException {
        Path out = dir.resolve("hybrid");
        CommandLineRunner run = train(out, "--rule", "hybrid:p=0.25", "--optimizer", "momentum", "--lr", "0.003");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("a bp step instead (probability 0.25): "), run.out());
        JsonNode history = new ObjectMapper().readTree(out.resolve("history.json").toFile());
        JsonNode feedback = history.get("costPerExampleByStep").get("feedback").get("counts");
        JsonNode bp = history.get("costPerExampleByStep").get("bp").get("counts");
        for (JsonNode epoch : history.get("epochs")) {
            long drawn = epoch.get("bpExamples").asLong();
            assertTrue(drawn > 30 && drawn < 120, "about a quarter of 300: " + drawn);
            JsonNode mixed = epoch.get("costPerExample").get("counts");
            feedback.fields().forEachRemaining(count -> assertEquals(((300 - drawn) * count.getValue().asDouble()
                    + drawn * bp.get(count.getKey()).asDouble()) / 300, mixed.get(count.getKey()).asDouble(), 1e-6,
                    count.getKey()));
        }
        assertTrue(bp.get("weightReads").asLong() > feedback.get("weightReads").asLong(), "bp reads W^T");
        assertTrue(Files.readAllLines(out.resolve("history.csv")).get(0).contains(",bpExamples"));
    }

    @Test
    void hybridWithoutMomentumIsOneLineAndWritesNothing() {
        Path out = dir.resolve("never");
        CommandLineRunner run = train(out, "--rule", "hybrid:p=0.1");
        assertEquals(2, run.status());
        assertEquals("train: rule hybrid:p=0.1 keeps split momentum: use --optimizer momentum (mu from --momentum), "
                + "not sgd", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBatchOfOneWritesNoPerBatchCosts() throws IOException {
        Path out = dir.resolve("one");
        assertEquals(0, train(out, "--batch", "1").status());
        assertFalse(Files.readAllLines(out.resolve("history.csv")).get(0).contains("PerBatch"));
        assertFalse(new ObjectMapper().readTree(out.resolve("history.json").toFile()).has("costPerBatch"));
        assertFalse(new ObjectMapper().readTree(out.resolve("result.json").toFile()).has("batch"));
    }

    @Test
    void aBatchBelowOneIsOneLineAndWritesNothing() {
        Path out = dir.resolve("never");
        CommandLineRunner run = train(out, "--batch", "0");
        assertEquals(2, run.status());
        assertEquals("train: --batch must be at least 1, got 0", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void threadsBelowOneAreOneLineAndWriteNothing() {
        Path out = dir.resolve("never");
        CommandLineRunner run = train(out, "--threads", "0");
        assertEquals(2, run.status());
        assertEquals("train: --threads must be at least 1, got 0", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void oneThreadAndThreeWriteTheSameHistoryOfABatchedRun() throws IOException {
        Path one = dir.resolve("one-thread");
        Path three = dir.resolve("three-threads");
        assertEquals(0, train(one, "--batch", "8", "--threads", "1").status());
        assertEquals(0, train(three, "--batch", "8", "--threads", "3").status());
        assertEquals(withoutSeconds(one.resolve("history.csv")), withoutSeconds(three.resolve("history.csv")));
    }

    @Test
    void fastArithmeticLearnsAsTheFixedOrderDoesAndSaysWhatComputedIt() throws IOException {
        for (String batch : new String[] {"1", "8"}) {
            Path fixed = dir.resolve("fixed-" + batch);
            Path fast = dir.resolve("fast-" + batch);
            assertEquals(0, train(fixed, "--batch", batch, "--rule", "bp").status());
            CommandLineRunner run = train(fast, "--batch", batch, "--rule", "bp", "--arithmetic", "fast");
            assertEquals(0, run.status(), run.err());
            assertTrue(run.out().contains("arithmetic fast: dense and convolution products by "), run.out());
            JsonNode fastHistory = new ObjectMapper().readTree(fast.resolve("history.json").toFile());
            JsonNode fixedHistory = new ObjectMapper().readTree(fixed.resolve("history.json").toFile());
            assertEquals("fast", fastHistory.get("config").get("arithmetic").asText());
            assertFalse(fastHistory.get("config").get("blas").asText().isEmpty());
            assertFalse(fixedHistory.get("config").has("arithmetic"), "the default leaves the config as it was");
            for (int epoch = 0; epoch < 2; epoch++) {
                JsonNode a = fixedHistory.get("epochs").get(epoch);
                JsonNode b = fastHistory.get("epochs").get(epoch);
                assertEquals(a.get("trainLoss").asDouble(), b.get("trainLoss").asDouble(), 1e-3, "batch " + batch);
                assertEquals(a.get("testAccuracy").asDouble(), b.get("testAccuracy").asDouble(), 0.02, "batch " + batch);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--arithmetic=quick|train: --arithmetic must be one of fixed, fast, got 'quick'",
        "--arithmetic=fast --precision=float64|train: --arithmetic fast computes float32 products: give it with "
            + "--precision float32, not float64",
        "--arithmetic=fast --numbers=fixed16|train: --arithmetic fast computes float32 products: give it without "
            + "fixed-point --numbers (weights fixed16:frac=13, activations fixed16:frac=13, errors fixed16:frac=13)"})
    void aWrongArithmeticIsOneLineAndWritesNothing(String options, String message) {
        Path out = dir.resolve("never");
        CommandLineRunner run = train(out, options.split(" "));
        assertEquals(2, run.status());
        assertEquals(message, run.err().strip());
        assertFalse(Files.exists(out));
    }

    /** The history's rows without their wall-clock column (the 7th). */
    private static List<String> withoutSeconds(Path history) throws IOException {
        return Files.readAllLines(history).stream().map(line -> line.replaceFirst("^((?:[^,]*,){6})[^,]*", "$1"))
                .toList();
    }

    @Test
    void aBatchTooLargeForTheTilesSaysSo() {
        CommandLineRunner run = train(dir.resolve("never"), "--batch", "4096");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("a batch of 4096 keeps the inputs and deltas of 4096 examples"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void anUnknownOptimizerIsOneLineAndWritesNothing() {
        Path out = dir.resolve("never");
        CommandLineRunner run = train(out, "--optimizer", "rmsprop");
        assertEquals(2, run.status());
        assertEquals("train: unknown optimizer 'rmsprop' (valid: sgd, momentum, adam)", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void errorNumbersShrinkTheErrorPhasesNocBytesAndTheBytesMoved() throws IOException {
        Path float32 = dir.resolve("float32");
        Path fixed8 = dir.resolve("fixed8");
        assertEquals(0, train(float32).status());
        CommandLineRunner run = train(fixed8, "--error-numbers", "fixed8:frac=6");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("errors fixed8:frac=6 (1)"), run.out());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode before = mapper.readTree(float32.resolve("result.json").toFile());
        JsonNode after = mapper.readTree(fixed8.resolve("result.json").toFile());
        long errorBytes = before.get("byPhase").get("error").get("nocBytesInjected").asLong();
        assertTrue(errorBytes > 0);
        assertEquals(errorBytes, 4 * after.get("byPhase").get("error").get("nocBytesInjected").asLong());
        assertEquals(before.get("byPhase").get("forward"), after.get("byPhase").get("forward"));
        assertEquals(before.get("totals").get("wordsMoved"), after.get("totals").get("wordsMoved"));
        assertEquals(after.get("totals").get("wordsMoved").asLong(), after.get("totals").get("bytesMoved").asLong());
        assertEquals("fixed8:frac=6", after.get("config").get("numbers").get("errors").asText());
        assertFalse(before.get("config").has("numbers"), "float32 runs keep their configuration");
        JsonNode history = mapper.readTree(fixed8.resolve("history.json").toFile());
        assertEquals(after.get("totals"), history.get("costPerExample").get("counts"));
        assertTrue(linkBytes(fixed8) < linkBytes(float32), "links.csv carries fewer bytes");
    }

    private static long linkBytes(Path out) throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("links.csv"));
        int column = List.of(rows.get(0).split(",")).indexOf("bytes");
        return rows.stream().skip(1).mapToLong(row -> Long.parseLong(row.split(",", -1)[column])).sum();
    }

    @Test
    void weightNumbersShrinkTheWeightFootprint() throws IOException {
        Path float32 = dir.resolve("float32");
        Path fixed8 = dir.resolve("fixed8");
        assertEquals(0, train(float32).status());
        assertEquals(0, train(fixed8, "--weight-numbers", "fixed8").status());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode before = mapper.readTree(float32.resolve("result.json").toFile()).get("footprint").get("total");
        JsonNode after = mapper.readTree(fixed8.resolve("result.json").toFile()).get("footprint").get("total");
        assertEquals(before.get("weightsBytes").asLong(), 4 * after.get("weightsBytes").asLong());
        assertEquals(before.get("feedbackBytes"), after.get("feedbackBytes"));
        double memoryBefore = mapper.readTree(float32.resolve("history.json").toFile()).get("costPerExample")
                .get("energyByKind").get("localMemoryPj").asDouble();
        double memoryAfter = mapper.readTree(fixed8.resolve("history.json").toFile()).get("costPerExample")
                .get("energyByKind").get("localMemoryPj").asDouble();
        assertTrue(memoryAfter < 0.5 * memoryBefore, memoryAfter + " against " + memoryBefore);
    }

    @Test
    void aReportPricesAFixedPointRunAsTrainingDid() throws IOException {
        Path out = dir.resolve("fixed");
        assertEquals(0, train(out, "--numbers", "fixed16", "--weight-numbers", "fixed8").status());
        Path report = dir.resolve("report");
        CommandLineRunner run = CommandLineRunner.run("report", out.toString(), "--out", report.toString());
        assertEquals(0, run.status(), run.err());
        ObjectMapper mapper = new ObjectMapper();
        double trained = mapper.readTree(out.resolve("history.json").toFile()).get("costPerExample")
                .get("energyPj").asDouble();
        double reported = mapper.readTree(report.resolve("summary.json").toFile()).get("runs").get(0)
                .get("columns").get("energyPj").asDouble();
        assertEquals(trained, reported, 0.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--weight-numbers; fixed12; bits must be 8 or 16",
        "--error-numbers; fixed8:frac=8; frac must be in 0..7 for fixed8",
        "--numbers; fixed16:rounding=up; rounding must be nearest or stochastic"})
    void aBadNumberFormatIsOneLineNamingTheOptionAndWritesNothing(String option, String value, String why) {
        Path out = dir.resolve("never");
        CommandLineRunner run = train(out, option, value);
        assertEquals(2, run.status());
        assertEquals("train: " + option + " '" + value + "': " + why + " (valid: float32, or "
                + "fixedB[:frac=F][,rounding=R] with B 8 or 16, F in 0..B-1 (default B-3), R nearest (default) or "
                + "stochastic)", run.err().strip());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(TrainingCheckpoint.fileFor(out).getParent()));
    }

    @Test
    void fixedPointNumbersOnTheProcessorAreRefused() {
        Path out = dir.resolve("never");
        CommandLineRunner run = train(out, "--chip", "processor", "--numbers", "fixed16");
        assertEquals(2, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("processor"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void divergenceStopsTheRunAndLeavesNoResult() {
        Path out = dir.resolve("diverged");
        CommandLineRunner run = train(out, "--lr", "1e30");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("training diverged under rule dfa in epoch 1"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anIdxFileWithTheWrongMagicNumberIsNamed() throws IOException {
        Path data = dir.resolve("mnist");
        Files.createDirectories(data);
        Files.write(data.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        Files.write(data.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        CommandLineRunner run = train(dir.resolve("x"), "--data", data.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("train-images-idx3-ubyte"), run.err());
    }

    @Test
    void aMissingDataPathSaysWhatIsValid() {
        CommandLineRunner run = train(dir.resolve("x"), "--data", dir.resolve("nowhere").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("no such directory or file (valid: a directory of MNIST IDX files"), run.err());
    }

    @Test
    void csvRowsOfTheWrongWidthForTheWorkloadAreNamed() throws IOException {
        Path csv = dir.resolve("train.csv");
        Files.writeString(csv, "1,0.5,0.25,0.125\n");
        CommandLineRunner run = train(dir.resolve("x"), "--data", csv.toString(), "--test-data", csv.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("train.csv") && run.err().contains("784"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    /** Everything of history.csv but the wall time, which a resumed run measures anew. */
    private static List<String> withoutWallTime(Path history) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(history)) {
            List<String> cells = new ArrayList<>(List.of(line.split(",")));
            cells.remove(6);
            rows.add(String.join(",", cells));
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"float32", "fixed16:frac=12,rounding=stochastic"})
    void aKilledRunResumedFromItsCheckpointEndsWithTheSameNumbers(String numbers) throws Exception {
        List<String> options = List.of("train", "--train-examples", "1500", "--test-examples", "200", "--epochs", "2",
                "--optimizer", "adam", "--array", "8x8", "--checkpoint-every", "100", "--numbers", numbers);
        Path whole = dir.resolve("whole");
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("--out", whole.toString()));
        assertEquals(0, CommandLineRunner.run(args.toArray(String[]::new)).status());

        Path killed = dir.resolve("killed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(options);
        command.addAll(List.of("--out", killed.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path checkpoint = TrainingCheckpoint.fileFor(killed);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(checkpoint) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(100);
        process.destroyForcibly().waitFor();
        assertTrue(Files.exists(checkpoint), "the run left a checkpoint when killed");
        assertFalse(Files.exists(killed.resolve("history.csv")), "a killed run leaves no result");

        args = new ArrayList<>(options);
        args.addAll(List.of("--resume", "--out", killed.toString()));
        CommandLineRunner resumed = CommandLineRunner.run(args.toArray(String[]::new));
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("resuming in epoch"), resumed.out());
        assertEquals(withoutWallTime(whole.resolve("history.csv")), withoutWallTime(killed.resolve("history.csv")));
        assertFalse(Files.exists(checkpoint.getParent()), "the checkpoint is removed when training ends");
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsRefused() throws IOException {
        Path out = dir.resolve("run");
        Path checkpoint = TrainingCheckpoint.fileFor(out);
        Files.createDirectories(checkpoint.getParent());
        Files.write(checkpoint, new byte[] {1, 2, 3});
        CommandLineRunner run = train(out, "--resume");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("checkpoint.bin") && run.err().contains("checkpoint"), run.err());
    }

    private Path normalisedNetwork() throws IOException {
        return Files.writeString(dir.resolve("bn.yaml"),
                "input: 784\nlayers: [32, 10]\noverrides:\n  1: {normalise: batch}\n");
    }

    @Test
    void aBatchNormalisedNetworkTrainsAndSaysTheChipDoesNotCostIt() throws IOException {
        Path out = dir.resolve("bn");
        CommandLineRunner run = train(out, "--workload", normalisedNetwork().toString(), "--rule", "dfa", "--batch",
                "16", "--optimizer", "adam", "--lr", "0.003");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("not costed, as layer 1 has batch normalisation"), run.out());
        assertTrue(run.out().contains("wrote " + out + "/history.csv, history.json\n"), run.out());
        assertEquals("epoch,learningRate,trainLoss,trainAccuracy,testLoss,testAccuracy,wallSeconds",
                Files.readAllLines(out.resolve("history.csv")).get(0));
        JsonNode history = new ObjectMapper().readTree(out.resolve("history.json").toFile());
        assertTrue(history.get("costPerExample").isNull());
        assertTrue(history.get("epochs").get(1).get("testAccuracy").asDouble() > 0.5, "chance: 0.1 " + history);
        assertFalse(Files.exists(out.resolve("result.json")));
    }

    @Test
    void aBatchNormalisedNetworkWithBatchOneIsOneLineAndWritesNothing() throws IOException {
        Path out = dir.resolve("never");
        CommandLineRunner run = train(out, "--workload", normalisedNetwork().toString());
        assertEquals(2, run.status());
        assertEquals("train: --batch 1: layer 1 of bn has batch normalisation, which needs a minibatch's statistics;"
                + " use --batch 2 or more", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void theChipRefusesToCostABatchNormalisedNetworkInOneLine() throws IOException {
        Path out = dir.resolve("never");
        CommandLineRunner run = CommandLineRunner.run("run", "--workload", normalisedNetwork().toString(), "--out",
                out.toString());
        assertEquals(2, run.status());
        assertTrue(run.err().strip().startsWith("run: batch normalisation (normalise: batch) has no cost model on the"
                + " chip"), run.err());
        assertFalse(run.err().strip().contains("\n"));
        assertFalse(Files.exists(out));
    }
}
