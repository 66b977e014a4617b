package org.neurotile.neuron.rules.echo;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.workloads.NetworkSpec;

/** Stores, feeds back and plans as the rule it echoes, under its own name. */
record EchoRule(String spec, LearningRule echoed) implements LearningRule {

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        return echoed.storage(network, wordBytes);
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return echoed.errorAssignment(network);
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        return echoed.feedback(network, initial, seed);
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        echoed.planBackward(graph, mapping, forward, options);
    }

    @Override
    public Optional<ClosedForm> closedForm(NetworkSpec network, ChipKind chip) {
        return echoed.closedForm(network, chip);
    }
}
