package org.neurotile.neuron.chip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.neuron.math.Feedback;
import org.neurotile.sim.InvalidInputException;

/**
 * Learning rules the chip runs, created from a spec such as {@code bp}, {@code ssdfa},
 * {@code sdfa:k=4,rank=8} or {@code blocked-dfa:s=2}.
 */
public final class ChipRules {
    /** A spec of every rule, with typical options: what golden files and validation cover. */
    public static final List<String> EXAMPLES =
            List.of("bp", "fa", "dfa", "sdfa:k=4", "ssdfa", "binary-dfa", "blocked-dfa:s=2");
    /** Bytes of one stored error index of a sparse feedback row (up to 65,536 outputs). */
    public static final int INDEX_BYTES = 2;
    private static final String FORMS = "bp[:reads=separate|shared], fa, dfa, sdfa:k=K[,rank=R], ssdfa, "
            + "binary-dfa[:init=random|weights-product], blocked-dfa:s=S";

    private ChipRules() {
    }

    /** @param seed seed of the random streams that draw feedback patterns */
    public static ChipRule parse(String spec, long seed) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        Options options = new Options(spec, colon < 0 ? "" : text.substring(colon + 1));
        switch (name) {
            case "bp" -> {
                options.only("reads");
                String reads = options.choice("reads", "separate", List.of("separate", "shared"));
                BackpropPlan.WeightReads mode = reads.equals("shared")
                        ? BackpropPlan.WeightReads.SHARED : BackpropPlan.WeightReads.SEPARATE;
                return new PlannedRule(text, FeedbackStorage::backprop,
                        (graph, mapping, forward, o) -> BackpropPlan.build(graph, mapping, forward, mode, o),
                        null, ClosedForm::backpropOnProcessor);
            }
            case "fa" -> {
                options.only();
                return new PlannedRule(text, FeedbackStorage::feedbackAlignment, FeedbackAlignmentPlan::build,
                        (network, initial, s) -> Feedback.dense(network,
                                FeedbackBlocks.feedbackAlignment(network.layerCount()), s));
            }
            case "dfa" -> {
                options.only();
                return DirectFeedbackRule.dense();
            }
            case "ssdfa" -> {
                options.only();
                return DirectFeedbackRule.sparse("ssdfa", 1, network -> BalancedErrorAssignment.of(network, 1, 0, seed),
                        INDEX_BYTES);
            }
            case "sdfa" -> {
                options.only("k", "rank");
                int k = options.requiredInt("k", "the errors per neuron, e.g. sdfa:k=4");
                int rank = options.intOr("rank", 0);
                if (options.has("rank") && rank < 1) {
                    throw new InvalidInputException("rule '" + spec + "': rank must be at least 1");
                }
                return DirectFeedbackRule.sparse(text, k, network -> BalancedErrorAssignment.of(network, k, rank, seed),
                        INDEX_BYTES);
            }
            case "binary-dfa" -> {
                options.only("init");
                boolean aligned = options.choice("init", "random", List.of("random", "weights-product"))
                        .equals("weights-product"); // changes the values only, not the costs
                return new PlannedRule(text, FeedbackStorage::binary, BinaryFeedbackPlan::build,
                        (network, initial, s) -> aligned ? Feedback.signOfWeightsProduct(network, initial)
                                : Feedback.signOfRandom(network, s));
            }
            case "blocked-dfa" -> {
                options.only("s");
                int s = options.requiredInt("s", "the layers per block, e.g. blocked-dfa:s=2");
                if (s < 1) {
                    throw new InvalidInputException("rule '" + spec + "': s must be at least 1");
                }
                return new PlannedRule(text, (network, wordBytes) -> FeedbackStorage.blocked(network, wordBytes,
                        blocks(spec, network.layerCount(), s), FeedbackEncoding.DENSE),
                        (graph, mapping, forward, o) -> BlockedFeedbackPlan.build(graph, mapping, forward,
                                blocks(spec, mapping.network().layerCount(), s), FeedbackEncoding.DENSE, o),
                        (network, initial, feedbackSeed) -> Feedback.dense(network,
                                blocks(spec, network.layerCount(), s), feedbackSeed));
            }
            default -> throw new InvalidInputException("unknown rule '" + spec + "' (valid: " + FORMS + ")");
        }
    }

    private static FeedbackBlocks blocks(String spec, int layers, int s) {
        if (s > layers) {
            throw new InvalidInputException("rule '" + spec + "': s=" + s + " is more than the network's " + layers
                    + " layers (valid: 1.." + layers + "; s = " + layers + " is dfa)");
        }
        return new FeedbackBlocks(layers, s);
    }

    /** NAME=VALUE options after the colon, checked against what a rule takes. */
    private static final class Options {
        private final String spec;
        private final Map<String, String> values = new LinkedHashMap<>();

        Options(String spec, String text) {
            this.spec = spec;
            if (text.isEmpty()) {
                return;
            }
            for (String option : text.split(",", -1)) {
                int equals = option.indexOf('=');
                if (equals <= 0) {
                    throw new InvalidInputException("rule '" + spec + "': option '" + option + "' is not NAME=VALUE");
                }
                values.put(option.substring(0, equals).strip(), option.substring(equals + 1).strip());
            }
        }

        void only(String... valid) {
            List<String> allowed = List.of(valid);
            for (String key : values.keySet()) {
                if (!allowed.contains(key)) {
                    throw new InvalidInputException("rule '" + spec + "': unknown option '" + key + "' (valid: "
                            + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ")");
                }
            }
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        int requiredInt(String key, String meaning) {
            if (!has(key)) {
                throw new InvalidInputException("rule '" + spec + "' needs " + key + ", " + meaning);
            }
            return intOr(key, 0);
        }

        int intOr(String key, int otherwise) {
            if (!has(key)) {
                return otherwise;
            }
            try {
                return Integer.parseInt(values.get(key));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("rule '" + spec + "': " + key + " must be a whole number");
            }
        }

        String choice(String key, String otherwise, List<String> valid) {
            String value = values.getOrDefault(key, otherwise);
            if (!valid.contains(value)) {
                throw new InvalidInputException("rule '" + spec + "': " + key + "=" + value + " is not one of "
                        + String.join(", ", valid));
            }
            return value;
        }
    }
}
