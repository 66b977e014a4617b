package org.neurotile.neuron.rules.feedback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class BalancedErrorAssignmentTest {

    private static NetworkSpec network(int hidden, int outputs) {
        return new NetworkSpec("t", 5, List.of(Dense.of(hidden, Activation.RELU), Dense.of(hidden, Activation.TANH),
                Dense.of(outputs, Activation.IDENTITY)));
    }

    @Property(tries = 200)
    void everyNeuronGetsKDistinctErrorsAndEveryErrorIsUsedInEveryLayer(
            @ForAll @IntRange(min = 1, max = 60) int hidden,
            @ForAll @IntRange(min = 1, max = 30) int outputs,
            @ForAll @IntRange(min = 1, max = 30) int k,
            @ForAll long seed) {
        if (k > outputs || (long) hidden * k < outputs) {
            return;
        }
        BalancedErrorAssignment assignment = BalancedErrorAssignment.of(network(hidden, outputs), k, 0, seed);
        for (int layer = 1; layer <= 2; layer++) {
            Set<Integer> used = new HashSet<>();
            for (int neuron = 0; neuron < hidden; neuron++) {
                int[] errors = assignment.errorsOf(layer, neuron);
                assertEquals(k, errors.length);
                assertEquals(k, java.util.Arrays.stream(errors).distinct().count());
                java.util.Arrays.stream(errors).forEach(used::add);
            }
            assertEquals(outputs, used.size());
        }
    }

    @Test
    void rankLimitsTheDistinctPatterns() {
        BalancedErrorAssignment assignment = BalancedErrorAssignment.of(network(40, 10), 2, 5, 3);
        Set<List<Integer>> patterns = new HashSet<>();
        for (int neuron = 0; neuron < 40; neuron++) {
            List<Integer> row = new ArrayList<>();
            for (int e : assignment.errorsOf(1, neuron)) {
                row.add(e);
            }
            patterns.add(row);
        }
        assertEquals(5, patterns.size());
    }

    @Test
    void theSameSeedGivesTheSamePattern() {
        BalancedErrorAssignment a = BalancedErrorAssignment.of(network(30, 10), 1, 0, 7);
        BalancedErrorAssignment b = BalancedErrorAssignment.of(network(30, 10), 1, 0, 7);
        for (int neuron = 0; neuron < 30; neuron++) {
            assertArrayEquals(a.errorsOf(2, neuron), b.errorsOf(2, neuron));
        }
    }

    @Test
    void tooFewNeuronsToCoverTheErrorsIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BalancedErrorAssignment.of(network(3, 10), 2, 0, 1));
        assertTrue(e.getMessage().contains("n_l * k = 6 cannot cover the 10"), e.getMessage());
    }

    @Test
    void kOutsideTheOutputsAndTooSmallARankAreRefused() {
        assertThrows(InvalidInputException.class, () -> BalancedErrorAssignment.of(network(30, 10), 11, 0, 1));
        assertThrows(InvalidInputException.class, () -> BalancedErrorAssignment.of(network(30, 10), 0, 0, 1));
        assertThrows(InvalidInputException.class, () -> BalancedErrorAssignment.of(network(30, 10), 2, 4, 1));
    }
}
