package org.neurotile.neuron.rules.bp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurotile.neuron.plan.PlanFixture.network;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.StorageModel;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.workloads.NetworkSpec;

class BackpropRuleTest {
    private static final NetworkSpec NET = network(20, 30, 50, 40);

    @Test
    void backpropKeepsNoFeedback() {
        StorageModel storage = LearningRules.parse("bp", 1).storage(NET, 4);
        assertEquals(List.of(0L, 0L, 0L), List.of(storage.feedbackBytesPerNeuron(1), storage.feedbackBytesPerNeuron(2),
                storage.feedbackBytesPerNeuron(3)));
    }

    @Test
    void itsClosedFormHoldsOnTheProcessorOnly() {
        assertEquals(BackpropRule.onProcessor(NET), LearningRules.parse("bp", 1).closedForm(NET, ChipKind.PROCESSOR).orElseThrow());
        assertTrue(LearningRules.parse("bp", 1).closedForm(NET, ChipKind.TILE_ARRAY).isEmpty());
    }
}
