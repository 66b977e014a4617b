package org.neurotile.neuron.rules.bp;

import java.util.List;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleContext;
import org.neurotile.neuron.rules.RuleFamily;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.neuron.rules.RuleOptions;

/** bp, with the weight reads of its error and update phases separate (default) or shared. */
public final class BackpropFamily implements RuleFamily {

    @Override
    public List<RuleForm> forms() {
        return List.of(new RuleForm("bp", "bp[:reads=separate|shared]", 10, 0x1f77b4, List.of("bp"), true));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        options.only("reads");
        String reads = options.choice("reads", "separate", List.of("separate", "shared"));
        return new BackpropRule(options.spec(), reads.equals("shared")
                ? BackpropPlan.WeightReads.SHARED : BackpropPlan.WeightReads.SEPARATE);
    }
}
