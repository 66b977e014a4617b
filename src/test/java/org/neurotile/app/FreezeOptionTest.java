package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --freeze: the transfer setting from the command line, recorded in the configuration. */
class FreezeOptionTest {
    @TempDir
    Path dir;

    @Test
    void aFrozenLayerIsRecordedAndNotUpdated() throws IOException {
        CommandLineRunner run = CommandLineRunner.run("run", "--workload", "mnist-fc", "--freeze", "1", "--array",
                "8x8", "--out", dir.resolve("r").toString());
        assertEquals(0, run.status(), run.err());
        JsonNode result = new ObjectMapper().readTree(dir.resolve("r").resolve("result.json").toFile());
        assertEquals("[1]", result.path("config").path("frozen").toString());
        assertEquals(0, result.path("byLayer").path("1").path("weightWrites").asLong());
        assertEquals(4010, result.path("totals").path("weightWrites").asLong()); // layer 2: 10 x 400 + 10 biases
    }

    @Test
    void anInvalidFreezeIsOneLineAndWritesNothing() {
        CommandLineRunner run = CommandLineRunner.run("train", "--workload", "mnist-fc", "--freeze", "1-9",
                "--out", dir.resolve("t").toString());
        assertEquals(2, run.status());
        assertEquals("train: --freeze '1-9' is not valid: expected conv, or layer numbers and ranges such as 1-3,5"
                + " (layers 1..2)", run.err().strip());
        assertFalse(Files.exists(dir.resolve("t")));
    }
}
