package org.neurotile.neuron.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.LearningStep;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.neuron.rules.bp.BackpropPlan;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.ExtensionLayer;
import org.neurotile.workloads.LayerShape;
import org.neurotile.workloads.NetworkSpec;

/** A layer kind defined in this test source set ({@link Diagonal}) runs through the step and the plans. */
class ExtensionLayerTest {
    /** 3 inputs, a dense layer of 4, a diagonal layer of 4, a dense output layer of 3. */
    private static final NetworkSpec NETWORK = new NetworkSpec("diagonal", 3, List.of(
            Dense.of(4, Activation.TANH), new Diagonal(4, Activation.TANH, true), Dense.of(3, Activation.IDENTITY)));
    private static final double[] INPUT = {0.5, -1.0, 2.0};

    @Test
    void theRegistryFindsTheKernelOfAKindDefinedOutsideTheBuiltIns() {
        LayerKernels kernels = LayerKernels.of(NETWORK);
        assertInstanceOf(DenseKernel.class, kernels.layer(1));
        assertInstanceOf(DiagonalKernel.class, kernels.layer(2));
        assertEquals(4, kernels.layer(2).shape().weights());
    }

    @Test
    void aKindWithoutAKernelIsRefusedWithItsName() {
        ExtensionLayer unknown = new ExtensionLayer() {
            @Override
            public String kind() {
                return "mystery";
            }

            @Override
            public Activation activation() {
                return Activation.RELU;
            }

            @Override
            public boolean trainable() {
                return true;
            }

            @Override
            public LayerShape shape(int inputs) {
                return new LayerShape(inputs, 2, 0, 0, 1, 1);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerKernels.kernel(unknown, unknown.shape(2)));
        assertTrue(e.getMessage().startsWith("no kernel for layer kind 'mystery'"), e.getMessage());
        assertTrue(e.getMessage().contains(DiagonalKernelProvider.class.getName()), e.getMessage());
    }

    @Test
    void theForwardPassComputesTheLayerWithItsKernel() {
        Model model = Model.initial(NETWORK, 7);
        ForwardPass pass = ForwardPass.run(model, INPUT, 1);
        double[] below = pass.activations(1);
        double[] w = model.weights(2);
        double[] h = pass.activations(2);
        assertEquals(4, w.length);
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.tanh(w[i] * below[i]), h[i], 1e-15);
        }
    }

    @Test
    void bpWithAdamTrainsThroughTheLayer() {
        Model model = Model.initial(NETWORK, 7);
        Optimizer adam = Optimizer.create(Optimizer.Settings.of(OptimizerCost.ADAM), model, true);
        double[] initial = model.weights(2);
        double before = ForwardPass.run(model, INPUT, 1).loss();
        for (int step = 0; step < 50; step++) {
            ForwardPass pass = ForwardPass.run(model, INPUT, 1);
            adam.step(model, pass, LearningStep.backpropDeltas(model, pass), 0.01);
        }
        double after = ForwardPass.run(model, INPUT, 1).loss();
        assertTrue(after < before, before + " -> " + after);
        assertFalse(Arrays.equals(initial, model.weights(2)), "the diagonal weights did not change");
    }

    @Test
    void thePlansCountWhatTheKernelSaysASliceCosts() {
        PlanOptions options = new PlanOptions(4, false, 0);
        // 40 bytes per tile: the dense layers take a unit per tile, the diagonal layer two
        Mapping mapping = Mapping.contiguous(NETWORK, StorageModel.weightsOnly(NETWORK, 4), 16, 40);
        assertEquals(2, mapping.placementsOf(2).size());
        TaskGraph graph = new TaskGraph();
        ForwardPlan forward = ForwardPlan.build(graph, mapping, options);
        BackpropPlan.build(graph, mapping, forward, options);
        assertEquals(4, sum(graph, Phase.FORWARD, 2, Category.MACS));
        assertEquals(4, sum(graph, Phase.UPDATE, 2, Category.WEIGHT_WRITES));
        assertEquals(4, sum(graph, Phase.ERROR, 2, Category.MACS)); // W_2^T delta_2: one product per unit
        assertEquals(4, sum(graph, Phase.ERROR, 1, Category.WORDS_MOVED)); // one partial per unit, not one per slice
        assertEquals(12, sum(graph, Phase.UPDATE, 1, Category.WEIGHT_WRITES));
    }

    private static long sum(TaskGraph graph, Phase phase, int layer, Category category) {
        long total = 0;
        for (int task = 0; task < graph.taskCount(); task++) {
            if (graph.phaseOf(task) == phase && graph.layerOf(task) == layer) {
                total += graph.countOf(task, category);
            }
        }
        return total;
    }
}
