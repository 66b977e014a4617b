package org.neurotile.sim.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;

/**
 * A mapping of keys to values in a configuration file, e.g. the whole file or its {@code noc:}
 * section. Getters check type and bounds and report errors as {@code file:line: key ...} naming
 * the key by its dotted path. An absent key yields the getter's default.
 */
public final class ConfigSection implements ConfigValue {
    record Entry(ConfigValue value, int keyLine) {}

    private final String file;
    private final String path;
    private final int line;
    private final Map<String, Entry> entries;

    ConfigSection(String file, String path, int line, Map<String, Entry> entries) {
        this.file = file;
        this.path = path;
        this.line = line;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    static String qualify(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A key or value as messages quote it: cut short, so a megabyte value makes a short message. */
    static String shown(String text) {
        return UserText.shown(text);
    }

    /** The file name as given to {@link ConfigFile}. */
    public String file() {
        return file;
    }

    /** The dotted path of this section; empty for the top level. */
    public String path() {
        return path;
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    /** The keys in file order. */
    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value under {@code key} as parsed, with its line; empty when absent. */
    public Optional<ConfigValue> value(String key) {
        final Entry entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /**
     * This section with {@code key} set to {@code value}, which errors then place at the value's
     * line: a base configuration with one parameter of a sweep point put in.
     */
    public ConfigSection with(String key, ConfigValue value) {
        final Map<String, Entry> changed = new LinkedHashMap<>(entries);
        changed.put(key, new Entry(value, value.line()));
        return new ConfigSection(file, path, line, changed);
    }

    /** The line of {@code key}, or of this section if the key is absent. */
    public int lineOf(String key) {
        final Entry entry = entries.get(key);
        return entry == null ? line : entry.keyLine();
    }

    /** An error about {@code key} in the standard form {@code file:line: key 'a.b' <problem>}. */
    public InvalidInputException invalid(String key, String problem) {
        return new InvalidInputException(file + ":" + lineOf(key) + ": key '" + shown(qualify(path, key)) + "' "
                + problem);
    }

    /** Rejects any key not in {@code validKeys}, suggesting the nearest valid one. */
    public void requireOnlyKeys(Collection<String> validKeys) {
        for (final Map.Entry<String, Entry> entry : entries.entrySet()) {
            final String key = entry.getKey();
            if (validKeys.contains(key)) {
                continue;
            }
            final String hint = Suggestions.nearest(key, validKeys).map(k -> "did you mean '" + k + "'? ").orElse("");
            final String valid = validKeys.isEmpty() ? "none" : String.join(", ", new TreeSet<>(validKeys));
            throw new InvalidInputException(file + ":" + entry.getValue().keyLine() + ": unknown key '"
                    + shown(qualify(path, key)) + "' (" + hint + "valid keys: " + valid + ")");
        }
    }

    public long getLong(String key, long defaultValue, long min, long max) {
        return has(key) ? requireLong(key, min, max) : defaultValue;
    }

    public long requireLong(String key, long min, long max) {
        final Object value = scalar(key, "an integer" + bounds(min, max));
        if (value instanceof BigInteger integer && integer.bitLength() < Long.SIZE) {
            final long result = integer.longValue();
            if (result >= min && result <= max) {
                return result;
            }
        }
        throw mustBe(key, "an integer" + bounds(min, max));
    }

    public int getInt(String key, int defaultValue, int min, int max) {
        return (int) getLong(key, defaultValue, min, max);
    }

    public int requireInt(String key, int min, int max) {
        return (int) requireLong(key, min, max);
    }

    public double getDouble(String key, double defaultValue, DoubleRange range) {
        return has(key) ? requireDouble(key, range) : defaultValue;
    }

    public double requireDouble(String key, DoubleRange range) {
        final Double value = toDouble(scalar(key, range.describe()));
        if (value == null || !range.contains(value)) {
            throw mustBe(key, range.describe());
        }
        return value;
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        if (scalar(key, "true or false") instanceof Boolean value) {
            return value;
        }
        throw mustBe(key, "true or false");
    }

    /** Any scalar's source text, so {@code version: 1.0} reads as "1.0". */
    public String getString(String key, String defaultValue) {
        return has(key) ? requireString(key) : defaultValue;
    }

    public String requireString(String key) {
        scalar(key, "a text value");
        return ((ConfigValue.Scalar) entries.get(key).value()).text();
    }

    /** One of {@code validChoices}, matched exactly. */
    public String getChoice(String key, String defaultValue, Collection<String> validChoices) {
        if (!has(key)) {
            return defaultValue;
        }
        final String valid = "one of " + String.join(", ", validChoices);
        scalar(key, valid);
        final String choice = ((ConfigValue.Scalar) entries.get(key).value()).text();
        if (validChoices.contains(choice)) {
            return choice;
        }
        final String hint = Suggestions.nearest(choice, validChoices).map(c -> "did you mean '" + c + "'? ").orElse("");
        throw invalid(key, "has unknown value '" + shown(choice) + "' (" + hint + "valid: " + String.join(", ", validChoices)
                + ")");
    }

    /** The size in bytes, written as a plain integer or with a unit such as {@code 512KiB}. */
    public long getByteSize(String key, long defaultBytes, long minBytes, long maxBytes) {
        if (!has(key)) {
            return defaultBytes;
        }
        final String expected = "a byte size" + bounds(minBytes, maxBytes) + " bytes";
        final Object value = scalar(key, expected);
        final long bytes;
        if (value instanceof String text) {
            try {
                bytes = ByteSize.parse(text);
            } catch (InvalidInputException e) {
                throw invalid(key, "has an " + e.getMessage());
            }
        } else {
            bytes = requireLong(key, 0, Long.MAX_VALUE);
        }
        if (bytes < minBytes || bytes > maxBytes) {
            throw mustBe(key, expected);
        }
        return bytes;
    }

    /** A list of numbers, each in {@code range}; returns an immutable list. */
    public List<Double> getDoubleList(String key, List<Double> defaultValue, DoubleRange range) {
        final Entry entry = entries.get(key);
        if (entry == null) {
            return defaultValue;
        }
        if (!(entry.value() instanceof ConfigValue.Sequence sequence)) {
            throw mustBe(key, "a list of numbers, each " + range.describe());
        }
        final List<Double> result = new ArrayList<>(sequence.items().size());
        for (int i = 0; i < sequence.items().size(); i++) {
            final ConfigValue item = sequence.items().get(i);
            final Double number = item instanceof ConfigValue.Scalar scalar ? toDouble(scalar.value()) : null;
            if (number == null || !range.contains(number)) {
                throw new InvalidInputException(file + ":" + item.line() + ": key '" + shown(qualify(path, key))
                        + "' element " + (i + 1) + " must be " + range.describe() + ", got " + item.describe());
            }
            result.add(number);
        }
        return List.copyOf(result);
    }

    /** The nested mapping under {@code key}; an empty section if absent, so its defaults apply. */
    public ConfigSection getSection(String key) {
        final Entry entry = entries.get(key);
        if (entry == null) {
            return new ConfigSection(file, qualify(path, key), line, Map.of());
        }
        if (entry.value() instanceof ConfigSection section) {
            return section;
        }
        throw mustBe(key, "a mapping of keys to values");
    }

    /** The scalar's value (never null); throws naming {@code expected} if absent, null or not a scalar. */
    private Object scalar(String key, String expected) {
        final Entry entry = entries.get(key);
        if (entry == null) {
            throw new InvalidInputException(file + ":" + line + ": missing required key '" + shown(qualify(path, key))
                    + "' (" + expected + ")");
        }
        if (entry.value() instanceof ConfigValue.Scalar scalar && scalar.value() != null) {
            return scalar.value();
        }
        throw mustBe(key, expected);
    }

    private InvalidInputException mustBe(String key, String expected) {
        return invalid(key, "must be " + expected + ", got " + entries.get(key).value().describe());
    }

    private static Double toDouble(Object value) {
        if (value instanceof BigInteger integer) {
            return integer.doubleValue();
        }
        return value instanceof Double number ? number : null;
    }

    static String bounds(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return "";
        }
        if (max == Long.MAX_VALUE) {
            return " >= " + min;
        }
        return min == Long.MIN_VALUE ? " <= " + max : " in [" + min + ", " + max + "]";
    }
}
