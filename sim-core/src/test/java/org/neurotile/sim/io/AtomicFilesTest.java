package org.neurotile.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
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
}
