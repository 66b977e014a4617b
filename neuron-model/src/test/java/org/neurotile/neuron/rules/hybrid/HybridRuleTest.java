package org.neurotile.neuron.rules.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.plan.MemoryKind;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class HybridRuleTest {
    private static final NetworkSpec NET = new NetworkSpec("t", 12, List.of(Dense.of(16, Activation.RELU),
            Dense.of(8, Activation.RELU), Dense.of(4, Activation.IDENTITY)));
    private static final Chip CHIP = new Chip(ChipSpec.DEFAULTS);

    private static ExampleRun run(String rule, OptimizerCost optimizer) {
        return CHIP.run(NET, LearningRules.parse(rule, 1), true, optimizer, TraceRecorder.disabled()).run();
    }

    private static long parameters() {
        long parameters = 0;
        for (int l = 1; l <= NET.layerCount(); l++) {
            parameters += NET.weights(l) + NET.neurons(l);
        }
        return parameters;
    }

    @Test
    void aFeedbackStepHasDfasErrorPhaseAndReadsBothVelocities() {
        ExampleRun hybrid = run("hybrid:p=0.1", OptimizerCost.SGD);
        ExampleRun dfa = run("dfa", OptimizerCost.SGD);
        for (Category category : Category.values()) {
            assertEquals(dfa.total(category, Phase.ERROR), hybrid.total(category, Phase.ERROR), category.id());
        }
        assertEquals(2 * parameters(), hybrid.total(Category.OPTIMIZER_READS));
        assertEquals(parameters(), hybrid.total(Category.OPTIMIZER_WRITES));
        assertEquals(5 * parameters(), hybrid.total(Category.MACS, Phase.UPDATE));
    }

    @Test
    void aBpStepHasBpsErrorPhaseAndMomentumsUpdate() {
        ExampleRun hybrid = run("hybrid:p=0.1,step=bp", OptimizerCost.SGD);
        ExampleRun bp = run("bp", OptimizerCost.MOMENTUM);
        for (Category category : Category.values()) {
            if (category != Category.NOC_BYTE_HOPS && category != Category.NOC_BYTES_INJECTED) {
                assertEquals(bp.total(category, Phase.ERROR), hybrid.total(category, Phase.ERROR), category.id());
                assertEquals(bp.total(category, Phase.UPDATE), hybrid.total(category, Phase.UPDATE), category.id());
            }
        }
    }

    @Test
    void theTilesHoldTheFeedbackAndTwoVelocitiesWhicheverTheStep() {
        for (String rule : List.of("hybrid:p=0.1", "hybrid:p=0.1,step=bp")) {
            Chip.Example example = CHIP.run(NET, LearningRules.parse(rule, 1), true, OptimizerCost.SGD,
                    TraceRecorder.disabled());
            long state = 0;
            long feedback = 0;
            for (int tile = 0; tile < example.mapping().tileCount(); tile++) {
                state += example.mapping().footprintBytes(tile, MemoryKind.OPTIMIZER);
                feedback += example.mapping().footprintBytes(tile, MemoryKind.FEEDBACK);
            }
            assertEquals(2 * 4 * parameters(), state, rule);
            assertEquals((16 + 8) * 4 * 4L, feedback, rule);
        }
    }

    @Test
    void binaryFeedbackStepsUseSignFeedback() {
        ExampleRun hybrid = run("hybrid:p=0.1,feedback=binary-dfa", OptimizerCost.SGD);
        assertEquals(run("binary-dfa", OptimizerCost.SGD).total(Category.ADDS, Phase.ERROR),
                hybrid.total(Category.ADDS, Phase.ERROR));
    }

    @Test
    void theStepOptionNamesTheSimulatedKind() {
        HybridRule rule = (HybridRule) LearningRules.parse("hybrid:p=0.1,step=bp", 1);
        assertEquals("hybrid:p=0.1,step=bp", rule.spec());
        assertEquals("hybrid:p=0.1", rule.step(false).spec());
        assertEquals("hybrid:p=0.1,step=bp", LearningRules.parse("hybrid:step=bp,p=0.1", 1).spec());
    }

    @Test
    void badOptionsAreNamed() {
        assertTrue(assertThrows(InvalidInputException.class, () -> LearningRules.parse("hybrid", 1)).getMessage()
                .contains("needs p"));
        assertTrue(assertThrows(InvalidInputException.class, () -> LearningRules.parse("hybrid:p=2", 1)).getMessage()
                .contains("[0, 1]"));
        assertTrue(assertThrows(InvalidInputException.class, () -> LearningRules.parse("hybrid:p=0.1,feedback=fa", 1))
                .getMessage().contains("dfa, binary-dfa"));
    }
}
