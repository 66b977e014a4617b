package org.neurotile.app.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * What one point gave: its status, why it is not ok, and its measures in the order the run
 * reports them.
 *
 * @param reason      why the point is infeasible or failed; empty when ok
 * @param wallTimeMs  how long it ran (the one figure that differs between runs of a sweep)
 */
public record PointRow(int index, Status status, String reason, long wallTimeMs, List<Measure> measures)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public PointRow {
        measures = List.copyOf(measures);
    }

    /** The outcome of a point. */
    public enum Status {
        OK("ok"), INFEASIBLE("infeasible"), FAILED("failed");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** One figure of a point: a count (a long) or a derived value (a double). */
    public record Measure(String name, Number value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public static PointRow ok(int index, List<Measure> measures) {
        return new PointRow(index, Status.OK, "", 0, measures);
    }

    /** A point that cannot exist, e.g. a network that does not fit the chip. */
    public static PointRow infeasible(int index, String reason) {
        return new PointRow(index, Status.INFEASIBLE, reason, 0, List.of());
    }

    public static PointRow failed(int index, String reason) {
        return new PointRow(index, Status.FAILED, reason, 0, List.of());
    }

    PointRow withWallTime(long ms) {
        return new PointRow(index, status, reason, ms, measures);
    }

    /** The row with only the measures named (all when {@code names} is empty). */
    PointRow keeping(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        return new PointRow(index, status, reason, wallTimeMs,
                measures.stream().filter(m -> names.contains(m.name())).toList());
    }
}
