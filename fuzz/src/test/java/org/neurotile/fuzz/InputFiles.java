package org.neurotile.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Puts a fuzz input in a file for the readers that take a path, and removes it afterwards. */
public final class InputFiles {
    private InputFiles() {
    }

    public static <T> T withText(String suffix, String text, Function<Path, T> body) {
        return withBytes(suffix, text.getBytes(StandardCharsets.UTF_8), body);
    }

    public static <T> T withBytes(String suffix, byte[] bytes, Function<Path, T> body) {
        Path file;
        try {
            file = Files.createTempFile("fuzz-", suffix);
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return body.apply(file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is no reason to fail a test
            }
        }
    }
}
