package org.neurotile.neuron.rules.convdfa;

import java.util.List;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleContext;
import org.neurotile.neuron.rules.RuleFamily;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.neuron.rules.RuleOptions;
import org.neurotile.neuron.rules.feedback.FeedbackInit;

/** conv-dfa: modules of dfa with convolutional feedback between them (Han et al., extended DFA). */
public final class ConvDfaFamily implements RuleFamily {
    /** Crafton-like first: the default. */
    private static final List<FeedbackInit> INITS = List.of(FeedbackInit.CRAFTON, FeedbackInit.UNIFORM);

    @Override
    public List<RuleForm> forms() {
        return List.of(new RuleForm("conv-dfa",
                "conv-dfa[:modules=M,kernel=K,dilation=D,groups=G,sign=true|false,init=crafton|uniform]", 87, 0x393b79,
                List.of(), false));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        options.only("modules", "kernel", "dilation", "groups", "sign", FeedbackInit.OPTION);
        ConvFeedbackShape shape = ConvFeedbackShape.option(options);
        boolean sign = options.choice("sign", "false", List.of("true", "false")).equals("true");
        return new ConvDfaRule(options.spec(), options.given(), ModuleOption.option(options), shape, sign,
                FeedbackInit.option(options, INITS));
    }
}
