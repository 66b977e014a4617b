package org.neurotile.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void replacesExistingFile(@TempDir Path dir) throws IOException {
        final Path file = dir.resolve("a.txt");
        Files.writeString(file, "old");
        AtomicFiles.writeUtf8(file, out -> out.write("new"));
        assertEquals("new", Files.readString(file));
    }

    @Test
    void failedWriteKeepsOldContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        final Path file = dir.resolve("a.txt");
        Files.writeString(file, "old");
        assertThrows(IOException.class, () -> AtomicFiles.writeUtf8(file, out -> {
            out.write("partial");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedWriteNamesTheTargetAndTheCause(@TempDir Path dir) {
        final Path file = dir.resolve("a.txt");
        FileSystemException failure = assertThrows(FileSystemException.class, () -> AtomicFiles.writeUtf8(file,
                out -> {
                    throw new IOException("No space left on device");
                }));
        assertEquals(file.toAbsolutePath().toString(), failure.getFile());
        assertEquals("cannot write it (No space left on device)", failure.getReason());
    }

    @Test
    void aParentThatIsAFileIsNamedInTheFailure(@TempDir Path dir) throws IOException {
        final Path parent = dir.resolve("plain");
        Files.writeString(parent, "a file");
        FileSystemException failure = assertThrows(FileSystemException.class,
                () -> AtomicFiles.writeUtf8(parent.resolve("sub").resolve("a.txt"), out -> out.write("x")));
        assertTrue(failure.getMessage().contains("plain"), failure.getMessage());
    }
}
