package org.neurotile.sim.config;

import org.neurotile.sim.InvalidInputException;

/**
 * A size in bytes, declared once like a {@link WholeParameter}: written as a plain number or with a
 * unit ({@code 512KiB}) on the command line and in config files alike.
 *
 * @param key the key in config files
 * @param option the command-line option, or empty where there is none
 * @param meaning what the size is, for help texts
 */
public record ByteSizeParameter(String key, String option, long min, long max, long defaultValue, String meaning) {

    public ByteSizeParameter {
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(key + ": default " + defaultValue + " outside " + min + ".." + max);
        }
    }

    /** What is valid, in the words of the config-file errors. */
    public String valid() {
        return "a byte size" + ConfigSection.bounds(min, max) + " bytes";
    }

    /** For help texts: "1 B..1 TiB, default 512 KiB". */
    public String help() {
        return ByteSize.format(min) + ".." + ByteSize.format(max) + ", default " + ByteSize.format(defaultValue);
    }

    /** A size given on the command line; an unreadable size or one outside the range names the option. */
    public long parse(String text) {
        String name = option.isEmpty() ? key : option;
        long bytes;
        try {
            bytes = ByteSize.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name + ": " + e.getMessage());
        }
        if (bytes < min || bytes > max) {
            throw new InvalidInputException(name + " must be " + valid() + " (" + meaning + "), got " + text.strip());
        }
        return bytes;
    }

    /** The key's size in {@code section}, {@code base} where it is absent; errors name file, line and key. */
    public long read(ConfigSection section, long base) {
        return section.getByteSize(key, base, min, max);
    }
}
