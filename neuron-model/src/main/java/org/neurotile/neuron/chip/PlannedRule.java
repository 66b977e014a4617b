package org.neurotile.neuron.chip;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.neurotile.workloads.NetworkSpec;

/**
 * A rule that needs no error assignment: its storage, its plan, and its closed form on the
 * processor where the spec gives one.
 */
record PlannedRule(String spec, BiFunction<NetworkSpec, Integer, StorageModel> storageModel, Planner planner,
                   Function<NetworkSpec, ClosedForm> processorClosedForm) implements ChipRule {

    PlannedRule(String spec, BiFunction<NetworkSpec, Integer, StorageModel> storageModel, Planner planner) {
        this(spec, storageModel, planner, null);
    }

    /** Adds a rule's error and update phases. */
    @FunctionalInterface
    interface Planner {
        void plan(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options);
    }

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        return storageModel.apply(network, wordBytes);
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return Optional.empty();
    }

    @Override
    public Optional<ClosedForm> closedForm(NetworkSpec network, boolean onProcessor) {
        return onProcessor && processorClosedForm != null
                ? Optional.of(processorClosedForm.apply(network)) : Optional.empty();
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        planner.plan(graph, mapping, forward, options);
    }
}
