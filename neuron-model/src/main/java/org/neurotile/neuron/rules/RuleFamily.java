package org.neurotile.neuron.rules;

import java.util.List;

/**
 * A family of learning rules, found by {@link LearningRules} through {@link java.util.ServiceLoader}:
 * its package registers the implementation in
 * {@code META-INF/services/org.neurotile.neuron.rules.RuleFamily}. Implementations need a public
 * constructor without arguments.
 */
public interface RuleFamily {

    /** The names the family offers; no other family may claim one of them. */
    List<RuleForm> forms();

    /**
     * The rule {@code name} (one of {@link #forms()}) with the options given after its colon.
     * Unknown or invalid options are an {@link org.neurotile.sim.InvalidInputException} made by
     * {@code options}.
     */
    LearningRule create(String name, RuleOptions options, RuleContext context);
}
