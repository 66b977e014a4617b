package org.neurotile.neuron.chip;

import java.util.List;
import org.neurotile.sim.InvalidInputException;

/** Learning rules the chip runs, created by name. */
public final class ChipRules {
    public static final List<String> NAMES = List.of("dfa");

    private ChipRules() {
    }

    public static ChipRule parse(String spec) {
        String name = spec.strip();
        if (name.equals("dfa")) {
            return DirectFeedbackRule.dense();
        }
        throw new InvalidInputException("unknown rule '" + spec + "' (valid: " + String.join(", ", NAMES) + ")");
    }
}
