package org.neurotile.neuron.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;
import org.neurotile.sim.config.DoubleRange;

/**
 * A rule's spec and its NAME=VALUE options after the colon, each given once, checked against what
 * the rule takes. Every error names the spec as given.
 */
public final class RuleOptions {
    private final String given;
    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * @param given the spec as the user gave it
     * @param text the options after the colon, empty where there are none
     */
    RuleOptions(String given, String text) {
        this.given = given;
        if (text.isEmpty()) {
            return;
        }
        for (String option : text.split(",", -1)) {
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw invalid("option '" + UserText.shown(option) + "' is not NAME=VALUE");
            }
            String key = option.substring(0, equals).strip();
            if (values.put(key, option.substring(equals + 1).strip()) != null) {
                throw invalid("option '" + UserText.shown(key) + "' is given twice; give each option once");
            }
        }
    }

    /** The spec without surrounding blanks: the rule's {@link LearningRule#spec()}. */
    public String spec() {
        return given.strip();
    }

    /** The spec as the user gave it, for errors found later (against a network). */
    public String given() {
        return given;
    }

    /** A one-line error about this spec: {@code rule 'SPEC': PROBLEM}. */
    public InvalidInputException invalid(String problem) {
        return new InvalidInputException("rule '" + UserText.shown(given) + "': " + problem);
    }

    /** Refuses any option not in {@code valid}. */
    public void only(String... valid) {
        List<String> allowed = List.of(valid);
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw invalid("unknown option '" + UserText.shown(key) + "' (valid: "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ")");
            }
        }
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public int requiredInt(String key, int min, int max, String meaning) {
        requirePresent(key, meaning);
        return intOr(key, 0, min, max, meaning);
    }

    /** The option's whole number in min..max, or {@code otherwise} where it is absent. */
    public int intOr(String key, int otherwise, int min, int max, String meaning) {
        if (!has(key)) {
            return otherwise;
        }
        String range = max == Integer.MAX_VALUE ? "at least " + min : "in " + min + ".." + max;
        String value = values.get(key);
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            number = Long.MIN_VALUE;
        }
        if (number < min || number > max) {
            throw invalid(key + " must be a whole number " + range + " (" + meaning + "), got '"
                    + UserText.shown(value) + "'");
        }
        return (int) number;
    }

    public double requiredDouble(String key, DoubleRange range, String meaning) {
        requirePresent(key, meaning);
        return doubleOr(key, 0, range, meaning);
    }

    /** The option's number in {@code range}, or {@code otherwise} where it is absent. */
    public double doubleOr(String key, double otherwise, DoubleRange range, String meaning) {
        if (!has(key)) {
            return otherwise;
        }
        String value = values.get(key);
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (!range.contains(number)) {
            throw invalid(key + " must be " + range.describe() + " (" + meaning + "), got '"
                    + UserText.shown(value) + "'");
        }
        return number;
    }

    /** The option's value as given (blanks stripped), or {@code otherwise} where it is absent. */
    public String textOr(String key, String otherwise) {
        return values.getOrDefault(key, otherwise);
    }

    /** The option's value, one of {@code valid}, or {@code otherwise} where it is absent. */
    public String choice(String key, String otherwise, List<String> valid) {
        String value = values.getOrDefault(key, otherwise);
        if (!valid.contains(value)) {
            throw invalid(key + "=" + value + " is not one of " + String.join(", ", valid));
        }
        return value;
    }

    private void requirePresent(String key, String meaning) {
        if (!has(key)) {
            throw new InvalidInputException("rule '" + UserText.shown(given) + "' needs " + key + ", " + meaning);
        }
    }
}
