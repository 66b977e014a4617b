package org.neurotile.neuron.rules;

import org.neurotile.neuron.rules.feedback.FixedFeedback;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.neuron.math.Feedback;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.rules.bp.BackpropPlan;
import org.neurotile.neuron.rules.directional.DirectionalFeedback;
import org.neurotile.neuron.rules.directional.DirectionalFeedbackRule;
import org.neurotile.neuron.rules.feedback.BalancedErrorAssignment;
import org.neurotile.neuron.rules.feedback.BinaryFeedbackPlan;
import org.neurotile.neuron.rules.feedback.BlockedFeedbackPlan;
import org.neurotile.neuron.rules.feedback.DirectFeedbackRule;
import org.neurotile.neuron.rules.feedback.FeedbackAlignmentPlan;
import org.neurotile.neuron.rules.feedback.FeedbackBlocks;
import org.neurotile.neuron.rules.feedback.FeedbackStorage;
import org.neurotile.neuron.rules.fp.FeedbackPropagation;
import org.neurotile.neuron.rules.fp.FeedbackPropagationPlan;
import org.neurotile.neuron.rules.hybrid.HybridRule;
import org.neurotile.neuron.rules.hybrid.HybridSchedule;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.UserText;
import org.neurotile.sim.config.DoubleRange;

/**
 * Learning rules the chip runs, created from a spec such as {@code bp}, {@code ssdfa},
 * {@code sdfa:k=4,rank=8} or {@code blocked-dfa:s=2}.
 */
public final class LearningRules {
    /** A spec of every rule, with typical options: what golden files and validation cover. */
    public static final List<String> EXAMPLES =
            List.of("bp", "fa", "dfa", "sdfa:k=4", "ssdfa", "binary-dfa", "blocked-dfa:s=2", "fp:m=2",
            "directional-dfa", "hybrid:p=0.1");
    /**
     * Splits a list of rules at commas, but not at a comma that starts an option of the rule before
     * it ({@code hybrid:p=0.1,gamma=0.3,dfa} is two rules).
     */
    public static final String LIST_SPLIT = ",(?![A-Za-z-]+=)";
    /** Bytes of one stored error index of a sparse feedback row (up to 65,536 outputs). */
    public static final int INDEX_BYTES = 2;
    /** The most output errors a stored index can name. */
    static final int MAX_OUTPUTS = 1 << (8 * INDEX_BYTES);
    /** Every rule's form, for help texts and errors. */
    public static final String FORMS = "bp[:reads=separate|shared], fa, dfa, sdfa:k=K[,rank=R], ssdfa, "
            + "binary-dfa[:init=random|weights-product], blocked-dfa:s=S, fp:m=M, "
            + "directional-dfa[:alpha=A,zero-product=compute|skip], "
            + "hybrid:p=P[,gamma=G,feedback=dfa|binary-dfa,step=dfa|bp]";
    /** hybrid's default mix of the feedback and bp velocities in a feedback step. */
    public static final double HYBRID_GAMMA = 0.5;
    /** directional-dfa's default feedback learning rate. */
    public static final double DIRECTIONAL_ALPHA = 0.001;

    private LearningRules() {
    }

