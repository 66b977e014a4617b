package org.neurotile.neuron.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;

class RuleRegistryTest {
    /** The rules of the main source set, in display order, as help and errors have always listed them. */
    private static final String MAIN_FORMS = "bp[:reads=separate|shared], fa[:init=crafton|uniform|weights-product], "
            + "dfa[:init=crafton|uniform|weights-product], sdfa:k=K[,rank=R,init=crafton|uniform], "
            + "ssdfa[:init=crafton|uniform], binary-dfa[:init=random|weights-product,k=K,scale=crafton|one], "
            + "blocked-dfa:s=S[,init=crafton|uniform|weights-product], fp:m=M[,init=crafton|uniform], "
            + "cdfa[:fc=dfa|binary-dfa,init=weights-product|crafton|uniform,scale=crafton|one], "
            + "conv-dfa[:modules=M,kernel=K,dilation=D,groups=G,sign=true|false,init=crafton|uniform], directional-dfa[:alpha=A,zero-product=compute|skip], "
            + "hybrid:p=P[,gamma=G,feedback=dfa|binary-dfa,step=dfa|bp]";

    @Test
    void theRegistryFindsEveryFamilyOfTheClassPath() {
        Set<String> names = LearningRules.forms().stream().map(RuleForm::name).collect(Collectors.toSet());
        assertEquals(Set.of("bp", "fa", "dfa", "sdfa", "ssdfa", "binary-dfa", "blocked-dfa", "fp", "cdfa",
                "conv-dfa", "directional-dfa", "hybrid", "test-echo", "test-readout"), names);
    }

    @Test
    void everyNameBelongsToOneForm() {
        List<String> names = LearningRules.forms().stream().map(RuleForm::name).toList();
        assertEquals(names.size(), new HashSet<>(names).size(), names.toString());
    }

    @Test
    void twoFamiliesClaimingOneNameAreRefused() {
        RuleFamily first = family(new RuleForm("twin", "twin", 1, 0, List.of(), false));
        RuleFamily second = family(new RuleForm("twin", "twin:x=X", 2, 0, List.of(), false));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new RuleRegistry(List.of(first, second)));
        assertTrue(e.getMessage().startsWith("rule 'twin' is offered by both "), e.getMessage());
    }

    @Test
    void everyRegisteredRuleParsesItsExamplesToTheirOwnSpec() {
        for (RuleForm form : LearningRules.forms()) {
            for (String example : form.examples()) {
                assertEquals(example, LearningRules.parse(example, 1).spec(), form.name());
            }
        }
    }

    @Test
    void theFormsAreListedInDisplayOrderAsBefore() {
        String main = LearningRules.forms().stream().filter(form -> !form.name().startsWith("test-"))
                .map(RuleForm::help).collect(Collectors.joining(", "));
        assertEquals(MAIN_FORMS, main);
        assertEquals(MAIN_FORMS + ", test-echo[:of=dfa|ssdfa], test-readout", LearningRules.FORMS);
    }

    @Test
    void theUnknownRuleErrorListsTheRegistry() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LearningRules.parse("bpp:x=1", 1));
        assertEquals("unknown rule 'bpp:x=1' (valid: " + LearningRules.FORMS + ")", e.getMessage());
    }

    @Test
    void theExamplesAreTheRulesGoldenFilesCover() {
        assertEquals(List.of("bp", "fa", "dfa", "sdfa:k=4", "ssdfa", "binary-dfa", "blocked-dfa:s=2", "fp:m=2",
                "directional-dfa", "hybrid:p=0.1"), LearningRules.EXAMPLES);
    }

    @Test
    void compareRunsTheRulesItAlwaysRanByDefault() {
        assertEquals(List.of("bp", "dfa", "ssdfa", "binary-dfa", "blocked-dfa:s=2"), LearningRules.comparedByDefault());
    }

    @Test
    void aSpecWithOptionsHasTheFormOfItsName() {
        assertEquals("sdfa", LearningRules.formOf(" sdfa:k=4").orElseThrow().name());
        assertTrue(LearningRules.formOf("made-up").isEmpty());
    }

    @Test
    void hybridsFeedbackRuleComesFromTheRegistry() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LearningRules.parse("hybrid:p=0.1,feedback=fa", 1));
        assertEquals("rule 'hybrid:p=0.1,feedback=fa': feedback=fa is not one of dfa, binary-dfa", e.getMessage());
        NetworkSpec mnist = NetworkCatalog.get("mnist-fc");
        assertEquals(LearningRules.parse("binary-dfa", 1).storage(mnist, 4).feedbackBytesPerNeuron(1),
                LearningRules.parse("hybrid:p=0.1,feedback=binary-dfa", 1).storage(mnist, 4).feedbackBytesPerNeuron(1));
    }

    private static RuleFamily family(RuleForm form) {
        return new RuleFamily() {
            @Override
            public List<RuleForm> forms() {
                return List.of(form);
            }

            @Override
            public LearningRule create(String name, RuleOptions options, RuleContext context) {
                throw new UnsupportedOperationException(name);
            }
        };
    }
}
