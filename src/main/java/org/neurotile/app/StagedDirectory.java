package org.neurotile.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neurotile.sim.InvalidInputException;

/**
 * An output directory written whole or not at all: everything goes to a temporary sibling, which
 * replaces the target only when complete. A failed command leaves the target as it was.
 */
final class StagedDirectory {
    /** Writes the files of a directory. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path directory) throws IOException;
    }

    private StagedDirectory() {
    }

    static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + "-");
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException("--out " + target + ": cannot write there (" + e.getMessage() + ")");
        }
        try {
            content.writeTo(staging);
            if (Files.exists(absolute)) {
                if (!Files.isDirectory(absolute)) {
                    throw new InvalidInputException("--out " + target + ": exists and is not a directory");
                }
                deleteTree(absolute);
            }
            Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(staging);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
