package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Precision;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.LayerShape;
import org.neurotile.workloads.NetworkSpec;

class WeightInitTest {
    private static final LayerShape SHAPE = new LayerShape(300, 100, 30_000, 30_000, 300, 100);
    private static final NetworkSpec NET = new NetworkSpec("net", 300, List.of(Dense.of(100, Activation.RELU),
            Dense.of(10, Activation.IDENTITY)));

    @Test
    void eachConventionHasItsPublishedBound() {
        assertEquals(1 / Math.sqrt(300), WeightInit.UNIFORM_FAN_IN.bound(SHAPE, Activation.RELU), 1e-15);
        assertEquals(Math.sqrt(6.0 / 300), WeightInit.HE.bound(SHAPE, Activation.RELU), 1e-15);
        assertEquals(Math.sqrt(6.0 / 400), WeightInit.XAVIER.bound(SHAPE, Activation.TANH), 1e-15);
        assertEquals(Math.sqrt(3.0 / 300), WeightInit.LECUN.bound(SHAPE, Activation.TANH), 1e-15);
        assertEquals(0, WeightInit.ZEROS.bound(SHAPE, Activation.TANH));
    }

    @Test
    void byActivationIsHeForReluAndXavierOtherwise() {
        assertEquals(WeightInit.HE.bound(SHAPE, Activation.RELU), WeightInit.BY_ACTIVATION.bound(SHAPE, Activation.RELU));
        assertEquals(WeightInit.XAVIER.bound(SHAPE, Activation.TANH),
                WeightInit.BY_ACTIVATION.bound(SHAPE, Activation.TANH));
        assertEquals(WeightInit.XAVIER.bound(SHAPE, Activation.IDENTITY),
                WeightInit.BY_ACTIVATION.bound(SHAPE, Activation.IDENTITY));
    }

    @Test
    void theConventionsScaleTheSameDraws() {
        Model uniform = Model.initial(NET, 5, Precision.FLOAT64, WeightInit.UNIFORM_FAN_IN);
        Model he = Model.initial(NET, 5, Precision.FLOAT64, WeightInit.HE);
        double[] a = uniform.weights(1);
        double[] b = he.weights(1);
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k] * Math.sqrt(6), b[k], 1e-15);
        }
    }

    @Test
    void theWeightsStayWithinTheBoundAndReachIt() {
        double bound = WeightInit.HE.bound(SHAPE, Activation.RELU);
        double largest = 0;
        for (double w : Model.initial(NET, 5, Precision.FLOAT64, WeightInit.HE).weights(1)) {
            largest = Math.max(largest, Math.abs(w));
        }
        assertTrue(largest <= bound && largest > 0.99 * bound, "largest " + largest);
    }

    @Test
    void zerosStartsEveryWeightAtPositiveZero() {
        for (double w : Model.initial(NET, 5, Precision.FLOAT32, WeightInit.ZEROS).weights(2)) {
            assertEquals(0, Double.doubleToRawLongBits(w));
        }
    }

    @Test
    void anUnknownConventionIsOneLineNamingTheOptionAndTheValidOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> WeightInit.parse("kaiming", "--init"));
        assertEquals("--init must be one of by-activation, uniform-fan-in, he, xavier, lecun, zeros, got 'kaiming'",
                e.getMessage());
    }
}
