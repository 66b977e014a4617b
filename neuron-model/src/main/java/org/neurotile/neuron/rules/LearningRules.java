package org.neurotile.neuron.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.neurotile.sim.InvalidInputException;

/**
 * Learning rules the chip runs, created from a spec such as {@code bp}, {@code ssdfa},
 * {@code sdfa:k=4,rank=8} or {@code blocked-dfa:s=2} by the {@link RuleFamily} that offers the name.
 */
public final class LearningRules {
    private static final RuleRegistry REGISTRY = RuleRegistry.load();
    /** A spec of every rule, with typical options: what golden files and validation cover. */
    public static final List<String> EXAMPLES = REGISTRY.forms().stream()
            .flatMap(form -> form.examples().stream()).toList();
    /** The rule run and train use when none is given: dense dfa, the family's reference. */
    public static final String DEFAULT_RULE = "dfa";
    /**
     * Splits a list of rules at commas, but not at a comma that starts an option of the rule before
     * it ({@code hybrid:p=0.1,gamma=0.3,dfa} is two rules).
     */
    public static final String LIST_SPLIT = ",(?![A-Za-z-]+=)";
    /** Every rule's form, for help texts and errors. */
    public static final String FORMS = REGISTRY.formsText();

    private LearningRules() {
    }

    /** @param seed seed of the random streams that draw feedback patterns */
    public static LearningRule parse(String spec, long seed) {
        return REGISTRY.parse(spec, seed);
    }

    /**
     * {@code spec} with the option {@code key=value} added, for a command-line option that sets one
     * option of the rule (e.g. --feedback-init); refuses a spec that already gives it.
     */
    public static String withOption(String spec, String key, String value, String option) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        if (colon >= 0 && Arrays.stream(text.substring(colon + 1).split(",")).anyMatch(o -> o.strip().startsWith(key + "="))) {
            throw new InvalidInputException(option + " and the rule's own " + key + "= both set " + key + " of rule '"
                    + text + "': give it once");
        }
        return text + (colon < 0 ? ":" : ",") + key + "=" + value;
    }

    /** Every rule name's form, in display order. */
    public static List<RuleForm> forms() {
        return REGISTRY.forms();
    }

    /** The form of the rule a spec names (options ignored: {@code sdfa:k=4} is sdfa's); empty if none. */
    public static Optional<RuleForm> formOf(String spec) {
        String text = spec.strip();
        int colon = text.indexOf(':');
        return REGISTRY.form(colon < 0 ? text : text.substring(0, colon));
    }

    /** The rules {@code compare} runs when none are given, in display order. */
    public static List<String> comparedByDefault() {
        return REGISTRY.forms().stream().filter(RuleForm::comparedByDefault).map(form -> form.examples().get(0))
                .toList();
    }
}
