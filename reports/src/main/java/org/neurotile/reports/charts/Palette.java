package org.neurotile.reports.charts;

import java.awt.Color;
import java.util.Map;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.rules.RuleForm;

/**
 * One colour per rule (the registry's), phase and energy kind in every chart; other names get a
 * colour from their hash.
 */
public final class Palette {
    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("forward", new Color(0x4e79a7)), Map.entry("error", new Color(0xe15759)),
            Map.entry("update", new Color(0x59a14f)),
            Map.entry("compute", new Color(0x4e79a7)), Map.entry("localMemory", new Color(0xf28e2b)),
            Map.entry("noc", new Color(0x76b7b2)), Map.entry("offChip", new Color(0xb07aa1)),
            Map.entry("static", new Color(0xbab0ac)));
    private static final Color[] FALLBACK = {new Color(0xbcbd22), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xaec7e8), new Color(0xffbb78), new Color(0x98df8a), new Color(0xc5b0d5)};

    private Palette() {
    }

    /** The colour of a rule (options ignored: {@code sdfa:k=4} is sdfa's), a phase or another name. */
    public static Color of(String name) {
        Color color = NAMED.get(name);
        if (color != null) {
            return color;
        }
        return LearningRules.formOf(name).map(RuleForm::colourRgb).map(Color::new)
                .orElseGet(() -> FALLBACK[Math.floorMod(name.hashCode(), FALLBACK.length)]);
    }
}
