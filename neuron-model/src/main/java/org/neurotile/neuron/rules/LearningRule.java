package org.neurotile.neuron.rules;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.workloads.NetworkSpec;

/**
 * A learning rule as the chip sees it: what its tiles store, which errors its neurons use, and its
 * communication plan for the error and update phases. The forward pass is the same for every rule.
 */
public interface LearningRule {

    /** The rule as given, with its options, e.g. {@code sdfa:k=4}. */
    String spec();

    StorageModel storage(NetworkSpec network, int wordBytes);

    /** The output errors each hidden neuron uses, for rules fed back from the output error. */
    Optional<ErrorAssignment> errorAssignment(NetworkSpec network);

    /**
     * The rule's fixed feedback matrices for the values of a step, drawn from {@code seed} (and, for
     * an aligned start, the initial weights); empty for bp, which feeds back the forward weights.
     */
    Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed);

    /**
     * What the rule brings to a run of training steps: by default its fixed {@link #feedback} (none:
     * bp's deltas) and the optimizer the run chose.
     */
    default RuleTraining training(RuleTraining.Run run) {
        return RuleTraining.fixed(this, run);
    }

    /**
     * Refuses, with one line naming the rule and the layer, a network with a kind of layer whose
     * arithmetic the rule does not have (e.g. a rule that multiplies dense weight matrices, on a
     * convolution); every kind is accepted by default.
     */
    default void requireSupported(NetworkSpec network) {
    }

    /**
     * Refuses, in one line naming the rule and the mappings it is modelled under, a mapping whose
     * cut its plan does not count (e.g. units in blocked order); every mapping is accepted by default.
     */
    default void requireSupported(Mapping mapping) {
    }

    /** For a rule whose steps are of two kinds drawn per step, how they mix; empty for the others. */
    default Optional<StepMix> stepMix() {
        return Optional.empty();
    }

    /** What the rule's update costs when a run asks for {@code chosen}: hybrid brings its own optimizer. */
    default OptimizerCost optimizer(OptimizerCost chosen) {
        return chosen;
    }

    /** Adds the error and update phases to a graph that holds the forward pass. */
    void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options);

    /**
     * The spec's closed form of the backward pass, where it has one for this rule on this kind of
     * chip: the dfa family on the spatial array, bp on the memory-bound processor.
     */
    default Optional<ClosedForm> closedForm(NetworkSpec network, ChipKind chip) {
        return Optional.empty();
    }
}
