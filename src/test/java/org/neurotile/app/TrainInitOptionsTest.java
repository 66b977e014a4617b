package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainInitOptionsTest {
    @TempDir
    Path dir;

    private static JsonNode config(Path out) throws IOException {
        return SmallTraining.history(out).get("config");
    }

    @Test
    void theDefaultInitialisationIsRecorded() throws IOException {
        Path out = dir.resolve("default");
        assertEquals(0, SmallTraining.train(out).status());
        assertEquals("by-activation", config(out).get("init").asText());
        assertEquals("dfa", config(out).get("rule").asText());
    }

    @Test
    void anotherInitialisationIsRecordedAndChangesTheRun() throws IOException {
        Path standard = dir.resolve("standard");
        Path lecun = dir.resolve("lecun");
        assertEquals(0, SmallTraining.train(standard).status());
        CommandLineRunner run = SmallTraining.train(lecun, "--init", "lecun");
        assertEquals(0, run.status(), run.err());
        assertEquals("lecun", config(lecun).get("init").asText());
        assertNotEquals(Files.readString(standard.resolve("history.csv")).replaceAll(",[^,\\n]*\\n", "\n"),
                Files.readString(lecun.resolve("history.csv")).replaceAll(",[^,\\n]*\\n", "\n"));
    }

    @Test
    void feedbackInitIsTheRulesInitOption() throws IOException {
        Path option = dir.resolve("option");
        Path rule = dir.resolve("rule");
        assertEquals(0, SmallTraining.train(option, "--rule", "sdfa:k=2", "--feedback-init", "uniform").status());
        assertEquals(0, SmallTraining.train(rule, "--rule", "sdfa:k=2,init=uniform").status());
        assertEquals("sdfa:k=2,init=uniform", config(option).get("rule").asText());
        assertEquals(new ObjectMapper().readTree(option.resolve("history.json").toFile()).get("epochs").get(0)
                        .get("trainLoss"),
                new ObjectMapper().readTree(rule.resolve("history.json").toFile()).get("epochs").get(0).get("trainLoss"));
    }

    @Test
    void anUnknownInitialisationIsOneLineAndWritesNothing() {
        Path out = dir.resolve("never");
        CommandLineRunner run = SmallTraining.train(out, "--init", "kaiming");
        assertEquals(2, run.status());
        assertEquals("train: --init must be one of by-activation, uniform-fan-in, he, xavier, lecun, zeros, got "
                + "'kaiming'", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownFeedbackInitialisationNamesTheOptionAndTheRulesChoices() {
        Path out = dir.resolve("never");
        CommandLineRunner run = SmallTraining.train(out, "--rule", "ssdfa", "--feedback-init", "weights-product");
        assertEquals(2, run.status());
        assertEquals("train: --feedback-init weights-product: rule 'ssdfa:init=weights-product': init=weights-product "
                + "is not one of crafton, uniform", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void feedbackInitForARuleWithoutFixedFeedbackIsRefused() {
        Path out = dir.resolve("never");
        CommandLineRunner run = SmallTraining.train(out, "--rule", "bp", "--feedback-init", "crafton");
        assertEquals(2, run.status());
        assertEquals("train: --feedback-init crafton: rule 'bp:init=crafton': unknown option 'init' (valid: reads)",
                run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void feedbackInitAndTheRulesOwnInitTogetherAreRefused() {
        Path out = dir.resolve("never");
        CommandLineRunner run = SmallTraining.train(out, "--rule", "dfa:init=uniform", "--feedback-init", "crafton");
        assertEquals(2, run.status());
        assertEquals("train: --feedback-init and the rule's own init= both set init of rule 'dfa:init=uniform': "
                + "give it once", run.err().strip());
        assertFalse(Files.exists(out));
    }
}
