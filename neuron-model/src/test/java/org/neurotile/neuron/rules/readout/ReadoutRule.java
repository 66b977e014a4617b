package org.neurotile.neuron.rules.readout;

import java.util.List;
import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.PlanSteps;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleTraining;
import org.neurotile.workloads.NetworkSpec;

/**
 * Readout training: delta_L = e, no hidden delta. Storage: the forward weights only. Plan: the output
 * tiles get their slice of e from the output task and update; no hidden tile has an error or update
 * task. Closed form on the tile array (no biases): reads |W_L|, writes |W_L|, MACs |W_L|, words
 * moved n_L.
 */
record ReadoutRule(String spec) implements LearningRule {

    @Override
    public StorageModel storage(NetworkSpec network, int wordBytes) {
        return StorageModel.weightsOnly(network, wordBytes);
    }

    @Override
    public Optional<ErrorAssignment> errorAssignment(NetworkSpec network) {
        return Optional.empty();
    }

    @Override
    public Optional<Feedback> feedback(NetworkSpec network, Model initial, long seed) {
        return Optional.empty();
    }

    @Override
    public RuleTraining training(RuleTraining.Run run) {
        Optimizer optimizer = run.chosenOptimizer();
        return new RuleTraining() {
            @Override
            public Optional<Feedback> feedback() {
                return Optional.empty();
            }

            @Override
            public double[][] deltas(Model model, ForwardPass pass, StepKind kind, Quantization q) {
                double[][] delta = new double[model.network().layerCount() + 1][];
                delta[model.network().layerCount()] = pass.outputError();
                return delta;
            }

            @Override
            public Optimizer optimizer() {
                return optimizer;
            }
        };
    }

    @Override
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        int output = mapping.network().layerCount();
        List<Placement> placements = mapping.placements();
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            if (p.layer() == output && mapping.network().layer(output).trainable()) {
                int delta = PlanSteps.outputDelta(graph, p, forward.forwardTask(i), forward.outputTask(), true);
                PlanSteps.update(graph, mapping.network(), p, delta, false, options);
            }
        }
    }

    @Override
    public Optional<ClosedForm> closedForm(NetworkSpec network, ChipKind chip) {
        if (chip != ChipKind.TILE_ARRAY) {
            return Optional.empty();
        }
        int output = network.layerCount();
        long weights = network.layer(output).trainable() ? LayerKernels.of(network).layer(output).whole().weights() : 0;
        long errors = network.layer(output).trainable() ? network.outputs() : 0;
        return Optional.of(new ClosedForm(weights, weights, weights, errors));
    }
}
