package org.neurotile.sim.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
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

    /**
     * Writes {@code target} as bytes (buffered), replacing it atomically where the file system allows.
     * A failure leaves no temporary file and is reported as a {@link FileSystemException} naming
     * {@code target} (or the directory that could not be written) and the cause, e.g. "No space
     * left on device".
     */
    public static void write(Path target, BinaryContent content) throws IOException {
        final Path absolute = target.toAbsolutePath();
        final Path directory = absolute.getParent();
        try {
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
        } catch (IOException e) {
            throw cannotWrite(absolute, e);
        }
    }

    /**
     * A failure to write {@code file}, naming it, with the cause (e.g. "No space left on device"), and
     * the other path involved when it is not the file or its temporary (a parent that is a file).
     */
    public static FileSystemException cannotWrite(Path file, IOException cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage().lines().findFirst().orElse("");
        if (cause instanceof FileSystemException fs) {
            message = fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
            final Path other = fs.getFile() == null ? null : Path.of(fs.getFile()).toAbsolutePath();
            if (other != null && !other.equals(file) && !file.getParent().equals(other.getParent())) {
                message += ": " + other;
            }
        }
        final FileSystemException failure = new FileSystemException(file.toString(), null,
                "cannot write it (" + message + ")");
        failure.initCause(cause);
        return failure;
    }
}
