package org.neurotile.fuzz;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A class of finding whose fix belongs to another part of the code base: the oracle lets it through
 * and counts it. {@code owner} says who fixes it; remove the entry once the fix is in.
 */
public final class KnownFinding {
    private final String id;
    private final String owner;
    private final Predicate<Throwable> matches;
    private final AtomicLong seen = new AtomicLong();

    public KnownFinding(String id, String owner, Predicate<Throwable> matches) {
        this.id = id;
        this.owner = owner;
        this.matches = matches;
    }

    boolean matches(Throwable thrown) {
        return matches.test(thrown);
    }

    void count() {
        seen.incrementAndGet();
    }

    public long seen() {
        return seen.get();
    }

    @Override
    public String toString() {
        return id + " (" + owner + ")";
    }

    /**
     * True if {@code thrown} is a {@code type} whose innermost frame in neurotile's code is in a class
     * whose name starts with {@code classPrefix} (a class, or a package with its dot).
     */
    public static boolean thrownIn(Throwable thrown, Class<? extends Throwable> type, String classPrefix) {
        if (!type.isInstance(thrown)) {
            return false;
        }
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith("org.neurotile.")) {
                return frame.getClassName().startsWith(classPrefix);
            }
        }
        return false;
    }
}
