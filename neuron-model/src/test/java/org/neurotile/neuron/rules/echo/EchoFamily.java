package org.neurotile.neuron.rules.echo;

import java.util.List;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleContext;
import org.neurotile.neuron.rules.RuleFamily;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.neuron.rules.RuleOptions;

/**
 * A rule family that exists only in tests, registered in the test resources' service file: a rule
 * added as one package, with no edit anywhere else. It has no golden file, so no example.
 */
public final class EchoFamily implements RuleFamily {

    @Override
    public List<RuleForm> forms() {
        return List.of(new RuleForm("test-echo", "test-echo[:of=dfa|ssdfa]", 1000, 0x123456, List.of(), false));
    }

    @Override
    public LearningRule create(String name, RuleOptions options, RuleContext context) {
        options.only("of");
        String of = options.choice("of", "dfa", List.of("dfa", "ssdfa"));
        return new EchoRule(options.spec(), context.rule(of));
    }
}
