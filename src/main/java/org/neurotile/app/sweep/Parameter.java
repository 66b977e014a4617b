package org.neurotile.app.sweep;

import java.util.List;
import org.neurotile.sim.config.ConfigValue;

/**
 * A parameter a sweep varies: a key of the point configuration and the values it takes, as
 * written under {@code vary:}.
 *
 * @param name the configuration key
 * @param line where the key is in the sweep file
 * @param values its levels, or a continuous interval that only a sampled design can draw from
 */
public record Parameter(String name, int line, Values values) {

    /** What a parameter ranges over. */
    public sealed interface Values permits Levels, Interval {
    }

    /** A list, or a range with steps: each value with the line it came from. */
    public record Levels(List<ConfigValue.Scalar> values) implements Values {
        public Levels {
            values = List.copyOf(values);
        }
    }

    /**
     * {@code {from, to}} without a step: a sampled design draws any value in it, rounded to a whole
     * number when both ends are whole.
     */
    public record Interval(double from, double to, boolean whole, int line) implements Values {
    }
}
