package org.neurotile.neuron.rules.cdfa;

import java.util.List;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleContext;
import org.neurotile.neuron.rules.RuleFamily;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.neuron.rules.RuleOptions;
import org.neurotile.neuron.rules.feedback.FeedbackInit;
import org.neurotile.neuron.rules.feedback.SignScale;

/**
 * cdfa: bp in the convolution layers, dfa or binary dfa ({@code fc=binary-dfa}) in the fully
 * connected layers above them (Han and Yoo, 2019).
 */
public final class ConvolutionalDfaFamily implements RuleFamily {
    /** The paper's aligned start first: the default. */
    private static final List<FeedbackInit> INITS = List.of(FeedbackInit.WEIGHTS_PRODUCT, FeedbackInit.CRAFTON,
            FeedbackInit.UNIFORM);

    @Override
    public List<RuleForm> forms() {
        return List.of(new RuleForm("cdfa", "cdfa[:fc=dfa|binary-dfa,init=weights-product|crafton|uniform,"
                + "scale=crafton|one]", 85, 0xbcbd22, List.of(), false));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        options.only("fc", FeedbackInit.OPTION, "scale");
        boolean binary = options.choice("fc", "dfa", List.of("dfa", "binary-dfa")).equals("binary-dfa");
        if (!binary && options.has("scale")) {
            throw options.invalid("option 'scale' is binary feedback's magnitude: it applies with fc=binary-dfa");
        }
        SignScale scale = SignScale.byId(options.choice("scale", SignScale.CRAFTON.id(),
                List.of(SignScale.CRAFTON.id(), SignScale.ONE.id())));
        return new ConvolutionalDfaRule(options.spec(), FeedbackInit.option(options, INITS),
                binary ? FeedbackEncoding.SIGN : FeedbackEncoding.DENSE, scale);
    }
}
