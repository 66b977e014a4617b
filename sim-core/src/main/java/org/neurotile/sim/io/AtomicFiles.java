package org.neurotile.sim.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes output files so that readers never see a partial file: the content goes to a temporary
 * file in the same directory, which is then moved over the target.
 */
public final class AtomicFiles {

    /** Writes content to a {@link Writer}; the writer is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    /** Writes bytes to an {@link OutputStream}; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface BinaryContent {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes {@code target} as UTF-8 text, replacing it atomically where the file system allows. */
    public static void writeUtf8(Path target, Content content) throws IOException {
        write(target, out -> {
            try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                content.writeTo(writer);
            }
        });
    }

    /** Writes {@code target} as bytes (buffered), replacing it atomically where the file system allows. */
    public static void write(Path target, BinaryContent content) throws IOException {
        final Path absolute = target.toAbsolutePath();
        final Path directory = absolute.getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: its files are private (0600); these get the user's usual permissions.
        final Path temporary = directory.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
