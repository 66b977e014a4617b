package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainOptimizerOptionsTest {
    @TempDir
    Path dir;

    @Test
    void adamEpsilonIsRecordedAndChangesTheSteps() throws IOException {
        Path standard = dir.resolve("standard");
        Path large = dir.resolve("large");
        assertEquals(0, SmallTraining.train(standard, "--optimizer", "adam").status());
        CommandLineRunner run = SmallTraining.train(large, "--optimizer", "adam", "--adam-epsilon", "1");
        assertEquals(0, run.status(), run.err());
        assertEquals(1e-8, SmallTraining.history(standard).get("config").get("epsilon").asDouble());
        assertEquals(1.0, SmallTraining.history(large).get("config").get("epsilon").asDouble());
        assertNotEquals(SmallTraining.history(standard).get("epochs").get(0).get("trainLoss"),
                SmallTraining.history(large).get("epochs").get(0).get("trainLoss"));
    }

    @Test
    void adamEpsilonIsNotRecordedWithoutAdam() throws IOException {
        Path out = dir.resolve("sgd");
        assertEquals(0, SmallTraining.train(out).status());
        assertFalse(SmallTraining.history(out).get("config").has("epsilon"));
    }

    @Test
    void anAdamEpsilonWithAnotherOptimizerIsRefusedRatherThanIgnored() {
        Path out = dir.resolve("never");
        CommandLineRunner run = SmallTraining.train(out, "--optimizer", "momentum", "--adam-epsilon", "1");
        assertEquals(2, run.status());
        assertEquals("train: --adam-epsilon is Adam's: give it with --optimizer adam, not momentum", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "Infinity", "NaN"})
    void anAdamEpsilonThatIsNotPositiveAndFiniteIsOneLineAndWritesNothing(String eps) {
        Path out = dir.resolve("never");
        CommandLineRunner run = SmallTraining.train(out, "--optimizer", "adam", "--adam-epsilon", eps);
        assertEquals(2, run.status());
        assertEquals("train: --adam-epsilon must be a positive number, got " + Double.parseDouble(eps),
                run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void clippingAddsTheClippedCountToTheHistoryAndSaysWhenItActs() throws IOException {
        Path out = dir.resolve("clipped");
        CommandLineRunner run = SmallTraining.train(out, "--clip-norm", "0.01");
        assertEquals(0, run.status(), run.err());
        List<String> csv = Files.readAllLines(out.resolve("history.csv"));
        assertTrue(csv.get(0).endsWith(",clippedExamples"), csv.get(0));
        assertTrue(csv.get(1).endsWith(",200"), csv.get(1));
        JsonNode history = SmallTraining.history(out);
        assertEquals(200, history.get("epochs").get(0).get("clippedExamples").asLong());
        assertEquals(0.01, history.get("config").get("clipNorm").asDouble());
        assertTrue(run.out().contains("    1 --clip-norm clipped the gradient of 200 examples"), run.out());
    }

    @Test
    void withoutClippingTheHistoryHasNoClippedCount() throws IOException {
        Path out = dir.resolve("plain");
        CommandLineRunner run = SmallTraining.train(out);
        assertEquals(0, run.status(), run.err());
        assertFalse(Files.readString(out.resolve("history.csv")).contains("clipped"));
        assertFalse(Files.readString(out.resolve("history.json")).contains("clip"));
        assertFalse(run.out().contains("clip"), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "Infinity", "NaN"})
    void aClipNormThatIsNotPositiveAndFiniteIsOneLineAndWritesNothing(String norm) {
        Path out = dir.resolve("never");
        CommandLineRunner run = SmallTraining.train(out, "--clip-norm", norm);
        assertEquals(2, run.status());
        assertEquals("train: --clip-norm must be a positive number, got " + Double.parseDouble(norm),
                run.err().strip());
        assertFalse(Files.exists(out));
    }
}
