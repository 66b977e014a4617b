package org.neurotile.neuron.rules;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.neurotile.neuron.math.Feedback;
import org.neurotile.neuron.math.Model;
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
 * A rule that needs no error assignment: its storage, its plan, and its closed form on the
 * processor where the spec gives one.
 */
record PlannedRule(String spec, BiFunction<NetworkSpec, Integer, StorageModel> storageModel, Planner planner,
                   FeedbackFactory feedbackFactory, Function<NetworkSpec, ClosedForm> processorClosedForm)
        implements LearningRule {

    PlannedRule(String spec, BiFunction<NetworkSpec, Integer, StorageModel> storageModel, Planner planner,
                FeedbackFactory feedbackFactory) {
        this(spec, storageModel, planner, feedbackFactory, null);
    }

    /** Draws a rule's feedback matrices; null for bp. */
    @FunctionalInterface
    interface FeedbackFactory {
        Feedback create(NetworkSpec network, Model initial, long seed);
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
    public Optional<ClosedForm> closedForm(NetworkSpec network, ChipKind chip) {
        return chip == ChipKind.PROCESSOR && processorClosedForm != null
                ? Optional.of(processorClosedForm.apply(network)) : Optional.empty();
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        return feedbackFactory == null ? Optional.empty()
                : Optional.of(feedbackFactory.create(network, initial, seed));
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        planner.plan(graph, mapping, forward, options);
    }
}
