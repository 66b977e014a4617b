package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.sim.InvalidInputException;

class ChipConfigFileTest {
    @TempDir
    Path dir;

    private String errorOf(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("chip.yaml"), text);
        return assertThrows(InvalidInputException.class, () -> ChipConfigFile.read(file, ChipSpec.DEFAULTS))
                .getMessage();
    }

    // Found by ChipFileFuzzTest: the refusal of an array did not name the file or the key.
    @Test
    void anArrayThatIsNotWxHNamesTheFileLineAndKey() throws IOException {
        assertEquals(dir.resolve("chip.yaml") + ":2: key 'array' has an invalid array '0': expected WxH with W, H >= 1"
                + " and at most 1048576 tiles, e.g. 32x32", errorOf("macsPerCycle: 8\narray: 0\n"));
    }

    @Test
    void anUnknownTopologyIsRefusedWhenTheFileIsReadNamingTheKey() throws IOException {
        String message = errorOf("topology: hypercube:6\n");
        assertTrue(message.startsWith(dir.resolve("chip.yaml") + ":1: key 'topology' has an invalid topology"
                + " 'hypercube:6': unknown topology kind 'hypercube'"), message);
    }

    @Test
    void aTopologyTooSmallForTheArrayIsRefusedWhenTheFileIsRead() throws IOException {
        assertTrue(errorOf("array: 8x8\ntopology: hypercube\n").contains(":2: key 'topology'"));
    }
}
