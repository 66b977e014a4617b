package org.neurotile.sim.config;

import org.neurotile.sim.InvalidInputException;

/**
 * A whole-number parameter, declared once in the module that owns it: its config-file key, its
 * command-line option, its valid range and its default. The command line, config files and sweep
 * files all read it through this declaration, so they accept exactly the same values.
 *
 * @param key the key in config files (as a run's config.json or chip.json writes it)
 * @param option the command-line option, or empty where there is none
 * @param meaning what the number counts, with its unit, for help texts
 */
public record WholeParameter(String key, String option, long min, long max, long defaultValue, String meaning) {

    public WholeParameter {
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(key + ": default " + defaultValue + " outside " + min + ".." + max);
        }
    }

    /** The default where the value is an int. */
    public int defaultInt() {
        return Math.toIntExact(defaultValue);
    }

    /** What is valid, in the words of the config-file errors: "an integer in [1, 64]". */
    public String valid() {
        return "an integer" + ConfigSection.bounds(min, max);
    }

    /** For help texts: "1..1048576, default 16". */
    public String help() {
        return (max == Long.MAX_VALUE ? "at least " + min : min + ".." + max) + ", default " + defaultValue;
    }

    /** A value given on the command line; a value outside the range is an error naming the option. */
    public long check(long value) {
        if (value < min || value > max) {
            throw new InvalidInputException((option.isEmpty() ? key : option) + " must be " + valid() + " ("
                    + meaning + "), got " + value);
        }
        return value;
    }

    public int checkInt(long value) {
        return Math.toIntExact(check(value));
    }

    /** The key's value in {@code section}, {@code base} where it is absent; errors name file, line and key. */
    public long read(ConfigSection section, long base) {
        return section.getLong(key, base, min, max);
    }

    public int readInt(ConfigSection section, int base) {
        return Math.toIntExact(read(section, base));
    }
}
