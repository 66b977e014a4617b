package org.neurotile.neuron.rules.feedback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;

/** The starts of fixed feedback: each convention's scale, and the aligned start's product. */
class FeedbackInitTest {
    private static final NetworkSpec MNIST = Workloads.resolve("mnist-fc"); // 784-400-10

    private static double[] matrix(String rule, NetworkSpec network, int layer) {
        return LearningRules.parse(rule, 3).feedback(network, Model.initial(network, 3), 3).orElseThrow()
                .matrix(layer);
    }

    private static double largest(double[] values) {
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    private static void assertBound(double bound, double[] values) {
        double largest = largest(values);
        assertTrue(largest <= bound && largest > 0.99 * bound, "largest entry " + largest + ", bound " + bound);
    }

    @Test
    void dfaDefaultsToTheSsdfaAuthorsScaleOfOneOverRootOfTheLayersWidth() {
        assertBound(1 / Math.sqrt(400), matrix("dfa", MNIST, 1));
    }

    @Test
    void dfaAtTheSpecsScaleUsesOneOverRootOfTheOutputs() {
        assertBound(1 / Math.sqrt(10), matrix("dfa:init=uniform", MNIST, 1));
    }

    @Test
    void theRandomConventionsDrawTheSameValuesScaled() {
        double[] crafton = matrix("dfa:init=crafton", MNIST, 1);
        double[] uniform = matrix("dfa:init=uniform", MNIST, 1);
        for (int k = 0; k < crafton.length; k++) {
            assertEquals(uniform[k] * Math.sqrt(10) / Math.sqrt(400), crafton[k], 1e-15);
        }
    }

    @Test
    void ssdfaDefaultsToTheAuthorsSparseScale() {
        assertBound(1 / Math.sqrt(400 / Math.sqrt(10 * 1)), nonZero(matrix("ssdfa", MNIST, 1)));
        assertBound(1, nonZero(matrix("ssdfa:init=uniform", MNIST, 1)));
    }

    @Test
    void sdfaAtTheAuthorsScaleUsesItsConnectionsPerNeuron() {
        assertBound(1 / Math.sqrt(400 / Math.sqrt(10 * 4)), nonZero(matrix("sdfa:k=4", MNIST, 1)));
        assertBound(1 / Math.sqrt(4), nonZero(matrix("sdfa:k=4,init=uniform", MNIST, 1)));
    }

    @Test
    void faDefaultsToOneOverRootOfTheReceivingLayer() {
        NetworkSpec net = new NetworkSpec("net", 30, List.of(Dense.of(200, Activation.RELU), Dense.of(50, Activation.RELU),
                Dense.of(10, Activation.IDENTITY)));
        assertBound(1 / Math.sqrt(200), matrix("fa", net, 1));
        assertBound(1 / Math.sqrt(50), matrix("fa", net, 2));
        assertBound(1 / Math.sqrt(50), matrix("fa:init=uniform", net, 1)); // n_{l+1}
    }

    @Test
    void theWeightsProductStartOfDfaIsTheTransposedProductOfTheDeeperLayers() {
        NetworkSpec net = new NetworkSpec("net", 5, List.of(Dense.of(4, Activation.RELU), Dense.of(3, Activation.RELU),
                Dense.of(2, Activation.IDENTITY)));
        Model model = Model.initial(net, 3);
        Feedback feedback = LearningRules.parse("dfa:init=weights-product", 3).feedback(net, model, 3).orElseThrow();
        double[] w2 = model.weights(2); // 3 x 4
        double[] w3 = model.weights(3); // 2 x 3
        double[] expected = new double[4 * 2]; // B_1 = (W_3 W_2)^T, 4 x 2
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 3; k++) {
                    expected[i * 2 + j] += w3[j * 3 + k] * w2[k * 4 + i];
                }
            }
        }
        assertArrayEquals(expected, feedback.matrix(1), 1e-15);
        double[] transposedW3 = {w3[0], w3[3], w3[1], w3[4], w3[2], w3[5]};
        assertArrayEquals(transposedW3, feedback.matrix(2), 0);
    }

    @Test
    void theWeightsProductStartOfFaIsTheTransposedNextLayer() {
        NetworkSpec net = new NetworkSpec("net", 5, List.of(Dense.of(4, Activation.RELU), Dense.of(3, Activation.RELU),
                Dense.of(2, Activation.IDENTITY)));
        Model model = Model.initial(net, 3);
        double[] b1 = LearningRules.parse("fa:init=weights-product", 3).feedback(net, model, 3).orElseThrow().matrix(1);
        double[] w2 = model.weights(2); // 3 x 4
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(w2[j * 4 + i], b1[i * 3 + j]);
            }
        }
    }

    @Test
    void binaryFeedbackDefaultsToTheSignsAtTheAuthorsDenseScale() {
        double magnitude = 1 / Math.sqrt(400);
        for (double v : matrix("binary-dfa", MNIST, 1)) {
            assertTrue(v == magnitude || v == -magnitude, "entry " + v);
        }
        for (double v : matrix("binary-dfa:scale=one", MNIST, 1)) {
            assertTrue(v == 1 || v == -1, "entry " + v);
        }
    }

    @Test
    void theScaleOfBinaryFeedbackKeepsItsSigns() {
        double[] crafton = matrix("binary-dfa:init=weights-product", MNIST, 1);
        double[] one = matrix("binary-dfa:init=weights-product,scale=one", MNIST, 1);
        for (int k = 0; k < one.length; k++) {
            assertEquals(Math.signum(one[k]), Math.signum(crafton[k]));
        }
    }

    @Test
    void sparseBinaryFeedbackUsesTheAuthorsSparseScale() {
        double magnitude = 1 / Math.sqrt(400 / Math.sqrt(10 * 2));
        for (double v : nonZero(matrix("binary-dfa:k=2", MNIST, 1))) {
            assertEquals(magnitude, Math.abs(v), 1e-15);
        }
    }

    @Test
    void anUnknownStartIsRefusedNamingTheValidOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LearningRules.parse("ssdfa:init=sign", 1));
        assertTrue(e.getMessage().contains("init=sign is not one of crafton, uniform"), e.getMessage());
    }

    private static double[] nonZero(double[] values) {
        return java.util.Arrays.stream(values).filter(v -> v != 0).toArray();
    }
}
