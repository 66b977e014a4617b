package org.neurotile.neuron.rules.fp;

import java.util.List;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleContext;
import org.neurotile.neuron.rules.RuleFamily;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.neuron.rules.RuleOptions;
import org.neurotile.neuron.rules.feedback.FeedbackInit;

/** fp: bp in the last m layers, dfa below them from the delta of the shallowest bp layer. */
public final class FeedbackPropagationFamily implements RuleFamily {

    @Override
    public List<RuleForm> forms() {
        return List.of(new RuleForm("fp", "fp:m=M[,init=crafton|uniform]", 80, 0xaec7e8, List.of("fp:m=2"), false));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        options.only("m", FeedbackInit.OPTION);
        int m = options.requiredInt("m", 0, Integer.MAX_VALUE,
                "the layers that use bp, counted from the output, e.g. fp:m=2");
        return new FeedbackPropagationRule(options.spec(), options.given(), m,
                FeedbackInit.option(options, FeedbackInit.SPARSE));
    }
}
