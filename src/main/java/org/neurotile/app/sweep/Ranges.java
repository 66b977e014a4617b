package org.neurotile.app.sweep;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ByteSize;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.ConfigValue;

/**
 * The values of one entry under {@code vary:}: a list, a linear range {@code {from, to, step}}, a
 * geometric range {@code {from, to, factor}}, or an interval {@code {from, to}} to sample from.
 * Ends and steps are numbers or byte sizes ({@code 64KiB}).
 */
final class Ranges {
    /** The most values one parameter may take. */
    static final int MAX_VALUES = 100_000;
    private static final List<String> RANGE_KEYS = List.of("from", "to", "step", "factor");

    private Ranges() {
    }

    static Parameter parse(ConfigSection vary, String key) {
        String file = vary.file();
        int line = vary.lineOf(key);
        ConfigValue value = vary.value(key).orElseThrow();
        String where = file + ":" + line + ": key 'vary." + key + "'";
        if (value instanceof ConfigValue.Sequence sequence) {
            List<ConfigValue.Scalar> levels = new ArrayList<>();
            for (ConfigValue item : sequence.items()) {
                if (!(item instanceof ConfigValue.Scalar scalar) || scalar.value() == null) {
                    throw new InvalidInputException(file + ":" + item.line() + ": key 'vary." + key + "' element "
                            + (levels.size() + 1) + " must be a single value, got " + item.describe());
                }
                levels.add(scalar);
            }
            if (levels.isEmpty()) {
                throw new InvalidInputException(where + " is an empty list; give at least one value");
            }
            return new Parameter(key, line, new Parameter.Levels(levels));
        }
        if (!(value instanceof ConfigSection range)) {
            throw new InvalidInputException(where + " must be a list of values or a range {from, to, step} or "
                    + "{from, to, factor}, got " + value.describe());
        }
        range.requireOnlyKeys(RANGE_KEYS);
        BigDecimal from = number(range, "from", true);
        BigDecimal to = number(range, "to", true);
        BigDecimal step = number(range, "step", false);
        BigDecimal factor = number(range, "factor", false);
        if (step != null && factor != null) {
            throw new InvalidInputException(where + " has both step and factor; give one (step: linear, factor: "
                    + "geometric)");
        }
        if (to.compareTo(from) < 0) {
            throw new InvalidInputException(where + " is an empty range: from " + from.toPlainString() + " is above to "
                    + to.toPlainString());
        }
        boolean whole = isWhole(from) && isWhole(to) && (step == null || isWhole(step))
                && (factor == null || isWhole(factor));
        if (step == null && factor == null) {
            return new Parameter(key, line, new Parameter.Interval(from.doubleValue(), to.doubleValue(), whole, line));
        }
        List<BigDecimal> values = step != null ? linear(where, from, to, step) : geometric(where, from, to, factor);
        List<ConfigValue.Scalar> levels = new ArrayList<>();
        for (BigDecimal v : values) {
            levels.add(scalar(v, whole, line));
        }
        return new Parameter(key, line, new Parameter.Levels(levels));
    }

    /** A value a range or a sampled design made, as the configuration reads it. */
    static ConfigValue.Scalar scalar(BigDecimal value, boolean whole, int line) {
        if (whole) {
            BigInteger integer = value.setScale(0, java.math.RoundingMode.HALF_EVEN).toBigIntegerExact();
            return new ConfigValue.Scalar(integer, integer.toString(), line);
        }
        double number = value.doubleValue();
        return new ConfigValue.Scalar(number, value.stripTrailingZeros().toPlainString(), line);
    }

    private static List<BigDecimal> linear(String where, BigDecimal from, BigDecimal to, BigDecimal step) {
        if (step.signum() <= 0) {
            throw new InvalidInputException(where + ": step must be above 0, got " + step.toPlainString());
        }
        BigDecimal count = to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
            throw new InvalidInputException(where + " has " + count.toPlainString() + " values, over the limit of "
                    + MAX_VALUES + " per parameter");
        }
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < count.intValue(); i++) {
            values.add(from.add(step.multiply(BigDecimal.valueOf(i))));
        }
        return values;
    }

    private static List<BigDecimal> geometric(String where, BigDecimal from, BigDecimal to, BigDecimal factor) {
        if (from.signum() <= 0) {
            throw new InvalidInputException(where + ": a geometric range starts above 0, got from "
                    + from.toPlainString());
        }
        if (factor.compareTo(BigDecimal.ONE) <= 0) {
            throw new InvalidInputException(where + ": factor must be above 1, got " + factor.toPlainString());
        }
        List<BigDecimal> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.multiply(factor)) {
            if (values.size() == MAX_VALUES) {
                throw new InvalidInputException(where + " has more than " + MAX_VALUES + " values, the limit per "
                        + "parameter");
            }
            values.add(v);
        }
        return values;
    }

    private static boolean isWhole(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0;
    }

    /** A number or byte size under {@code key}, or null when absent and not required. */
    private static BigDecimal number(ConfigSection range, String key, boolean required) {
        if (!range.has(key)) {
            if (required) {
                throw new InvalidInputException(range.file() + ":" + range.line() + ": key '" + range.path()
                        + "' needs '" + key + "' (a range is {from, to, step} or {from, to, factor})");
            }
            return null;
        }
        Object value = range.value(key).orElseThrow() instanceof ConfigValue.Scalar s ? s.value() : null;
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double number && Double.isFinite(number)) {
            return BigDecimal.valueOf(number);
        }
        if (value instanceof String text) {
            try {
                return BigDecimal.valueOf(ByteSize.parse(text));
            } catch (InvalidInputException e) {
                // reported below
            }
        }
        throw range.invalid(key, "must be a number or a byte size such as 64KiB, got "
                + range.value(key).orElseThrow().describe());
    }
}
