package org.neurotile.neuron.rules.hybrid;

import java.util.List;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleContext;
import org.neurotile.neuron.rules.RuleFamily;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.neuron.rules.RuleOptions;
import org.neurotile.sim.config.DoubleRange;

/** hybrid: a bp step with probability p, a feedback step otherwise, with split momentum. */
public final class HybridFamily implements RuleFamily {
    /** The default mix of the feedback and bp velocities in a feedback step. */
    public static final double DEFAULT_GAMMA = 0.5;

    @Override
    public List<RuleForm> forms() {
        return List.of(new RuleForm("hybrid", "hybrid:p=P[,gamma=G,feedback=dfa|binary-dfa,step=dfa|bp]", 100,
                0x98df8a, List.of("hybrid:p=0.1"), false));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        options.only("p", "gamma", "feedback", "step");
        double p = options.requiredDouble("p", DoubleRange.probability(),
                "the probability of a bp step, e.g. hybrid:p=0.1");
        double gamma = options.doubleOr("gamma", DEFAULT_GAMMA, DoubleRange.probability(),
                "the mix of feedback and bp velocities");
        String feedback = options.choice("feedback", "dfa", List.of("dfa", "binary-dfa"));
        boolean bpStep = options.choice("step", "dfa", List.of("dfa", "bp")).equals("bp");
        String base = options.spec().replaceAll(",?step=[a-z]*", "").replace(":,", ":");
        return new HybridRule(base.endsWith(":") ? base.substring(0, base.length() - 1) : base,
                new HybridSchedule(p, gamma), context.rule(feedback), context.rule("bp"), bpStep);
    }
}
