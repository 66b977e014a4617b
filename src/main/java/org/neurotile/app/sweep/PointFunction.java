package org.neurotile.app.sweep;

import java.io.Serializable;

/**
 * The work of one point: a pure function from its resolved configuration to its row (a point that
 * cannot exist is a row marked infeasible, not an exception). Every engine runs the same function,
 * so a sweep gives the same rows on one thread, on many, or on other machines.
 */
@FunctionalInterface
public interface PointFunction extends Serializable {
    PointRow evaluate(ResolvedPoint point);

    /** The point's row with the wall time it took: what every engine hands to the writer. */
    default PointRow evaluateTimed(ResolvedPoint point) {
        long start = System.nanoTime();
        PointRow row = evaluate(point);
        return row.withWallTime((System.nanoTime() - start) / 1_000_000);
    }
}
