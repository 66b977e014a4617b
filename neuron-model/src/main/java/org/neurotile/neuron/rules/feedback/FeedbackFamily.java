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
    /** The most output errors an index that gives its top bit to a sign can name (binary-dfa:k=K). */
    static final int MAX_SIGNED_OUTPUTS = MAX_OUTPUTS / 2;

    private static final String INIT = FeedbackInit.OPTION;

    @Override
    public List<RuleForm> forms() {
        return List.of(
                new RuleForm("fa", "fa[:init=crafton|uniform|weights-product]", 20, 0x9467bd, List.of("fa"), false),
                new RuleForm("dfa", "dfa[:init=crafton|uniform|weights-product]", 30, 0xff7f0e, List.of("dfa"), true),
                new RuleForm("sdfa", "sdfa:k=K[,rank=R,init=crafton|uniform]", 40, 0x8c564b, List.of("sdfa:k=4"), false),
                new RuleForm("ssdfa", "ssdfa[:init=crafton|uniform]", 50, 0x2ca02c, List.of("ssdfa"), true),
                new RuleForm("binary-dfa", "binary-dfa[:init=random|weights-product,k=K,scale=crafton|one]", 60, 0xd62728,
                        List.of("binary-dfa"), true),
                new RuleForm("blocked-dfa", "blocked-dfa:s=S[,init=crafton|uniform|weights-product]", 70, 0x17becf, List.of("blocked-dfa:s=2"), true));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        long seed = context.seed();
        return switch (name) {
            case "fa" -> {
                options.only(INIT);
                yield new FeedbackAlignmentRule(options.spec(), FeedbackInit.option(options, FeedbackInit.DENSE));
            }
            case "dfa" -> {
                options.only(INIT);
                yield DirectFeedbackRule.dense(options.spec(), FeedbackInit.option(options, FeedbackInit.DENSE));
            }
            case "ssdfa" -> {
                options.only(INIT);
                yield DirectFeedbackRule.sparse(options.spec(), 1,
                        network -> BalancedErrorAssignment.of(network, 1, 0, seed), INDEX_BYTES,
                        FeedbackInit.option(options, FeedbackInit.SPARSE));
            }
            case "sdfa" -> {
                options.only("k", "rank", INIT);
                int k = options.requiredInt("k", 1, MAX_OUTPUTS, "the errors per neuron, e.g. sdfa:k=4");
                int rank = options.intOr("rank", 0, 1, Integer.MAX_VALUE, "the feedback patterns per layer");
                FeedbackInit init = FeedbackInit.option(options, FeedbackInit.SPARSE);
                yield rank == 0
                        ? DirectFeedbackRule.sparse(options.spec(), k,
                                network -> BalancedErrorAssignment.of(network, k, 0, seed), INDEX_BYTES, init)
                        : DirectFeedbackRule.lowRank(options.spec(), k, rank,
                                network -> BalancedErrorAssignment.of(network, k, rank, seed), INDEX_BYTES, init);
            }
            case "binary-dfa" -> {
                options.only(INIT, "k", "scale");
                boolean aligned = options.choice(INIT, "random", List.of("random", "weights-product"))
                        .equals("weights-product");
                SignScale scale = SignScale.byId(options.choice("scale", SignScale.CRAFTON.id(),
                        List.of(SignScale.CRAFTON.id(), SignScale.ONE.id())));
                if (!options.has("k")) {
                    yield new BinaryFeedbackRule(options.spec(), aligned, scale);
                }
                int k = options.requiredInt("k", 1, MAX_SIGNED_OUTPUTS, "the errors per neuron, e.g. binary-dfa:k=2");
                yield DirectFeedbackRule.sparseSign(options.spec(), k, network -> {
                    if (network.outputs() > MAX_SIGNED_OUTPUTS) {
                        throw options.invalid("an index with its sign in " + INDEX_BYTES + " bytes names at most "
                                + MAX_SIGNED_OUTPUTS + " output errors, the network has " + network.outputs());
                    }
                    return BalancedErrorAssignment.of(network, k, 0, seed);
                }, INDEX_BYTES, aligned, scale);
            }
            case "blocked-dfa" -> {
                options.only("s", INIT);
                int s = options.requiredInt("s", 1, Integer.MAX_VALUE, "the layers per block, e.g. blocked-dfa:s=2");
                yield new BlockedFeedbackRule(options.spec(), options.given(), s, FeedbackInit.option(options, FeedbackInit.DENSE));
            }
            default -> throw new IllegalArgumentException("not a rule of this family: " + name);
        };
    }

}
