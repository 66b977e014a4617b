package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.BlasProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Products;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

/**
 * A whole minibatch's dense block under products of no fixed order keeps its weight sums until the
 * step: SGD then adds -lr/B times them straight into the weights, and any other reader gets the
 * sums the block would have added at once.
 */
class DeferredSumsTest {
    private static final NetworkSpec NET = new NetworkSpec("dense", 37, List.of(Dense.of(41, Activation.RELU),
            Dense.of(10, Activation.IDENTITY)));
    private static final int COUNT = 13;

    private static DenseBatch block(Model model, Workers workers) {
        Random random = new Random(5);
        DenseBatch batch = DenseBatch.of(model, workers, COUNT);
        int[] labels = new int[COUNT];
        for (int m = 0; m < COUNT; m++) {
            float[] values = new float[NET.inputSize()];
            for (int j = 0; j < values.length; j++) {
                values[j] = (float) random.nextGaussian();
            }
            setInput(batch, m, values);
            labels[m] = random.nextInt(10);
        }
        batch.forward(labels, COUNT);
        batch.deltas(Optional.empty());
        return batch;
    }

    @Test
    void aDeferredBlockGivesTheSumsOfABlockAddedAtOnce() {
        Model model = Model.initial(NET, 3, Precision.FLOAT32);
        try (Workers workers = Workers.of(2, BlasProducts.load())) {
            DenseBatch batch = block(model, workers);
            BatchGradient now = new BatchGradient(model, workers);
            now.add(batch);
            BatchGradient deferred = new BatchGradient(model, workers);
            deferred.add(batch, true);
            assertTrue(deferred.sumsDeferred(1));
            for (int l = 1; l <= NET.layerCount(); l++) {
                assertArrayEquals(now.floatWeightGradient(l), deferred.floatWeightGradient(l), "layer " + l);
                assertArrayEquals(now.biasGradient(l), deferred.biasGradient(l), "biases of layer " + l);
            }
        }
    }

    @Test
    void sgdAddsItsStepIntoTheWeightsWithinFloat32RoundingOfTheStepFromTheSums() {
        Model fused = Model.initial(NET, 3, Precision.FLOAT32);
        Model unfused = Model.initial(NET, 3, Precision.FLOAT32);
        try (Workers workers = Workers.of(1, BlasProducts.load())) {
            BatchGradient deferred = new BatchGradient(fused, workers);
            deferred.add(block(fused, workers), true);
            Optimizer.create(Optimizer.Settings.of(OptimizerCost.SGD), fused, true).step(fused, deferred, 0.5);
            BatchGradient now = new BatchGradient(unfused, workers);
            now.add(block(unfused, workers));
            Optimizer.create(Optimizer.Settings.of(OptimizerCost.SGD), unfused, true).step(unfused, now, 0.5);
            Model start = Model.initial(NET, 3, Precision.FLOAT32);
            for (int l = 1; l <= NET.layerCount(); l++) {
                double[] a = fused.weights(l);
                double[] b = unfused.weights(l);
                double[] w = start.weights(l);
                int moved = 0;
                for (int k = 0; k < a.length; k++) {
                    assertEquals(b[k], a[k], 1e-6 * (1 + Math.abs(b[k])), "layer " + l + ", weight " + k);
                    moved += a[k] != w[k] ? 1 : 0;
                }
                assertTrue(moved > a.length / 2, "the step moved the weights of layer " + l);
                assertArrayEquals(unfused.biases(l), fused.biases(l), "biases of layer " + l);
            }
        }
    }

    @Test
    void theFixedOrderSumsEveryBlockAtOnce() {
        Model model = Model.initial(NET, 3, Precision.FLOAT32);
        try (Workers workers = Workers.of(1, Products.FIXED_ORDER)) {
            BatchGradient gradient = new BatchGradient(model, workers);
            gradient.add(block(model, workers), true);
            assertFalse(gradient.sumsDeferred(1));
        }
    }

    /** Example m's input, into the batch's inputs stored by unit. */
    private static void setInput(DenseBatch batch, int m, float[] values) {
        for (int j = 0; j < values.length; j++) {
            batch.inputs()[j * COUNT + m] = values[j];
        }
    }
}
