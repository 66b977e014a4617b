package org.neurotile.neuron.chip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.sim.InvalidInputException;

/**
 * Learning rules the chip runs, created from a spec such as {@code dfa}, {@code ssdfa} or
 * {@code sdfa:k=4,rank=8}.
 */
public final class ChipRules {
    /** A spec of every rule, with typical options: what golden files and validation cover. */
    public static final List<String> EXAMPLES = List.of("dfa", "sdfa:k=4", "ssdfa");
    /** Bytes of one stored error index of a sparse feedback row (up to 65,536 outputs). */
    public static final int INDEX_BYTES = 2;
    private static final String FORMS = "dfa, sdfa:k=K[,rank=R], ssdfa";

    private ChipRules() {
    }

    /** @param seed seed of the random streams that draw feedback patterns */
    public static ChipRule parse(String spec, long seed) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        Map<String, Integer> options = options(spec, colon < 0 ? "" : text.substring(colon + 1));
        switch (name) {
            case "dfa" -> {
                only(spec, options, List.of());
                return DirectFeedbackRule.dense();
            }
            case "ssdfa" -> {
                only(spec, options, List.of());
                return DirectFeedbackRule.sparse("ssdfa", 1, network -> BalancedErrorAssignment.of(network, 1, 0, seed),
                        INDEX_BYTES);
            }
            case "sdfa" -> {
                only(spec, options, List.of("k", "rank"));
                Integer k = options.get("k");
                if (k == null) {
                    throw new InvalidInputException("rule '" + spec + "' needs k, the errors per neuron, e.g. sdfa:k=4");
                }
                int rank = options.getOrDefault("rank", 0);
                if (options.containsKey("rank") && rank < 1) {
                    throw new InvalidInputException("rule '" + spec + "': rank must be at least 1");
                }
                return DirectFeedbackRule.sparse(text, k, network -> BalancedErrorAssignment.of(network, k, rank, seed),
                        INDEX_BYTES);
            }
            default -> throw new InvalidInputException("unknown rule '" + spec + "' (valid: " + FORMS + ")");
        }
    }

    private static Map<String, Integer> options(String spec, String text) {
        Map<String, Integer> options = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return options;
        }
        for (String option : text.split(",", -1)) {
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInputException("rule '" + spec + "': option '" + option + "' is not NAME=VALUE");
            }
            String key = option.substring(0, equals).strip();
            try {
                options.put(key, Integer.parseInt(option.substring(equals + 1).strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("rule '" + spec + "': " + key + " must be a whole number");
            }
        }
        return options;
    }

    private static void only(String spec, Map<String, Integer> options, List<String> valid) {
        for (String key : options.keySet()) {
            if (!valid.contains(key)) {
                throw new InvalidInputException("rule '" + spec + "': unknown option '" + key + "' (valid: "
                        + (valid.isEmpty() ? "none" : String.join(", ", valid)) + ")");
            }
        }
    }
}
