package org.neurotile.neuron.rules.directional;

import java.util.List;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleContext;
import org.neurotile.neuron.rules.RuleFamily;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.neuron.rules.RuleOptions;
import org.neurotile.sim.config.DoubleRange;

/** directional-dfa: dfa whose feedback is learned online from forward-mode directions. */
public final class DirectionalFamily implements RuleFamily {
    /**
     * The default feedback learning rate, per example: the order of the authors' (Adam at 1e-4 on the
     * mean of 64 examples' v_l d_L^T, which moves B_l by about 1e-5 of its distance to the mean per
     * example). At 0.001 the noise of B_l (variance alpha/2 E[d_L^2] per entry) matches its signal on
     * 800-unit layers, and plain SGD diverges there within an epoch; 1e-5 delays it, to epoch 5 on
     * mnist-3x800, without preventing it (see docs/initialisation.md).
     */
    public static final double DEFAULT_ALPHA = 1e-5;

    @Override
    public List<RuleForm> forms() {
        return List.of(new RuleForm("directional-dfa", "directional-dfa[:alpha=A,zero-product=compute|skip]", 90,
                0x7f7f7f, List.of("directional-dfa"), false));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        options.only("alpha", "zero-product");
        double alpha = options.doubleOr("alpha", DEFAULT_ALPHA, new DoubleRange(0, false, 1, true),
                "the feedback learning rate");
        boolean compute = options.choice("zero-product", "compute", List.of("compute", "skip")).equals("compute");
        return new DirectionalFeedbackRule(options.spec(), new DirectionalFeedback(alpha), compute,
                context.rule("dfa"));
    }
}
