package org.neurotile.app.sweep;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs points through a {@link PointFunction} and hands each finished row to {@code sink}, always on
 * the calling thread (the single writer of the database), in whatever order they finish.
 */
public interface SweepEngine {
    /** A name for messages: local, spark. */
    String describe();

    void run(List<ResolvedPoint> points, PointFunction function, Consumer<PointRow> sink) throws InterruptedException;
}
