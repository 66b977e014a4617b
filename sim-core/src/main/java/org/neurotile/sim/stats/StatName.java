package org.neurotile.sim.stats;

import java.util.regex.Pattern;
import org.neurotile.sim.InvalidInputException;

/** Validates hierarchical statistic names such as {@code tile[3,4].sram.weightReads}. */
final class StatName {
    /** A segment is an identifier, optionally followed by one bracketed, comma-separated index. */
    private static final String SEGMENT = "[A-Za-z_][A-Za-z0-9_]*(\\[[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*\\])?";

    private static final Pattern NAME = Pattern.compile(SEGMENT + "(\\." + SEGMENT + ")*");

    static final String RULE =
            "dot-separated segments, each an identifier optionally followed by an index like [3,4]";

    private StatName() {}

    static String validate(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    "invalid statistic name '" + name + "': expected " + RULE + ", e.g. tile[3,4].sram.weightReads");
        }
        return name;
    }

    static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
