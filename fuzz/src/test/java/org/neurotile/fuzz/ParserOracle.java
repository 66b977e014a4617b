package org.neurotile.fuzz;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.neurotile.sim.InvalidInputException;

/**
 * What every fuzz target asserts of a parser: it returns a value, or refuses the input with an
 * {@link InvalidInputException} whose message is one line naming the input. Any other throwable
 * (a NullPointerException, a NumberFormatException, an OutOfMemoryError, a StackOverflowError), a
 * message of several lines or one that does not name the input, and a parse that takes longer than
 * {@link #LIMIT} are findings: the check fails with the input, escaped, in its message.
 */
public final class ParserOracle {
    /** Generous for inputs of at most a few megabytes: a parse that needs longer hangs or is super-linear. */
    public static final Duration LIMIT = Duration.ofSeconds(10);
    /** Longer than any message that names a key and lists the valid ones; a longer one echoes the input. */
    public static final int MAX_MESSAGE_CHARS = 1000;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(null, runnable, "parser-under-fuzz", 64L << 20);
        thread.setDaemon(true);
        return thread;
    });

    public ParserOracle() {
    }

    /**
     * Runs {@code parse} on {@code input}; the value if it parsed, empty if refused as it should be.
     *
     * @param input the input as text, for the failure message
     * @param name what the refusal must mention: the file name, the option or the spec
     */
    public <T> Optional<T> check(String input, String name, Callable<T> parse) {
        Future<T> future = worker.submit(parse);
        try {
            return Optional.ofNullable(future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            throw finding("no answer within " + LIMIT.toSeconds() + " s", input, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            return refused(e.getCause(), input, name);
        }
    }

    private <T> Optional<T> refused(Throwable thrown, String input, String name) {
        if (!(thrown instanceof InvalidInputException)) {
            throw finding("threw " + thrown, input, thrown);
        }
        String message = String.valueOf(thrown.getMessage());
        if (message.contains("\n") || message.contains("\r")) {
            throw finding("refused with a message of several lines: " + Escape.text(message), input, thrown);
        }
        if (message.length() > MAX_MESSAGE_CHARS) {
            throw finding("refused with a message of " + message.length() + " characters", input, thrown);
        }
        if (message.isBlank() || !message.contains(name)) {
            throw finding("refused without naming '" + Escape.text(name) + "': " + message, input, thrown);
        }
        return Optional.empty();
    }

    /**
     * For a target that calls several readers in one parse: fails (a finding) if {@code refusal}
     * is not one line naming {@code name}.
     */
    public static void requireOneLine(InvalidInputException refusal, String name) {
        String message = String.valueOf(refusal.getMessage());
        if (message.contains("\n") || message.contains("\r") || message.length() > MAX_MESSAGE_CHARS
                || !message.contains(name)) {
            throw new AssertionError("refused with a message of several lines, too long or not naming '" + name + "': "
                    + Escape.text(message), refusal);
        }
    }

    private static AssertionError finding(String what, String input, Throwable cause) {
        return new AssertionError("finding: " + what + "\n  input: " + Escape.text(input), cause);
    }
}
