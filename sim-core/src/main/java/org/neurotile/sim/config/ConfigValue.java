package org.neurotile.sim.config;

import java.util.List;

/** A parsed configuration value that remembers the line it came from. */
public sealed interface ConfigValue permits ConfigValue.Scalar, ConfigValue.Sequence, ConfigSection {

    int line();

    /** How the value reads in an error message, e.g. {@code 'fast'} or {@code a list}. */
    String describe();

    /**
     * A scalar. {@code value} is a {@link java.math.BigInteger} for integers, a {@link Double} for
     * floats, a {@link Boolean}, a {@link String}, or null for YAML null; {@code text} is the
     * source text.
     */
    record Scalar(Object value, String text, int line) implements ConfigValue {
        @Override
        public String describe() {
            return value == null ? "no value" : "'" + ConfigSection.shown(text) + "'";
        }
    }

    record Sequence(List<ConfigValue> items, int line) implements ConfigValue {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
