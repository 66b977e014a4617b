package org.neurotile.neuron.rules.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.PlanFixture;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkSpec;

/** binary-dfa:k=K: sign(B o M), each connection stored as an index with its sign in the top bit. */
class SparseBinaryFeedbackTest {

    private static ExampleRun run(NetworkSpec net, LearningRule rule, long memoryBytes) {
        return PlanFixture.run(net, "mesh:8x8", memoryBytes, rule::planBackward).run();
    }

    @Property(tries = 60)
    void storageReadsAddsAndWordsArePerConnectionAsTheClosedFormSays(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 30) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 30) int input,
            @ForAll @IntRange(min = 1, max = 10) int k,
            @ForAll @IntRange(min = 256, max = 4096) int memoryBytes) {
        NetworkSpec net = PlanFixture.network(input, sizes);
        int outputs = net.outputs();
        int connections = Math.min(k, outputs);
        for (int l = 1; l < net.layerCount(); l++) {
            if ((long) net.neurons(l) * connections < outputs) {
                return; // a layer too narrow to use every error is refused (BalancedErrorAssignmentTest)
            }
        }
        LearningRule rule = LearningRules.parse("binary-dfa:k=" + connections, 7);
        long hiddenConnections = 0;
        for (int l = 1; l < net.layerCount(); l++) {
            assertEquals((long) connections * FeedbackFamily.INDEX_BYTES, rule.storage(net, 4).feedbackBytesPerNeuron(l));
            hiddenConnections += (long) net.neurons(l) * connections;
        }
        ExampleRun run = run(net, rule, memoryBytes * 16L);
        ClosedForm expected = rule.closedForm(net, ChipKind.TILE_ARRAY).orElseThrow();
        assertEquals(hiddenConnections, run.total(Category.FEEDBACK_READS));
        assertEquals(hiddenConnections, run.total(Category.ADDS, Phase.ERROR));
        assertEquals(0, run.total(Category.MACS, Phase.ERROR));
        assertEquals(hiddenConnections + outputs, run.total(Category.WORDS_MOVED));
        assertEquals(expected.reads(),
                run.total(Category.WEIGHT_READS, Phase.UPDATE) + run.total(Category.FEEDBACK_READS));
        assertEquals(expected.writes(), run.total(Category.WEIGHT_WRITES));
        assertEquals(expected.macs(), run.total(Category.MACS) - run.total(Category.MACS, Phase.FORWARD));
        assertEquals(expected.wordsMoved(), run.total(Category.WORDS_MOVED));
    }

    @Test
    void messagesAreSparseDfasOfTheSameK() {
        NetworkSpec net = PlanFixture.network(20, 40, 40, 10);
        ExampleRun binary = run(net, LearningRules.parse("binary-dfa:k=2", 3), 4096);
        ExampleRun sdfa = run(net, LearningRules.parse("sdfa:k=2", 3), 4096);
        assertEquals(sdfa.total(Category.NOC_BYTES_INJECTED), binary.total(Category.NOC_BYTES_INJECTED));
        assertEquals(sdfa.total(Category.NOC_BYTE_HOPS), binary.total(Category.NOC_BYTE_HOPS));
        assertEquals(sdfa.total(Category.WORDS_MOVED), binary.total(Category.WORDS_MOVED));
        assertEquals(sdfa.total(Category.MACS, Phase.ERROR), binary.total(Category.ADDS, Phase.ERROR));
    }

    @Property(tries = 50)
    void everyRowHasKSignsAndEveryErrorIsUsedInEveryLayer(
            @ForAll @IntRange(min = 1, max = 12) int outputs,
            @ForAll @IntRange(min = 1, max = 12) int k,
            @ForAll @IntRange(min = 12, max = 40) int hidden,
            @ForAll boolean aligned,
            @ForAll long seed) {
        if (k > outputs) {
            return;
        }
        NetworkSpec net = PlanFixture.network(6, hidden, hidden, outputs);
        String spec = "binary-dfa:k=" + k + ",scale=one" + (aligned ? ",init=weights-product" : "");
        Feedback feedback = LearningRules.parse(spec, seed).feedback(net, Model.initial(net, seed), seed).orElseThrow();
        for (int l = 1; l < net.layerCount(); l++) {
            double[] matrix = feedback.matrix(l);
            boolean[] used = new boolean[outputs];
            for (int i = 0; i < hidden; i++) {
                int nonZero = 0;
                for (int j = 0; j < outputs; j++) {
                    double value = matrix[i * outputs + j];
                    if (value != 0) {
                        assertEquals(1, Math.abs(value), "layer " + l + " row " + i);
                        nonZero++;
                        used[j] = true;
                    }
                }
                assertEquals(k, nonZero, "layer " + l + " row " + i);
            }
            for (int j = 0; j < outputs; j++) {
                assertTrue(used[j], "layer " + l + " never uses error " + j);
            }
        }
    }

    @Test
    void theSignsAreThoseOfSparseDfasDrawAtTheMask() {
        NetworkSpec net = PlanFixture.network(6, 30, 30, 10);
        double[] sdfa = LearningRules.parse("sdfa:k=3", 5).feedback(net, Model.initial(net, 5), 5).orElseThrow().matrix(1);
        double[] binary = LearningRules.parse("binary-dfa:k=3,scale=one", 5).feedback(net, Model.initial(net, 5), 5)
                .orElseThrow().matrix(1);
        for (int i = 0; i < sdfa.length; i++) {
            assertEquals(Math.signum(sdfa[i]), binary[i], "entry " + i);
        }
    }

    @Test
    void anAlignedStartTakesTheSignOfTheWeightsProductAtTheMask() {
        NetworkSpec net = PlanFixture.network(6, 30, 10);
        Model initial = Model.initial(net, 2);
        double[] binary = LearningRules.parse("binary-dfa:k=4,init=weights-product", 2).feedback(net, initial, 2)
                .orElseThrow().matrix(1);
        double[] dense = LearningRules.parse("binary-dfa:init=weights-product", 2).feedback(net, initial, 2)
                .orElseThrow().matrix(1);
        for (int i = 0; i < binary.length; i++) {
            assertTrue(binary[i] == 0 || Math.signum(binary[i]) == Math.signum(dense[i]), "entry " + i);
        }
    }

    @Test
    void withoutKBinaryDfaKeepsItsDenseRowOfBits() {
        NetworkSpec net = PlanFixture.network(20, 30, 50, 40);
        assertEquals(8, LearningRules.parse("binary-dfa", 1).storage(net, 4).feedbackBytesPerNeuron(1));
        assertEquals(40 * FeedbackFamily.INDEX_BYTES,
                LearningRules.parse("binary-dfa:k=40", 1).storage(net, 4).feedbackBytesPerNeuron(1));
        assertTrue(LearningRules.parse("binary-dfa", 1).closedForm(net, ChipKind.TILE_ARRAY).isEmpty());
        assertNotEquals(LearningRules.parse("binary-dfa", 1).errorAssignment(net),
                LearningRules.parse("binary-dfa:k=40", 1).errorAssignment(net));
    }

    @Test
    void moreOutputsThanASignedIndexNamesAreRefusedInOneLine() {
        NetworkSpec net = PlanFixture.network(4, 8, 40_000);
        LearningRule rule = LearningRules.parse("binary-dfa:k=2", 1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> rule.errorAssignment(net));
        assertEquals("rule 'binary-dfa:k=2': an index with its sign in 2 bytes names at most 32768 output errors,"
                + " the network has 40000", e.getMessage());
    }

    @Test
    void moreErrorsPerNeuronThanOutputsAreRefusedInOneLine() {
        NetworkSpec net = PlanFixture.network(4, 8, 10);
        LearningRule rule = LearningRules.parse("binary-dfa:k=11", 1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> rule.errorAssignment(net));
        assertTrue(e.getMessage().contains("k=11 is outside 1..10 (the network's outputs)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
