package org.neurotile.neuron.rules.cdfa;

import java.util.List;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleContext;
import org.neurotile.neuron.rules.RuleFamily;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.neuron.rules.RuleOptions;
import org.neurotile.neuron.rules.feedback.FeedbackInit;

/** cdfa: bp in the convolution layers, dfa in the fully connected layers above them (Han and Yoo, 2019). */
public final class ConvolutionalDfaFamily implements RuleFamily {
    /** The paper's aligned start first: the default. */
    private static final List<FeedbackInit> INITS = List.of(FeedbackInit.WEIGHTS_PRODUCT, FeedbackInit.CRAFTON,
            FeedbackInit.UNIFORM);

    @Override
    public List<RuleForm> forms() {
        return List.of(new RuleForm("cdfa", "cdfa[:init=weights-product|crafton|uniform]", 85, 0xbcbd22, List.of(),
                false));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        options.only(FeedbackInit.OPTION);
        return new ConvolutionalDfaRule(options.spec(), FeedbackInit.option(options, INITS));
    }
}
