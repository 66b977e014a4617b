package org.neurotile.neuron.rules;

import java.util.List;
import java.util.Objects;

/**
 * One rule name a family offers, as help, charts and reports show it.
 *
 * @param name the spec's name, before any colon, e.g. {@code sdfa}
 * @param help the spec's form with its options, e.g. {@code sdfa:k=K[,rank=R]}
 * @param displayOrder where the rule comes in help, errors and reports (smaller first)
 * @param colourRgb the rule's colour in every chart, as 0xRRGGBB
 * @param examples specs with typical options that golden files and validation cover (none for a rule
 *     without golden files)
 * @param comparedByDefault whether {@code compare} runs the first example when no rules are given
 */
public record RuleForm(String name, String help, int displayOrder, int colourRgb, List<String> examples,
                       boolean comparedByDefault) {
    public RuleForm {
        Objects.requireNonNull(name);
        Objects.requireNonNull(help);
        examples = List.copyOf(examples);
        if (name.isEmpty() || name.contains(":") || name.contains(",")) {
            throw new IllegalArgumentException("a rule name has no colon or comma and is not empty, got '" + name
                    + "'");
        }
        if (colourRgb < 0 || colourRgb > 0xffffff) {
            throw new IllegalArgumentException("colour must be 0xRRGGBB, got " + Integer.toHexString(colourRgb));
        }
        if (comparedByDefault && examples.isEmpty()) {
            throw new IllegalArgumentException("rule '" + name + "' is compared by default but has no example");
        }
    }
}
