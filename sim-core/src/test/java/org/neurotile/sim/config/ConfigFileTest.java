package org.neurotile.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.sim.InvalidInputException;

class ConfigFileTest {

    /** Asserts the error is a single line and returns it. */
    static String errorOf(Executable executable) {
        final String message = assertThrows(InvalidInputException.class, executable).getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        return message;
    }

    @Test
    void everyKeyKeepsItsLineNumber() {
        final ConfigSection root = ConfigFile.parse("""
                # comment
                name: mesh

                noc:
                  width: 4
                  router:
                    delayCycles: 2
                """, "noc.yaml");
        assertEquals(2, root.lineOf("name"));
        assertEquals(4, root.lineOf("noc"));
        assertEquals(5, root.getSection("noc").lineOf("width"));
        assertEquals(7, root.getSection("noc").getSection("router").lineOf("delayCycles"));
    }

    @Test
    void jsonIsAccepted() {
        final ConfigSection root = ConfigFile.parse("{\"width\": 4,\n \"names\": [\"a\"]}", "noc.json");
        assertEquals(4, root.getLong("width", 0, 1, 10));
        assertEquals(2, root.lineOf("names"));
    }

    @Test
    void loadReadsFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        final Path file = dir.resolve("noc.yaml");
        Files.writeString(file, "width: 0\n");
        final ConfigSection root = ConfigFile.load(file);
        assertEquals(file + ":1: key 'width' must be an integer in [1, 64], got '0'",
                errorOf(() -> root.getLong("width", 8, 1, 64)));
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        final Path file = dir.resolve("absent.yaml");
        assertEquals(file + ": file not found", errorOf(() -> ConfigFile.load(file)));
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        assertEquals("bad.yaml:3: not valid YAML or JSON: expected ',' or ']', but got : "
                        + "(while parsing a flow sequence at line 2)",
                errorOf(() -> ConfigFile.parse("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml")));
    }

    @Test
    void directoryIsRejected(@TempDir Path dir) {
        assertEquals(dir + ": is a directory; expected a YAML or JSON configuration file",
                errorOf(() -> ConfigFile.load(dir)));
    }

    @Test
    void nonUtf8FileIsRejected(@TempDir Path dir) throws IOException {
        final Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});
        assertEquals(file + ": not UTF-8 text", errorOf(() -> ConfigFile.load(file)));
    }

    @Test
    void topLevelListIsRejected() {
        assertEquals("list.yaml:1: top level must be a mapping of keys to values, got a list",
                errorOf(() -> ConfigFile.parse("- a\n- b\n", "list.yaml")));
    }

    @Test
    void topLevelScalarIsRejected() {
        assertTrue(errorOf(() -> ConfigFile.parse("just some text", "t.yaml")).startsWith("t.yaml:1: top level"));
    }

    @Test
    void emptyFileIsRejected() {
        assertEquals("e.yaml: file is empty; expected a mapping of keys to values",
                errorOf(() -> ConfigFile.parse("# nothing\n", "e.yaml")));
    }

    @Test
    void duplicateKeyIsRejectedWithBothLines() {
        assertEquals("d.yaml:3: duplicate key 'noc.width' (first set at line 2)",
                errorOf(() -> ConfigFile.parse("noc:\n  width: 1\n  width: 2\n", "d.yaml")));
    }

    @Test
    void aliasIsRejected() {
        final String message = errorOf(() -> ConfigFile.parse("a: &x 1\nb: *x\n", "alias.yaml"));
        assertTrue(message.startsWith("alias.yaml:2: key 'b' uses a YAML alias"), message);
    }

    @Test
    void secondDocumentIsRejected() {
        assertTrue(errorOf(() -> ConfigFile.parse("a: 1\n---\nb: 2\n", "m.yaml")).contains("more than one YAML document"));
    }

    @Test
    void keysKeepFileOrder() {
        assertEquals(List.of("z", "a", "m"), List.copyOf(ConfigFile.parse("z: 1\na: 2\nm: 3\n", "o.yaml").keys()));
    }

    // Found by ConfigFileFuzzTest: a value with a line break made a message of two lines.
    @Test
    void aValueWithALineBreakIsQuotedOnOneLine() {
        final ConfigSection root = ConfigFile.parse("array: \"a\\nb\"", "chip.yaml");
        assertEquals("chip.yaml:1: key 'array' must be an integer in [0, 10], got 'a\\nb'",
                errorOf(() -> root.getLong("array", 0, 0, 10)));
    }

    // Found by ConfigFileFuzzTest: a 100,000-character value or key was quoted whole. Files now
    // refuse tokens over 4,096 characters; one just within the limit is still quoted cut short.
    @Test
    void aLongValueOrKeyIsQuotedCutShort() {
        final String longText = "x".repeat(4_000);
        final ConfigSection root = ConfigFile.parse("array: " + longText + "\n? " + longText + "\n: 1", "chip.yaml");
        assertEquals("chip.yaml:1: key 'array' must be an integer in [0, 10], got '" + "x".repeat(60)
                + "... (4000 characters)'",
                errorOf(() -> root.getLong("array", 0, 0, 10)));
        assertTrue(errorOf(() -> root.requireOnlyKeys(java.util.List.of("array"))).length() < 200);
    }
}
