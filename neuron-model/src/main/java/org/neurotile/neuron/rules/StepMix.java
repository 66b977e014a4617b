package org.neurotile.neuron.rules;

import org.neurotile.sim.random.RandomStreams;

/**
 * A rule whose training steps are of two kinds, the kind drawn per step from the run's seed (hybrid:
 * a bp step with probability p, else a feedback step). One simulated example is one kind of step;
 * training reports the cost of the other kind beside it and mixes the two in the proportion drawn.
 */
public interface StepMix {

    /** The same rule simulating the other kind of step. */
    LearningRule otherStep();

    /** The other kind's name in output, e.g. {@code bp}. */
    String otherStepName();

    /** The probability of the other kind per step, as the rule's options give it. */
    double otherStepProbability();

    /** How the steps of {@code epoch} fell for {@code examples} examples in minibatches of {@code batch}. */
    Drawn drawn(RandomStreams streams, int epoch, int examples, int batch);

    /** How many steps drew the other kind, and how many examples they held. */
    record Drawn(long otherSteps, long otherExamples) {
    }
}
