package org.neurotile.neuron.rules.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;

class LowRankFeedbackTest {

    private static NetworkSpec network(int hidden, int outputs) {
        return new NetworkSpec("t", 6, List.of(Dense.of(hidden, Activation.RELU), Dense.of(hidden, Activation.TANH),
                Dense.of(outputs, Activation.IDENTITY)));
    }

    private static Feedback feedback(String rule, NetworkSpec network, long seed) {
        return LearningRules.parse(rule, seed).feedback(network, Model.initial(network, seed), seed).orElseThrow();
    }

    @Test
    void sdfaOfRankTwoHasFeedbackOfRankTwoOnMnistFc() {
        NetworkSpec network = Workloads.resolve("mnist-fc");
        Feedback feedback = feedback("sdfa:k=5,rank=2", network, 1);
        for (int l = 1; l < network.layerCount(); l++) {
            assertEquals(2, Ranks.of(feedback.matrix(l), network.neurons(l), network.outputs()), "layer " + l);
        }
    }

    @Property(tries = 100)
    void theFeedbackHasTheRankAsked(@ForAll @IntRange(min = 1, max = 12) int outputs,
                                    @ForAll @IntRange(min = 1, max = 12) int k,
                                    @ForAll @IntRange(min = 1, max = 12) int rank,
                                    @ForAll @IntRange(min = 12, max = 40) int hidden,
                                    @ForAll long seed) {
        if (k > outputs || rank > outputs || rank * k < outputs) {
            return;
        }
        NetworkSpec network = network(hidden, outputs);
        Feedback feedback = feedback("sdfa:k=" + k + ",rank=" + rank, network, seed);
        for (int l = 1; l < network.layerCount(); l++) {
            assertEquals(rank, Ranks.of(feedback.matrix(l), hidden, outputs), "layer " + l);
        }
    }

    @Test
    void withoutARankTheRowsAreIndependent() {
        NetworkSpec network = Workloads.resolve("mnist-fc");
        Feedback feedback = feedback("sdfa:k=5", network, 1);
        assertEquals(10, Ranks.of(feedback.matrix(1), network.neurons(1), network.outputs()));
    }

    @Test
    void atTheSpecsScaleEveryEntryKeepsTheScaleOfSparseFeedback() {
        NetworkSpec network = Workloads.resolve("mnist-fc");
        double bound = 1 / Math.sqrt(5);
        double[] matrix = feedback("sdfa:k=5,rank=2,init=uniform", network, 3).matrix(1);
        double largest = 0;
        int nonZero = 0;
        for (double value : matrix) {
            largest = Math.max(largest, Math.abs(value));
            nonZero += value != 0 ? 1 : 0;
        }
        assertTrue(largest <= bound && largest > 0.9 * bound, "largest entry " + largest);
        assertEquals(network.neurons(1) * 5, nonZero);
    }

    @Test
    void atTheAuthorsScaleTheEntriesDeviateByTheSparseBound() {
        NetworkSpec network = Workloads.resolve("mnist-fc");
        double bound = 1 / Math.sqrt(400 / Math.sqrt(10 * 5));
        double[] matrix = feedback("sdfa:k=5,rank=2,init=crafton", network, 3).matrix(1);
        double mean = java.util.Arrays.stream(matrix).average().orElseThrow();
        double variance = java.util.Arrays.stream(matrix).map(x -> (x - mean) * (x - mean)).sum() / matrix.length;
        assertEquals(bound, Math.sqrt(variance), 1e-12);
        assertEquals(2, Ranks.of(matrix, network.neurons(1), network.outputs()));
    }

    @Test
    void aRankAboveTheOutputsIsRefusedWithTheValidRange() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> feedback("sdfa:k=5,rank=11", Workloads.resolve("mnist-fc"), 1));
        assertEquals("rank=11 is more than the 10 output errors, the most a feedback matrix over them can have "
                + "(valid: 2..10 with k=5)", e.getMessage());
    }
}
