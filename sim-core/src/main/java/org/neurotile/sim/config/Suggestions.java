package org.neurotile.sim.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" hints: a candidate the input begins (a key without its unit, {@code routerDelay}
 * for {@code routerDelayCycles}), else the nearest by edit distance if it is plausibly a typo.
 */
public final class Suggestions {
    private Suggestions() {}

    /** The candidate {@code input} most plausibly meant, if any. */
    public static Optional<String> nearest(String input, Collection<String> candidates) {
        String lower = input.toLowerCase(Locale.ROOT);
        Optional<String> completed = lower.length() < 3 ? Optional.empty() : candidates.stream()
                .filter(candidate -> candidate.toLowerCase(Locale.ROOT).startsWith(lower))
                .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        if (completed.isPresent()) {
            return completed;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : candidates.stream().sorted().toList()) {
            final int distance = editDistance(input.toLowerCase(Locale.ROOT),
                    candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null || bestDistance > Math.max(2, Math.max(input.length(), best.length()) / 2)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
