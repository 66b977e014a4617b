package org.neurotile.neuron.rules.hybrid;

import static org.neurotile.neuron.functional.DenseBlockFixture.NET;
import static org.neurotile.neuron.functional.DenseBlockFixture.assertWithinRounding;
import static org.neurotile.neuron.functional.DenseBlockFixture.block;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.functional.BatchGradient;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.BlasProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Workers;

/**
 * Split momentum's velocity updated in the gradient's product (a whole block's sums deferred under
 * products of no fixed order) stays within float32 rounding of the step from the sums, for bp
 * steps, feedback steps and the two in turn.
 */
class SplitMomentumInProductsTest {
    @ParameterizedTest
    @ValueSource(strings = {"bp", "feedback", "alternating"})
    void theStepInTheProductsStaysWithinFloat32RoundingOfTheStepFromTheSums(String kinds) {
        Model fused = Model.initial(NET, 3, Precision.FLOAT32);
        Model unfused = Model.initial(NET, 3, Precision.FLOAT32);
        SplitMomentum fusedSteps = new SplitMomentum(fused, true, 0.9, 0.3, Quantization.none());
        SplitMomentum unfusedSteps = new SplitMomentum(unfused, true, 0.9, 0.3, Quantization.none());
        try (Workers workers = Workers.of(1, BlasProducts.load());
             Workers split = Workers.of(3, 1, BlasProducts.load())) { // the fused side in ranges of rows
            for (int step = 0; step < 4; step++) {
                boolean backprop = kinds.equals("bp") || kinds.equals("alternating") && step % 2 == 0;
                fusedSteps.stepKind(backprop);
                unfusedSteps.stepKind(backprop);
                BatchGradient deferred = new BatchGradient(fused, split);
                deferred.add(block(fused, split), true);
                fusedSteps.step(fused, deferred, 0.5);
                BatchGradient now = new BatchGradient(unfused, workers);
                now.add(block(unfused, workers));
                unfusedSteps.step(unfused, now, 0.5);
            }
        }
        assertWithinRounding(Model.initial(NET, 3, Precision.FLOAT32), unfused, fused);
    }
}
