package org.neurotile.neuron.rules.hybrid;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.RuleTraining;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.random.RandomStreams;

/**
 * Hybrid dfa in training: each step's kind is drawn from the schedule (the one simulated step takes
 * the kind its spec names), a bp step has bp's deltas and a feedback step the feedback rule's, and
 * both are applied with split momentum, mu from the run's momentum (0 for the simulated step, from
 * zero velocities, so a feedback step moves the weights by gamma lr g).
 */
final class HybridTraining implements RuleTraining {
    private final HybridRule rule;
    private final boolean simulatedStep;
    private final Optional<Feedback> feedback;
    private final SplitMomentum optimizer;

    HybridTraining(HybridRule rule, Run run) {
        this.rule = rule;
        this.simulatedStep = run.simulatedStep();
        this.feedback = run.feedback(rule);
        if (!simulatedStep && !run.optimizer().kind().equals(OptimizerCost.MOMENTUM)) {
            throw new InvalidInputException("rule " + rule.spec() + " keeps split momentum: use "
                    + "--optimizer momentum (mu from --momentum), not " + run.optimizer().kind().id());
        }
        this.optimizer = new SplitMomentum(run.initial(), run.biases(), simulatedStep ? 0 : run.optimizer().momentum(),
                rule.schedule().gamma(), run.quantization());
    }

    @Override
    public Optional<Feedback> feedback() {
        return feedback;
    }

    @Override
    public StepKind beginStep(RandomStreams streams, int epoch, int step) {
        boolean backprop = simulatedStep ? rule.backpropStep() : rule.schedule().backpropStep(streams, epoch, step);
        optimizer.stepKind(backprop);
        return backprop ? StepKind.BACKPROP : StepKind.RULE;
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    /** Its steps differ only in kind, drawn per step; the deltas have no hook per example. */
    @Override
    public boolean batchesDeltas() {
        return true;
    }
}
