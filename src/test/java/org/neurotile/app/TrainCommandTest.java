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
    void anUnknownOptimizerIsOneLineAndWritesNothing() {
        Path out = dir.resolve("never");
        CommandLineRunner run = train(out, "--optimizer", "rmsprop");
        assertEquals(2, run.status());
        assertEquals("train: unknown optimizer 'rmsprop' (valid: sgd, momentum, adam)", run.err().strip());
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
}
