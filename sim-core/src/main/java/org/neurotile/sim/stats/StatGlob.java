package org.neurotile.sim.stats;

import java.util.regex.Pattern;
import org.neurotile.sim.InvalidInputException;

/**
 * A glob over statistic names: {@code *} matches within one segment (no '.'), {@code **} matches
 * across segments; every other character is literal, so {@code tile[3,4].*} means what it says.
 */
record StatGlob(String glob, Pattern regex) {

    static StatGlob compile(String glob) {
        if (glob == null || glob.isBlank() || glob.contains("***")) {
            throw new InvalidInputException("invalid statistics pattern '" + glob
                    + "': expected a non-empty name glob where * matches within a segment and ** across segments");
        }
        final StringBuilder regex = new StringBuilder();
        final StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            final char c = glob.charAt(i);
            if (c != '*') {
                literal.append(c);
                continue;
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else {
                regex.append("[^.]*");
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new StatGlob(glob, Pattern.compile(regex.toString()));
    }

    boolean matches(String name) {
        return regex.matcher(name).matches();
    }
}
