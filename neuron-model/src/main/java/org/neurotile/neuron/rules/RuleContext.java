package org.neurotile.neuron.rules;

/**
 * What a family may use while it creates a rule: the seed of the random streams that draw feedback
 * patterns, and the registry, for a rule built on another one (hybrid's feedback rule).
 */
public final class RuleContext {
    private final long seed;
    private final RuleRegistry registry;

    RuleContext(long seed, RuleRegistry registry) {
        this.seed = seed;
        this.registry = registry;
    }

    public long seed() {
        return seed;
    }

    /** Another rule from the registry, drawn from the same seed. */
    public LearningRule rule(String spec) {
        return registry.parse(spec, seed);
    }
}
