package org.neurotile.neuron.rules.hybrid;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleTraining;
import org.neurotile.neuron.rules.StepMix;
import org.neurotile.neuron.rules.bp.BackpropPlan;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.workloads.NetworkSpec;

/**
 * Hybrid dfa on the chip: the tiles hold the feedback rule's storage (bp needs nothing more) and
 * split momentum's two state words per weight. One simulated example is one kind of step:
 * {@code backpropStep} plans bp's error phase and a split-momentum bp update, otherwise the feedback
 * rule's error phase and a split-momentum feedback update. Training mixes the two costs in the
 * proportion of the steps it drew.
 *
 * @param base the spec without the step option, e.g. {@code hybrid:p=0.1}
 * @param backpropRule bp as the registry gives it, whose plan a bp step runs
 */
public record HybridRule(String base, HybridSchedule schedule, LearningRule feedbackRule, LearningRule backpropRule,
                         boolean backpropStep) implements LearningRule {

    @Override
    public String spec() {
        return backpropStep ? base + (base.contains(":") ? "," : ":") + "step=bp" : base;
    }

    /** The same rule simulating the other kind of step, or this one. */
    public HybridRule step(boolean backprop) {
        return new HybridRule(base, schedule, feedbackRule, backpropRule, backprop);
    }

    @Override
    public void requireSupported(NetworkSpec network) {
        feedbackRule.requireSupported(network);
        backpropRule.requireSupported(network);
    }

    @Override
    public Optional<StepMix> stepMix() {
        HybridSchedule mix = schedule;
        return Optional.of(new StepMix() {
            @Override
            public LearningRule otherStep() {
                return step(true);
            }

            @Override
            public String otherStepName() {
                return "bp";
            }

            @Override
            public double otherStepProbability() {
                return mix.bpProbability();
            }

            @Override
            public Drawn drawn(RandomStreams streams, int epoch, int examples, int batch) {
                return mix.drawn(streams, epoch, examples, batch);
            }
        });
    }

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        return feedbackRule.storage(network, wordBytes);
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return feedbackRule.errorAssignment(network);
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        return feedbackRule.feedback(network, initial, seed);
    }

    @Override
    public RuleTraining training(RuleTraining.Run run) {
        return new HybridTraining(this, run);
    }

    @Override
    public OptimizerCost optimizer(OptimizerCost chosen) {
        return backpropStep ? SplitMomentum.BP_STEP_COST : SplitMomentum.DFA_STEP_COST;
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        if (backpropStep) {
            backpropRule.planBackward(graph, mapping, forward, options);
        } else {
            feedbackRule.planBackward(graph, mapping, forward, options);
        }
    }
}
