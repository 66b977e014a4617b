package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.rules.feedback.BalancedErrorAssignment;
import org.neurotile.neuron.rules.feedback.FeedbackBlocks;
import org.neurotile.neuron.rules.feedback.FixedFeedback;
import org.neurotile.neuron.rules.feedback.SignScale;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.NetworkSpec;

class LearningStepTest {
    private static final double RATE = 0.1;

    private static NetworkSpec network(int input, List<Integer> hidden, int outputs, Activation activation) {
        List<Layer> layers = new ArrayList<>();
        for (int size : hidden) {
            layers.add(Dense.of(size, activation));
        }
        layers.add(Dense.of(outputs, Activation.IDENTITY));
        return new NetworkSpec("t", input, layers);
    }

    private static double[] input(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    /** bp's update is -rate times the gradient of the loss, checked by central differences. */
    @Property(tries = 40)
    void backpropFollowsTheGradientOfTheLoss(
            @ForAll @Size(min = 1, max = 2) List<@IntRange(min = 1, max = 6) Integer> hidden,
            @ForAll @IntRange(min = 1, max = 5) int inputs,
            @ForAll @IntRange(min = 2, max = 4) int outputs,
            @ForAll long seed) {
        NetworkSpec net = network(inputs, hidden, outputs, Activation.TANH);
        Model model = Model.initial(net, seed);
        double[] x = input(inputs, seed);
        int label = (int) Math.floorMod(seed, (long) outputs);
        Model stepped = model.copy();
        LearningStep.backprop(stepped, ForwardPass.run(stepped, x, label), RATE, true);
        double h = 1e-6;
        for (int l = 1; l <= net.layerCount(); l++) {
            for (int k = 0; k < model.weights[l].length(); k++) {
                Model plus = model.copy();
                Model minus = model.copy();
                plus.weights[l].set(k, plus.weights[l].get(k) + h);
                minus.weights[l].set(k, minus.weights[l].get(k) - h);
                double numeric = (ForwardPass.run(plus, x, label).loss() - ForwardPass.run(minus, x, label).loss()) / (2 * h);
                double step = (model.weights[l].get(k) - stepped.weights[l].get(k)) / RATE;
                assertEquals(numeric, step, 1e-6, "layer " + l + " weight " + k);
            }
        }
    }

    @Test
    void feedbackAlignmentWithTransposedWeightsIsBackprop() {
        NetworkSpec net = network(5, List.of(6, 4), 3, Activation.TANH);
        Model model = Model.initial(net, 3);
        double[] x = input(5, 3);
        int[] source = {0, 2, 3, 0};
        double[][] matrices = new double[4][];
        for (int l = 1; l <= 2; l++) {
            int rows = net.neurons(l);
            int columns = net.neurons(l + 1);
            matrices[l] = new double[rows * columns];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    matrices[l][i * columns + j] = model.weight(l + 1, j, i);
                }
            }
        }
        Model viaBackprop = model.copy();
        Model viaFeedback = model.copy();
        double[][] bp = LearningStep.backprop(viaBackprop, ForwardPass.run(viaBackprop, x, 1), RATE, true);
        double[][] fa = LearningStep.withFeedback(viaFeedback, Feedback.of(source, matrices),
                ForwardPass.run(viaFeedback, x, 1), RATE, true);
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(bp[l], fa[l], 1e-12);
            assertArrayEquals(viaBackprop.weights(l), viaFeedback.weights(l), 1e-12);
        }
    }

    @Test
    void blocksOfAllLayersAreDenseDfaAndBlocksOfOneAreFa() {
        NetworkSpec net = network(5, List.of(6, 4), 3, Activation.RELU);
        Feedback dfa = FixedFeedback.dense(net, FeedbackBlocks.directFeedback(3), 9);
        Feedback fa = FixedFeedback.dense(net, FeedbackBlocks.feedbackAlignment(3), 9);
        assertEquals(3, dfa.sourceOf(1));
        assertEquals(3, dfa.sourceOf(2));
        assertEquals(2, fa.sourceOf(1));
        assertEquals(6 * 3, dfa.matrix(1).length);
        assertEquals(6 * 4, fa.matrix(1).length);
    }

    @Test
    void sparseRowsHaveExactlyKNonZeros() {
        NetworkSpec net = network(5, List.of(12, 8), 4, Activation.RELU);
        Feedback sparse = FixedFeedback.sparse(net, BalancedErrorAssignment.of(net, 2, 0, 5), 2, 5);
        for (int l = 1; l <= 2; l++) {
            double[] b = sparse.matrix(l);
            for (int i = 0; i < net.neurons(l); i++) {
                int nonZeros = 0;
                for (int j = 0; j < 4; j++) {
                    nonZeros += b[i * 4 + j] != 0 ? 1 : 0;
                    assertTrue(Math.abs(b[i * 4 + j]) <= 1 / Math.sqrt(2));
                }
                assertEquals(2, nonZeros);
            }
        }
    }

    @Test
    void signFeedbackIsPlusOrMinusOne() {
        NetworkSpec net = network(5, List.of(6), 3, Activation.RELU);
        for (double v : FixedFeedback.signOfRandom(net, 1, SignScale.ONE).matrix(1)) {
            assertEquals(1, Math.abs(v));
        }
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsAfterTheStep() {
        NetworkSpec net = network(7, List.of(9), 3, Activation.SIGMOID);
        double[] x = input(7, 2);
        Model a = Model.initial(net, 4);
        Model b = Model.initial(net, 4);
        LearningStep.withFeedback(a, FixedFeedback.dense(net, FeedbackBlocks.directFeedback(2), 4), ForwardPass.run(a, x, 2),
                RATE, true);
        LearningStep.withFeedback(b, FixedFeedback.dense(net, FeedbackBlocks.directFeedback(2), 4), ForwardPass.run(b, x, 2),
                RATE, true);
        assertArrayEquals(a.weights(1), b.weights(1));
        assertArrayEquals(a.weights(2), b.weights(2));
    }

    @Test
    void dfaLowersTheLossOnTheSameExample() {
        NetworkSpec net = network(10, List.of(20), 4, Activation.TANH);
        Model model = Model.initial(net, 8);
        Feedback feedback = FixedFeedback.dense(net, FeedbackBlocks.directFeedback(2), 8);
        double[] x = input(10, 8);
        double before = ForwardPass.run(model, x, 3).loss();
        for (int i = 0; i < 20; i++) {
            LearningStep.withFeedback(model, feedback, ForwardPass.run(model, x, 3), RATE, true);
        }
        assertTrue(ForwardPass.run(model, x, 3).loss() < before / 2);
    }
}
