package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.rules.feedback.FeedbackBlocks;
import org.neurotile.neuron.rules.feedback.FixedFeedback;
import org.neurotile.neuron.rules.fp.FeedbackPropagation;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class FeedbackPropagationStepTest {
    private static final NetworkSpec NET = new NetworkSpec("t", 5, List.of(Dense.of(7, Activation.TANH),
            Dense.of(6, Activation.TANH), Dense.of(4, Activation.TANH), Dense.of(3, Activation.IDENTITY)));
    private static final double[] X = {0.3, -0.2, 0.9, 0.1, -0.7};

    private static double[][] deltas(int m) {
        Model model = Model.initial(NET, 7, Precision.FLOAT64);
        Feedback feedback = new FeedbackPropagation(4, m).feedback(NET, 7);
        return LearningStep.feedbackDeltas(model, feedback, ForwardPass.run(model, X, 2));
    }

    @Test
    void depthLGivesBpsDeltas() {
        Model model = Model.initial(NET, 7, Precision.FLOAT64);
        double[][] bp = LearningStep.backpropDeltas(model, ForwardPass.run(model, X, 2));
        double[][] fp = deltas(4);
        for (int l = 1; l <= 4; l++) {
            assertArrayEquals(bp[l], fp[l], "layer " + l);
        }
    }

    @Test
    void depthZeroHoldsDfasFeedback() {
        Feedback fp = new FeedbackPropagation(4, 0).feedback(NET, 7);
        Feedback dfa = FixedFeedback.dense(NET, FeedbackBlocks.directFeedback(4), 7);
        for (int l = 1; l < 4; l++) {
            assertArrayEquals(dfa.matrix(l), fp.matrix(l), "layer " + l);
            assertEquals(4, fp.sourceOf(l));
        }
    }

    @Test
    void layersBelowTheSourceFeedBackItsBpDelta() {
        // m = 2: layer 3 is bp, layers 1 and 2 use B_l delta_3.
        Model model = Model.initial(NET, 7, Precision.FLOAT64);
        ForwardPass pass = ForwardPass.run(model, X, 2);
        Feedback feedback = new FeedbackPropagation(4, 2).feedback(NET, 7);
        double[][] delta = LearningStep.feedbackDeltas(model, feedback, pass);
        double[][] bp = LearningStep.backpropDeltas(model, pass);
        assertArrayEquals(bp[3], delta[3]);
        assertNull(feedback.matrix(3));
        for (int l = 1; l <= 2; l++) {
            double[] b = feedback.matrix(l);
            assertEquals(NET.neurons(l) * 4, b.length);
            for (int i = 0; i < NET.neurons(l); i++) {
                double sum = 0;
                for (int j = 0; j < 4; j++) {
                    sum += b[i * 4 + j] * bp[3][j];
                }
                double derivative = Activation.TANH.derivative(pass.preActivations[l][i]);
                assertEquals(sum * derivative, delta[l][i], 1e-12, "layer " + l + " neuron " + i);
            }
        }
    }
}
