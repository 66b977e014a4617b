package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void aFileSystemFailureNamesTheFileAndTheReason() {
        assertEquals(Optional.of("out/trace.json: No space left on device"),
                Failures.describe(new FileSystemException("out/trace.json", null, "No space left on device")));
    }

    @Test
    void aFailureWithoutReasonSaysWhatKindItIs() {
        assertEquals(Optional.of("out: permission denied"), Failures.describe(new AccessDeniedException("out")));
    }

    @Test
    void anUncheckedIoFailureIsDescribedByItsCause() {
        assertEquals(Optional.of("input/output failure: broken pipe"),
                Failures.describe(new UncheckedIOException(new IOException("broken pipe\nmore"))));
    }

    @Test
    void runningOutOfMemoryInAWorkerAdvisesALargerHeap() {
        String line = Failures.describe(new IllegalStateException(new OutOfMemoryError("Java heap space"))).orElseThrow();
        assertTrue(line.startsWith("out of memory (Java heap space)") && line.contains("NEUROTILE_JAVA_OPTS=-Xmx"),
                line);
        assertTrue(!line.contains("Error"), "the launcher's harness reads 'Error:' as a stack trace: " + line);
    }

    @Test
    void aBugIsNotDescribedAsTheUsersFailure() {
        assertEquals(Optional.empty(), Failures.describe(new IllegalStateException("a bug")));
    }
}
