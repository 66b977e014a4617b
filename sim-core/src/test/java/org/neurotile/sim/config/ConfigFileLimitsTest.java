package org.neurotile.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurotile.sim.config.ConfigFileTest.errorOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileLimitsTest {

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        final Path file = dir.resolve("chip.yaml");
        Files.writeString(file, "array: \"" + "x".repeat(ConfigFile.MAX_FILE_BYTES) + "\"\n");
        assertEquals(file + ": larger than 1 MiB, the limit of a configuration file; a configuration is a few kilobytes",
                errorOf(() -> ConfigFile.load(file)));
    }

    @Test
    void fileAtTheSizeLimitIsRead(@TempDir Path dir) throws IOException {
        final Path file = dir.resolve("chip.yaml");
        final String line = "# " + "c".repeat(98) + "\n";
        final String body = "a: 1\n" + line.repeat((ConfigFile.MAX_FILE_BYTES - 5) / line.length());
        Files.writeString(file, body + "#".repeat(ConfigFile.MAX_FILE_BYTES - body.length()));
        assertEquals(ConfigFile.MAX_FILE_BYTES, Files.size(file));
        assertEquals(1, ConfigFile.load(file).getLong("a", 0, 0, 9));
    }

    @Test
    void textOverTheSizeLimitIsRefused() {
        final String text = "a: 1\n" + "#".repeat(ConfigFile.MAX_FILE_BYTES);
        assertTrue(errorOf(() -> ConfigFile.parse(text, "preset x")).startsWith("preset x: larger than 1 MiB"));
    }

    @Test
    void valueOverTheTokenLimitIsRefusedWithItsLine() {
        final String text = "a: 1\nname: \"" + "x".repeat(ConfigFile.MAX_TOKEN_CHARS + 1) + "\"\n";
        assertEquals("chip.yaml:2: a key or value of 4097 characters, over the limit of 4096 in a configuration file",
                errorOf(() -> ConfigFile.parse(text, "chip.yaml")));
    }

    @Test
    void valueAtTheTokenLimitIsRead() {
        final String value = "x".repeat(ConfigFile.MAX_TOKEN_CHARS);
        assertEquals(value, ConfigFile.parse("name: " + value + "\n", "chip.yaml").getString("name", ""));
    }

    @Test
    void jsonKeyOverTheTokenLimitIsRefused() {
        final String text = "{\"" + "k".repeat(ConfigFile.MAX_TOKEN_CHARS + 1) + "\": 1}\n";
        assertTrue(errorOf(() -> ConfigFile.parse(text, "chip.yaml")).startsWith("chip.yaml:1: a key or value of"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        final int depth = ConfigFile.MAX_NESTING_DEPTH + 1;
        final String text = "a: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        assertTrue(errorOf(() -> ConfigFile.parse(text, "net.yaml"))
                .startsWith("net.yaml"), "names the file");
        assertTrue(errorOf(() -> ConfigFile.parse(text, "net.yaml")).contains("nested more than 64 levels"));
    }
}