    /** @param seed seed of the random streams that draw feedback patterns */
    public static LearningRule parse(String spec, long seed) {
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
                        (network, initial, s) -> FixedFeedback.dense(network,
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
                int k = options.requiredInt("k", 1, MAX_OUTPUTS, "the errors per neuron, e.g. sdfa:k=4");
                int rank = options.intOr("rank", 0, 1, Integer.MAX_VALUE, "the feedback patterns per layer");
                return DirectFeedbackRule.sparse(text, k, network -> BalancedErrorAssignment.of(network, k, rank, seed),
                        INDEX_BYTES);
            }
            case "binary-dfa" -> {
                options.only("init");
                boolean aligned = options.choice("init", "random", List.of("random", "weights-product"))
                        .equals("weights-product"); // changes the values only, not the costs
                return new PlannedRule(text, FeedbackStorage::binary, BinaryFeedbackPlan::build,
                        (network, initial, s) -> aligned ? FixedFeedback.signOfWeightsProduct(network, initial)
                                : FixedFeedback.signOfRandom(network, s));
            }
            case "blocked-dfa" -> {
                options.only("s");
                int s = options.requiredInt("s", 1, Integer.MAX_VALUE, "the layers per block, e.g. blocked-dfa:s=2");
                return new PlannedRule(text, (network, wordBytes) -> FeedbackStorage.blocked(network, wordBytes,
                        blocks(spec, network.layerCount(), s), FeedbackEncoding.DENSE),
                        (graph, mapping, forward, o) -> BlockedFeedbackPlan.build(graph, mapping, forward,
                                blocks(spec, mapping.network().layerCount(), s), FeedbackEncoding.DENSE, o),
                        (network, initial, feedbackSeed) -> FixedFeedback.dense(network,
                                blocks(spec, network.layerCount(), s), feedbackSeed));
            }
            case "fp" -> {
                options.only("m");
                int m = options.requiredInt("m", 0, Integer.MAX_VALUE,
                        "the layers that use bp, counted from the output, e.g. fp:m=2");
                return new PlannedRule(text, (network, wordBytes) -> depth(spec, network.layerCount(), m)
                        .storage(network, wordBytes),
                        (graph, mapping, forward, o) -> FeedbackPropagationPlan.build(graph, mapping, forward,
                                depth(spec, mapping.network().layerCount(), m), o),
                        (network, initial, feedbackSeed) -> depth(spec, network.layerCount(), m)
                                .feedback(network, feedbackSeed));
            }
            case "directional-dfa" -> {
                options.only("alpha", "zero-product");
                double alpha = options.doubleOr("alpha", DIRECTIONAL_ALPHA, new DoubleRange(0, false, 1, true),
                        "the feedback learning rate");
                boolean compute = options.choice("zero-product", "compute", List.of("compute", "skip"))
                        .equals("compute");
                return new DirectionalFeedbackRule(text, new DirectionalFeedback(alpha), compute);
            }
            case "hybrid" -> {
                options.only("p", "gamma", "feedback", "step");
                double p = options.requiredDouble("p", DoubleRange.probability(),
                        "the probability of a bp step, e.g. hybrid:p=0.1");
                double gamma = options.doubleOr("gamma", HYBRID_GAMMA, DoubleRange.probability(),
                        "the mix of feedback and bp velocities");
                String feedback = options.choice("feedback", "dfa", List.of("dfa", "binary-dfa"));
                boolean bpStep = options.choice("step", "dfa", List.of("dfa", "bp")).equals("bp");
                String base = text.replaceAll(",?step=[a-z]*", "").replace(":,", ":");
                return new HybridRule(base.endsWith(":") ? base.substring(0, base.length() - 1) : base,
                        new HybridSchedule(p, gamma), parse(feedback, seed), bpStep);
            }
            default -> throw new InvalidInputException("unknown rule '" + UserText.shown(spec) + "' (valid: " + FORMS
                    + ")");
        }
    }

    private static FeedbackPropagation depth(String spec, int layers, int m) {
        if (m < 0 || m > layers) {
            throw new InvalidInputException("rule '" + UserText.shown(spec) + "': m=" + m + " is outside 0.." + layers
                    + " (the network's layers; m = 0 or 1 is dfa, m = " + layers + " is bp)");
        }
        return new FeedbackPropagation(layers, m);
    }

    private static FeedbackBlocks blocks(String spec, int layers, int s) {
        if (s > layers) {
            throw new InvalidInputException("rule '" + UserText.shown(spec) + "': s=" + s
                    + " is more than the network's " + layers + " layers (valid: 1.." + layers + "; s = " + layers
                    + " is dfa)");
        }
        return new FeedbackBlocks(layers, s);
    }

    /** NAME=VALUE options after the colon, each given once, checked against what a rule takes. */
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
                    throw invalid("option '" + UserText.shown(option) + "' is not NAME=VALUE");
                }
                String key = option.substring(0, equals).strip();
                if (values.put(key, option.substring(equals + 1).strip()) != null) {
                    throw invalid("option '" + UserText.shown(key) + "' is given twice; give each option once");
                }
            }
        }

        private InvalidInputException invalid(String problem) {
            return new InvalidInputException("rule '" + UserText.shown(spec) + "': " + problem);
        }

        void only(String... valid) {
            List<String> allowed = List.of(valid);
            for (String key : values.keySet()) {
                if (!allowed.contains(key)) {
                    throw invalid("unknown option '" + UserText.shown(key) + "' (valid: "
                            + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ")");
                }
            }
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        int requiredInt(String key, int min, int max, String meaning) {
            if (!has(key)) {
                throw new InvalidInputException("rule '" + UserText.shown(spec) + "' needs " + key + ", " + meaning);
            }
            return intOr(key, 0, min, max, meaning);
        }

        /** The option's whole number in min..max, or {@code otherwise} where it is absent. */
        int intOr(String key, int otherwise, int min, int max, String meaning) {
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

        double requiredDouble(String key, DoubleRange range, String meaning) {
            if (!has(key)) {
                throw new InvalidInputException("rule '" + UserText.shown(spec) + "' needs " + key + ", " + meaning);
            }
            return doubleOr(key, 0, range, meaning);
        }

        /** The option's number in {@code range}, or {@code otherwise} where it is absent. */
        double doubleOr(String key, double otherwise, DoubleRange range, String meaning) {
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

        String choice(String key, String otherwise, List<String> valid) {
            String value = values.getOrDefault(key, otherwise);
            if (!valid.contains(value)) {
                throw invalid(key + "=" + value + " is not one of " + String.join(", ", valid));
            }
            return value;
        }
    }
}
