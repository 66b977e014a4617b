package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.train.FunctionalStep;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class PrecisionTest {
    private static final NetworkSpec NET = new NetworkSpec("t", 30,
            List.of(Dense.of(20, Activation.TANH), Dense.of(5, Activation.IDENTITY)));

    private static double[] input(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[NET.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }

    private static FunctionalStep step(Precision precision, boolean backprop) {
        Model model = Model.initial(NET, 3, precision);
        return FunctionalStep.run(model, LearningRules.parse(backprop ? "bp" : "dfa", 3), 3, input(5), 2, 0.05, true);
    }

    @Test
    void float32StepLeavesOnlyFloat32Values() {
        for (boolean backprop : new boolean[] {true, false}) {
            FunctionalStep step = step(Precision.FLOAT32, backprop);
            for (int l = 1; l <= NET.layerCount(); l++) {
                for (double w : step.after().weights(l)) {
                    assertEquals(w, (float) w, 0.0);
                }
                for (double b : step.after().biases(l)) {
                    assertEquals(b, (float) b, 0.0);
                }
            }
        }
    }

    @Test
    void float32ForwardPassEqualsJavaFloatArithmeticInTheDocumentedOrder() {
        Model model = Model.initial(NET, 3, Precision.FLOAT32);
        double[] x = input(5);
        ForwardPass pass = ForwardPass.run(model, x, 2);
        float[] h = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            h[j] = (float) x[j];
        }
        for (int l = 1; l <= NET.layerCount(); l++) {
            double[] w = model.weights(l);
            float[] next = new float[NET.neurons(l)];
            for (int i = 0; i < next.length; i++) {
                float[] lanes = new float[Precision.LANES];
                for (int j = 0; j < h.length; j++) {
                    lanes[j % Precision.LANES] += (float) w[i * h.length + j] * h[j];
                }
                float sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]))
                        + (float) model.biases(l)[i];
                assertEquals(sum, pass.preActivation(l, i), 0.0, "layer " + l + " neuron " + i);
                next[i] = l == NET.layerCount() ? sum : (float) Math.tanh(sum);
            }
            h = next;
        }
    }

    @Test
    void float32StepIsCloseToFloat64ButNotEqual() {
        FunctionalStep single = step(Precision.FLOAT32, false);
        FunctionalStep dbl = step(Precision.FLOAT64, false);
        double[] a = single.after().weights(1);
        double[] b = dbl.after().weights(1);
        boolean differs = false;
        for (int k = 0; k < a.length; k++) {
            assertEquals(b[k], a[k], 1e-6 * Math.max(1, Math.abs(b[k])));
            differs |= a[k] != b[k];
        }
        assertNotEquals(false, differs, "float32 rounding changed nothing: it is not applied");
    }

    @Test
    void unknownPrecisionNamesTheValidOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Precision.byName("half"));
        assertEquals("unknown precision 'half' (valid: float32, float64)", e.getMessage());
    }
}
