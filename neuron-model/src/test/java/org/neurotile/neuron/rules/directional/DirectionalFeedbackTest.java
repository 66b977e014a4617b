package org.neurotile.neuron.rules.directional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.train.Alignment;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class DirectionalFeedbackTest {
    private static final NetworkSpec LINEAR = new NetworkSpec("t", 4, List.of(Dense.of(6, Activation.IDENTITY),
            Dense.of(3, Activation.IDENTITY)));
    private static final double[] X = {0.5, -1, 0.25, 2};

    @Test
    void theFeedbackStartsAtZero() {
        Feedback feedback = DirectionalFeedback.initial(LINEAR);
        assertArrayEquals(new double[6 * 3], feedback.matrix(1));
        assertEquals(2, feedback.sourceOf(1));
    }

    @Test
    void oneStepFromZeroIsAlphaTimesTheOuterProductOfVAndDL() {
        Model model = Model.initial(LINEAR, 3, Precision.FLOAT64);
        Feedback feedback = DirectionalFeedback.initial(LINEAR);
        double[] d = new DirectionalFeedback(0.5).learn(model, ForwardPass.run(model, X, 1), feedback,
                new RandomStreams(9).stream("v"));
        double[] b = feedback.matrix(1);
        // B = 0.5 v d^T: row i is 0.5 v_i d, and d = W_2 v for a linear network with one hidden layer.
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) {
            v[i] = b[i * 3] / (0.5 * d[0]);
            for (int j = 0; j < 3; j++) {
                assertEquals(0.5 * v[i] * d[j], b[i * 3 + j], 1e-12);
            }
        }
        double[] w2 = model.weights(2);
        for (int j = 0; j < 3; j++) {
            double sum = 0;
            for (int i = 0; i < 6; i++) {
                sum += w2[j * 6 + i] * v[i];
            }
            assertEquals(sum, d[j], 1e-12);
        }
    }

    @Test
    void theFeedbackTendsToTheTransposedForwardPath() {
        Model model = Model.initial(LINEAR, 3, Precision.FLOAT64);
        Feedback feedback = DirectionalFeedback.initial(LINEAR);
        DirectionalFeedback rule = new DirectionalFeedback(0.002);
        RandomStreams streams = new RandomStreams(4);
        ForwardPass pass = ForwardPass.run(model, X, 1);
        for (int step = 0; step < 5000; step++) {
            rule.learn(model, pass, feedback, streams.stream(DirectionalFeedback.streamName(1, step)));
        }
        double[] w2 = model.weights(2);
        double[] transposed = new double[6 * 3];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 3; j++) {
                transposed[i * 3 + j] = w2[j * 6 + i];
            }
        }
        double angle = Alignment.angleDegrees(feedback.matrix(1), transposed);
        assertTrue(angle < 10, "B_1 is " + angle + " degrees from W_2^T");
    }

    @Test
    void theDirectionsComeFromTheStream() {
        Model model = Model.initial(LINEAR, 3, Precision.FLOAT64);
        ForwardPass pass = ForwardPass.run(model, X, 1);
        Feedback a = DirectionalFeedback.initial(LINEAR);
        Feedback b = DirectionalFeedback.initial(LINEAR);
        Feedback c = DirectionalFeedback.initial(LINEAR);
        DirectionalFeedback rule = new DirectionalFeedback(0.1);
        rule.learn(model, pass, a, new RandomStreams(1).stream("x"));
        rule.learn(model, pass, b, new RandomStreams(1).stream("x"));
        rule.learn(model, pass, c, new RandomStreams(2).stream("x"));
        assertArrayEquals(a.matrix(1), b.matrix(1));
        assertNotEquals(a.matrix(1)[0], c.matrix(1)[0]);
    }
}
