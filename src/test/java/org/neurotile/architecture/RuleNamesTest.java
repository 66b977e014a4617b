package org.neurotile.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.rules.RuleForm;

/**
 * Rules are known by the registry alone: no main source outside the rules packages names a rule in
 * a string, and none at all asks what class a rule is (instanceof or a cast). The JMH benchmarks are left out: their parameter lists are
 * a choice of what to measure, not a list the product relies on.
 */
class RuleNamesTest {
    private static final Pattern STRING = Pattern.compile("\"([a-z][a-z-]*)\"");
    private static final Pattern RULE_CLASS_CHECK = Pattern.compile("instanceof\\s+\\w*Rule\\b|\\(\\s*\\w*Rule\\s*\\)\\s*\\w");

    @Test
    void noSourceOutsideTheRulesPackagesNamesARule() {
        Set<String> names = LearningRules.forms().stream().map(RuleForm::name).collect(Collectors.toSet());
        List<String> found = new ArrayList<>();
        for (Path file : sources(false)) {
            Matcher m = STRING.matcher(text(file));
            while (m.find()) {
                if (names.contains(m.group(1))) {
                    found.add(MainSources.relative(file) + ": \"" + m.group(1) + "\"");
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void noSourceAsksWhatClassARuleIs() {
        List<String> found = new ArrayList<>();
        for (Path file : sources(true)) {
            Matcher m = RULE_CLASS_CHECK.matcher(text(file));
            while (m.find()) {
                found.add(MainSources.relative(file) + ": " + m.group());
            }
        }
        assertEquals(List.of(), found);
    }

    /** Main sources but the benchmarks', and the rules packages' only if {@code withRules}. */
    private static List<Path> sources(boolean withRules) {
        return MainSources.all().stream().filter(path -> {
            String text = MainSources.relative(path);
            return (withRules || !text.contains("/org/neurotile/neuron/rules/")) && !text.startsWith("benchmarks/");
        }).toList();
    }

    private static String text(Path file) {
        return MainSources.text(file);
    }
}
