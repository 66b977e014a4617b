package org.neurotile.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A tree of a user's files, to check byte for byte that a command left it alone. */
public record UserFiles(Path root, Map<String, String> contents) {

    /** Writes a small tree (a thesis, a source file, notes) under {@code root}. */
    public static UserFiles create(Path root) throws IOException {
        Files.createDirectories(root.resolve("thesis"));
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("thesis/main.tex"), "\\chapter{One}\n");
        Files.writeString(root.resolve("src/main.c"), "int main(void) { return 0; }\n");
        Files.writeString(root.resolve("notes.txt"), "do not lose\n");
        return new UserFiles(root, snapshot(root));
    }

    /** Fails unless every file is still there with the same bytes, and nothing was added. */
    public void assertIntact() throws IOException {
        assertEquals(contents, snapshot(root), "the user's files under " + root);
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String name = root.relativize(path).toString();
                files.put(name, Files.isRegularFile(path) ? Files.readString(path) : "<directory>");
            }
        }
        return files;
    }
}
