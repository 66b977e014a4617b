package org.neurotile.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.sim.InvalidInputException;

/**
 * The one line a failure prints: bad input says what is valid; a failed read or write names the
 * file and the cause (e.g. "No space left on device"); running out of memory or stack says how to
 * give the JVM more.
 */
final class Failures {
    /** Where the launcher takes JVM options from; see the {@code neurotile} script. */
    static final String JAVA_OPTIONS = "NEUROTILE_JAVA_OPTS";

    private Failures() {
    }

    /** The line for an exception that is the user's input or environment, empty for a bug. */
    static Optional<String> describe(Throwable exception) {
        if (exception instanceof InvalidInputException) {
            return Optional.of(exception.getMessage());
        }
        if (exception instanceof UncheckedIOException unchecked) {
            return Optional.of(io(unchecked.getCause()));
        }
        if (exception instanceof IOException io) {
            return Optional.of(io(io));
        }
        if (exception instanceof OutOfMemoryError) {
            return Optional.of("out of memory (" + firstLine(exception.getMessage()) + "): the run needs more than "
                    + "this Java heap of " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; give it more with "
                    + JAVA_OPTIONS + "=-Xmx<size> (e.g. -Xmx8g) or choose a smaller workload");
        }
        if (exception instanceof StackOverflowError) {
            return Optional.of("out of stack space (input nested too deeply?); if the input is meant to be so deep, "
                    + "give the JVM a larger stack with " + JAVA_OPTIONS + "=-Xss<size> (e.g. -Xss64m)");
        }
        // an error in a worker thread arrives wrapped (e.g. by a Future)
        for (Throwable cause = exception.getCause(); cause != null && cause != exception; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
                return describe(cause);
            }
        }
        return Optional.empty();
    }

    /** The file and the cause of a failed read or write, e.g. {@code out/trace.json: No space left on device}. */
    static String io(IOException exception) {
        if (exception instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null ? fs.getReason() : reason(fs);
            return StagedOutput.asFinal(fs.getFile())
                    + (fs.getOtherFile() != null ? " -> " + StagedOutput.asFinal(fs.getOtherFile()) : "") + ": " + reason;
        }
        return "input/output failure: " + firstLine(exception.getMessage() != null ? exception.getMessage()
                : exception.getClass().getSimpleName());
    }

    private static String reason(FileSystemException exception) {
        if (exception instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (exception instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (exception instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (exception instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (exception instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        return exception.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
