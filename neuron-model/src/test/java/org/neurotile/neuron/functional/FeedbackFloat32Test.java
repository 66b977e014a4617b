package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Weights;

/** A minibatch's float32 view of B_l: made once for fixed feedback, following B_l where a rule learns it. */
class FeedbackFloat32Test {
    private static Feedback feedback() {
        return Feedback.of(new int[] {0, 2, 0}, new double[][] {null, {0.5, -0.25, 1.0 / 3}, null});
    }

    @Test
    void fixedFeedbackIsConvertedOnceAndRoundedToFloat32() {
        Feedback feedback = feedback();
        Weights b = feedback.float32(1);
        assertSame(b, feedback.float32(1));
        assertEquals((float) (1.0 / 3), b.get(2));
    }

    @Test
    void aMatrixARuleLearnsIsSeenAfterEachChange() {
        Feedback feedback = feedback();
        feedback.float32(1);
        double[] live = feedback.liveMatrix(1);
        live[0] = 2;
        assertEquals(2, feedback.float32(1).get(0));
        live[0] = 3;
        assertEquals(3, feedback.float32(1).get(0));
    }

    @Test
    void matricesRestoredInPlaceAreSeen() {
        Feedback feedback = feedback();
        feedback.float32(1);
        feedback.matrices[1][1] = 7;
        feedback.matricesWritten();
        assertEquals(7, feedback.float32(1).get(1));
    }
}
