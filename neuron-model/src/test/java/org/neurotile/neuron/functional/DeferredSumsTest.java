package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurotile.neuron.functional.DenseBlockFixture.NET;
import static org.neurotile.neuron.functional.DenseBlockFixture.assertWithinRounding;
import static org.neurotile.neuron.functional.DenseBlockFixture.block;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.math.BlasProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Products;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;

/**
 * A whole minibatch's dense block under products of no fixed order keeps its weight sums until the
 * step: SGD then adds -lr/B times them straight into the weights, momentum adds 1/B times them to
 * mu times its velocities, and any other reader gets the sums the block would have added at once.
 */
class DeferredSumsTest {
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

    /** Three steps, each from a whole block's deferred sums or from the sums themselves. */
    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum"})
    void anOptimizerThatStepsInTheProductsStaysWithinFloat32RoundingOfItsStepFromTheSums(String optimizer) {
        Model fused = Model.initial(NET, 3, Precision.FLOAT32);
        Model unfused = Model.initial(NET, 3, Precision.FLOAT32);
        Optimizer.Settings settings = Optimizer.Settings.of(OptimizerCost.byName(optimizer));
        try (Workers workers = Workers.of(1, BlasProducts.load());
             Workers split = Workers.of(3, 1, BlasProducts.load())) { // the fused side in ranges of rows
            Optimizer fusedSteps = Optimizer.create(settings, fused, true);
            Optimizer unfusedSteps = Optimizer.create(settings, unfused, true);
            for (int step = 0; step < 3; step++) {
                BatchGradient deferred = new BatchGradient(fused, split);
                deferred.add(block(fused, split), true);
                assertTrue(deferred.sumsDeferred(1));
                fusedSteps.step(fused, deferred, 0.5);
                BatchGradient now = new BatchGradient(unfused, workers);
                now.add(block(unfused, workers));
                unfusedSteps.step(unfused, now, 0.5);
            }
        }
        assertWithinRounding(Model.initial(NET, 3, Precision.FLOAT32), unfused, fused);
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
}
