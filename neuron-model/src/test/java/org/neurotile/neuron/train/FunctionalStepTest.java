package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class FunctionalStepTest {
    private static final NetworkSpec NET = new NetworkSpec("t", 5, List.of(Dense.of(7, Activation.TANH),
            Dense.of(3, Activation.IDENTITY)));
    private static final double[] X = {0.3, -0.2, 0.9, 0.1, -0.7};

    private static FunctionalStep step(String rule) {
        return FunctionalStep.run(Model.initial(NET, 4, Precision.FLOAT64), LearningRules.parse(rule, 4), 4, X, 1, 0.1,
                true);
    }

    private static double[] change(FunctionalStep step, int layer) {
        double[] before = step.before().weights(layer);
        double[] after = step.after().weights(layer);
        double[] change = new double[before.length];
        for (int k = 0; k < before.length; k++) {
            change[k] = after[k] - before[k];
        }
        return change;
    }

    @Test
    void aHybridFeedbackStepMovesTheWeightsByGammaTimesDfasStep() {
        FunctionalStep dfa = step("dfa");
        FunctionalStep hybrid = step("hybrid:p=0.5,gamma=0.25");
        for (int l = 1; l <= 2; l++) {
            double[] expected = change(dfa, l);
            double[] actual = change(hybrid, l);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(0.25 * expected[k], actual[k], 1e-12, "layer " + l);
            }
        }
    }

    @Test
    void aHybridBpStepIsBpsStep() {
        FunctionalStep bp = step("bp");
        FunctionalStep hybrid = step("hybrid:p=0.5,step=bp");
        assertArrayEquals(bp.deltas()[1], hybrid.deltas()[1], 1e-15);
        assertArrayEquals(bp.after().weights(1), hybrid.after().weights(1), 1e-12);
    }

    @Test
    void directionalDfaLearnsItsFeedbackOnTheStepAfterUsingIt() {
        FunctionalStep step = step("directional-dfa:alpha=0.5");
        double[] b = step.feedback().orElseThrow().matrix(1);
        double sum = 0;
        for (double v : b) {
            sum += Math.abs(v);
        }
        assertEquals(true, sum > 0, "B_1 has left zero");
        // the step's deltas go through B_1 as it was before the step's directions: zero
        assertArrayEquals(new double[7], step.deltas()[1]);
    }
}
