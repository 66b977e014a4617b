package org.neurotile.neuron.rules.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.CountSummary;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.rules.RuleForm;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class EchoFamilyTest {
    private static final NetworkSpec NET = new NetworkSpec("t", 12, List.of(Dense.of(16, Activation.RELU),
            Dense.of(8, Activation.RELU), Dense.of(4, Activation.IDENTITY)));
    private static final Chip CHIP = new Chip(ChipSpec.DEFAULTS);

    private static CountSummary counts(String rule) {
        Chip.Example example = CHIP.run(NET, LearningRules.parse(rule, 1), true, TraceRecorder.disabled());
        return CountSummary.of(example.run(), ChipSpec.DEFAULTS.tile().wordBytes());
    }

    @Test
    void aFamilyRegisteredInTheTestResourcesIsFoundByName() {
        RuleForm form = LearningRules.formOf("test-echo:of=ssdfa").orElseThrow();
        assertEquals("test-echo", form.name());
        assertEquals(0x123456, form.colourRgb());
        assertTrue(LearningRules.FORMS.contains(", test-echo[:of=dfa|ssdfa]"), LearningRules.FORMS);
    }

    @Test
    void itRunsOnTheChipUnderItsOwnNameWithTheCountsOfTheRuleItEchoes() {
        LearningRule rule = LearningRules.parse("test-echo", 1);
        assertEquals("test-echo", rule.spec());
        assertEquals(counts("dfa"), counts("test-echo"));
        assertEquals(counts("ssdfa"), counts("test-echo:of=ssdfa"));
        assertEquals(LearningRules.parse("dfa", 1).closedForm(NET, ChipKind.TILE_ARRAY), rule.closedForm(NET, ChipKind.TILE_ARRAY));
    }

    @Test
    void itsOptionsAreCheckedLikeEveryRulesOptions() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LearningRules.parse("test-echo:of=bp", 1));
        assertEquals("rule 'test-echo:of=bp': of=bp is not one of dfa, ssdfa", e.getMessage());
    }
}
