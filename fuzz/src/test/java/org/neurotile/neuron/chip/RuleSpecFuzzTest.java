package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.neurotile.fuzz.ParserOracle;
import org.neurotile.fuzz.SpecStrings;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

/**
 * Rule specs ({@code --rule}, {@code --compare}): a spec is parsed, then applied to a small network
 * (its storage and error assignment), where options such as k, s and m meet the network's sizes. A
 * parsed rule prints a spec that parses to the same rule.
 */
class RuleSpecFuzzTest {
    private static final NetworkSpec NETWORK = new NetworkSpec("fuzz", 12, List.of(Dense.of(8, Activation.RELU),
            Dense.of(6, Activation.RELU), Dense.of(4, Activation.IDENTITY)));
    private static final Chip CHIP = new Chip(ChipSpec.DEFAULTS);

    private final ParserOracle oracle = new ParserOracle();

    private static final List<String> NAMES = List.of("bp", "fa", "dfa", "sdfa", "ssdfa", "binary-dfa", "blocked-dfa",
            "fp", "directional-dfa", "hybrid");
    private static final List<String> OPTIONS = List.of("k", "rank", "s", "m", "p", "gamma", "alpha", "reads", "init",
            "feedback", "step", "zero-product");

    @Provide
    Arbitrary<String> specs() {
        List<String> words = List.of("shared", "separate", "random", "weights-product", "compute", "skip", "dfa", "bp");
        Arbitrary<String> option = Combinators.combine(Arbitraries.of(OPTIONS),
                Arbitraries.of(SpecStrings.tokens(words))).as((key, value) -> key + "=" + value);
        // name:key=value[,key=value]: every option of every rule with values at and past its limits
        Arbitrary<String> options = Combinators.combine(Arbitraries.of(NAMES), option.list().ofMinSize(1).ofMaxSize(2))
                .as((name, list) -> name + ":" + String.join(",", list));
        List<String> tokens = new ArrayList<>(NAMES);
        OPTIONS.forEach(key -> tokens.add(key + "="));
        tokens.addAll(words);
        return Arbitraries.oneOf(options, SpecStrings.of(LearningRules.EXAMPLES, SpecStrings.tokens(tokens)));
    }

    @Property(tries = 2000, seed = "10505")
    void specsParseOrAreRefusedAndPrintBackToThemselves(@ForAll("specs") String spec) {
        check(spec);
    }

    @FuzzTest(maxDuration = "5m")
    void ruleSpecs(@NotNull byte[] bytes) {
        check(new String(bytes, StandardCharsets.UTF_8));
    }

    private void check(String spec) {
        oracle.check(spec, "rule", () -> {
            LearningRule rule = LearningRules.parse(spec, 1);
            CHIP.requireRuns(NETWORK, rule, OptimizerCost.SGD, WordSizes.uniform(4), 1); // as run does first
            rule.storage(NETWORK, 4);
            return rule;
        }).ifPresent(rule -> assertEquals(rule.spec(), LearningRules.parse(rule.spec(), 1).spec(),
                        () -> "'" + spec + "' does not print back"));
    }
}
