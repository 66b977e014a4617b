package org.neurotile.neuron.rules.bp;

import java.util.Optional;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.SliceCost;
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

/**
 * bp on the chip: the tiles keep only their weights (bp feeds back the forward weights) and run
 * {@link BackpropPlan}; its closed form holds on the memory-bound processor.
 */
public record BackpropRule(String spec, BackpropPlan.WeightReads weightReads) implements LearningRule {

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
    public void planBackward(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        BackpropPlan.build(graph, mapping, forward, weightReads, options);
    }

    @Override
    public Optional<ClosedForm> closedForm(NetworkSpec network, ChipKind chip) {
        return chip == ChipKind.PROCESSOR ? Optional.of(onProcessor(network)) : Optional.empty();
    }

    /**
     * bp on a memory-bound processor: reads |W| + |A|, writes |W|, MACs 2 |W| (the update's and
     * W^T delta's, as each layer's kernel gives them: for a convolution the weight gradient as a
     * correlation, H_out W_out C_out k^2 C_in / groups, and the rotated kernel's propagation,
     * H_out W_out C_out k^2 C_in / groups, and a residual projection's share of both, where a dense
     * layer has |W| each), words moved
     * |W| + |A| + the errors of the next layer, where |A| is the activations of the trained layers'
     * neurons (sum of n_l) and the errors of the next layer are the deltas each trained layer
     * receives (n_{l+1}; e for the output layer: n_L).
     */
    public static ClosedForm onProcessor(NetworkSpec network) {
        long weights = 0;
        long activations = 0;
        long errors = 0;
        long propagation = 0;
        long gradient = 0;
        LayerKernels kernels = LayerKernels.of(network);
        int layers = network.layerCount();
        for (int l = 1; l <= layers; l++) {
            if (!network.layer(l).trainable()) {
                continue;
            }
            SliceCost layer = kernels.layer(l).whole();
            weights += layer.weights();
            gradient += layer.gradientMacs();
            propagation += layer.propagationMacs();
            activations += layer.units();
            errors += l < layers ? network.neurons(l + 1) : network.neurons(l);
        }
        return new ClosedForm(weights + activations, weights, gradient + propagation, weights + activations + errors);
    }
}
