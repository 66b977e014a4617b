package org.neurotile.neuron.rules.feedback;

import java.util.List;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleContext;
import org.neurotile.neuron.rules.RuleFamily;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.neuron.rules.RuleOptions;

/** The rules with fixed feedback matrices: fa, dfa, sdfa, ssdfa, binary-dfa and blocked-dfa. */
public final class FeedbackFamily implements RuleFamily {
    /** Bytes of one stored error index of a sparse feedback row (up to 65,536 outputs). */
    public static final int INDEX_BYTES = 2;
    /** The most output errors a stored index can name. */
    static final int MAX_OUTPUTS = 1 << (8 * INDEX_BYTES);

    @Override
    public List<RuleForm> forms() {
        return List.of(
                new RuleForm("fa", "fa", 20, 0x9467bd, List.of("fa"), false),
                new RuleForm("dfa", "dfa", 30, 0xff7f0e, List.of("dfa"), true),
                new RuleForm("sdfa", "sdfa:k=K[,rank=R]", 40, 0x8c564b, List.of("sdfa:k=4"), false),
                new RuleForm("ssdfa", "ssdfa", 50, 0x2ca02c, List.of("ssdfa"), true),
                new RuleForm("binary-dfa", "binary-dfa[:init=random|weights-product]", 60, 0xd62728,
                        List.of("binary-dfa"), true),
                new RuleForm("blocked-dfa", "blocked-dfa:s=S", 70, 0x17becf, List.of("blocked-dfa:s=2"), true));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        long seed = context.seed();
        return switch (name) {
            case "fa" -> {
                options.only();
                yield new FeedbackAlignmentRule(options.spec());
            }
            case "dfa" -> {
                options.only();
                yield DirectFeedbackRule.dense();
            }
            case "ssdfa" -> {
                options.only();
                yield DirectFeedbackRule.sparse("ssdfa", 1,
                        network -> BalancedErrorAssignment.of(network, 1, 0, seed), INDEX_BYTES);
            }
            case "sdfa" -> {
                options.only("k", "rank");
                int k = options.requiredInt("k", 1, MAX_OUTPUTS, "the errors per neuron, e.g. sdfa:k=4");
                int rank = options.intOr("rank", 0, 1, Integer.MAX_VALUE, "the feedback patterns per layer");
                yield rank == 0
                        ? DirectFeedbackRule.sparse(options.spec(), k,
                                network -> BalancedErrorAssignment.of(network, k, 0, seed), INDEX_BYTES)
                        : DirectFeedbackRule.lowRank(options.spec(), k, rank,
                                network -> BalancedErrorAssignment.of(network, k, rank, seed), INDEX_BYTES);
            }
            case "binary-dfa" -> {
                options.only("init");
                String init = options.choice("init", "random", List.of("random", "weights-product"));
                yield new BinaryFeedbackRule(options.spec(), init.equals("weights-product"));
            }
            case "blocked-dfa" -> {
                options.only("s");
                int s = options.requiredInt("s", 1, Integer.MAX_VALUE, "the layers per block, e.g. blocked-dfa:s=2");
                yield new BlockedFeedbackRule(options.spec(), options.given(), s);
            }
            default -> throw new IllegalArgumentException("not a rule of this family: " + name);
        };
    }
}
