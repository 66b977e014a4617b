package org.neurotile.neuron.math;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.neurotile.sim.InvalidInputException;

/**
 * How a kind of value is stored in a tile's memory and sent on the network: {@code float32}, the
 * arithmetic precision unchanged (a word of the tile's word size), or a {@link FixedPoint} word.
 * Arithmetic always happens in the {@link Precision}; a value is quantized where it is stored or
 * sent.
 */
public sealed interface NumberFormat permits NumberFormat.Unquantized, FixedPoint {
    /** No quantization. */
    NumberFormat FLOAT32 = new Unquantized();

    /** What the options accept, for messages. */
    String VALID = "float32, or fixedB[:frac=F][,rounding=R] with B 8 or 16, F in 0..B-1 (default B-3), "
            + "R nearest (default) or stochastic";

    /** The spec string, e.g. {@code fixed8:frac=5}; {@link #parse} reads it back. */
    String spec();

    boolean quantizes();

    /** Bytes of one word; {@code floatWordBytes}, the tile's word size, for float32. */
    int wordBytes(int floatWordBytes);

    /** The value as stored in this format; {@code noise} is drawn from only by stochastic rounding. */
    double quantize(double value, RoundingNoise noise);

    /** The arithmetic precision, unquantized. */
    record Unquantized() implements NumberFormat {
        @Override
        public String spec() {
            return "float32";
        }

        @Override
        public boolean quantizes() {
            return false;
        }

        @Override
        public int wordBytes(int floatWordBytes) {
            return floatWordBytes;
        }

        @Override
        public double quantize(double value, RoundingNoise noise) {
            return value;
        }
    }

    /**
     * Reads {@code float32}, {@code fixed8}, {@code fixed16:frac=12,rounding=stochastic}, ...; a bad
     * value is an error naming {@code option} and what is valid.
     */
    static NumberFormat parse(String option, String text) {
        String spec = text.strip().toLowerCase(Locale.ROOT);
        if (spec.equals("float32")) {
            return FLOAT32;
        }
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        int bits = switch (kind) {
            case "fixed8" -> 8;
            case "fixed16" -> 16;
            default -> throw invalid(option, text, kind.startsWith("fixed") ? "bits must be 8 or 16"
                    : "unknown format '" + kind + "'");
        };
        int fractionBits = bits - 3;
        Rounding rounding = Rounding.NEAREST;
        if (colon >= 0) {
            Set<String> given = new HashSet<>();
            for (String setting : spec.substring(colon + 1).split(",", -1)) {
                int equals = setting.indexOf('=');
                String key = equals < 0 ? setting : setting.substring(0, equals);
                String value = equals < 0 ? "" : setting.substring(equals + 1);
                if (!given.add(key)) {
                    throw invalid(option, text, "setting '" + key + "' is given twice");
                }
                switch (key) {
                    case "frac" -> {
                        try {
                            fractionBits = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw invalid(option, text, "frac must be a whole number of bits");
                        }
                        if (fractionBits < 0 || fractionBits >= bits) {
                            throw invalid(option, text, "frac must be in 0.." + (bits - 1) + " for " + kind);
                        }
                    }
                    case "rounding" -> rounding = switch (value) {
                        case "nearest" -> Rounding.NEAREST;
                        case "stochastic" -> Rounding.STOCHASTIC;
                        default -> throw invalid(option, text, "rounding must be nearest or stochastic");
                    };
                    default -> throw invalid(option, text, "unknown setting '" + key + "'");
                }
            }
        }
        return new FixedPoint(bits, fractionBits, rounding);
    }

    private static InvalidInputException invalid(String option, String text, String why) {
        return new InvalidInputException(option + " '" + text + "': " + why + " (valid: " + VALID + ")");
    }
}
