package org.neurotile.neuron.rules.readout;

import java.util.List;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleContext;
import org.neurotile.neuron.rules.RuleFamily;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.neuron.rules.RuleOptions;

/**
 * A rule written by following docs/extending.md, in the test source set only: readout training,
 * where only the output layer learns (delta_L = e) and every hidden layer keeps its initial weights.
 * Registered in the test resources' META-INF/services file; nothing outside this package names it.
 */
public final class ReadoutFamily implements RuleFamily {

    @Override
    public List<RuleForm> forms() {
        return List.of(new RuleForm("test-readout", "test-readout", 1001, 0x5a5a5a, List.of(), false));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        options.only();
        return new ReadoutRule(name);
    }
}
