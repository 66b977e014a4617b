package org.neurotile.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.neurotile.sim.InvalidInputException;

/** Checks of a comma-separated list option, so a command with nothing to do says so before any work. */
final class ListOptions {
    private ListOptions() {
    }

    /**
     * The list's items, at least one, none blank and no two with the same output directory.
     *
     * @param what what one item is, e.g. "rule"
     * @param directoryOf the directory an item's output goes to
     */
    static List<String> require(String option, String what, List<String> items, UnaryOperator<String> directoryOf) {
        if (items.isEmpty() || items.stream().allMatch(String::isBlank)) {
            throw new InvalidInputException(option + ": no " + what + " given; give one or more, separated by commas");
        }
        Map<String, String> byDirectory = new HashMap<>();
        for (String item : items) {
            if (item.isBlank()) {
                throw new InvalidInputException(option + ": an empty " + what + " between commas in '"
                        + String.join(",", items) + "'");
            }
            String earlier = byDirectory.put(directoryOf.apply(item), item);
            if (earlier != null) {
                throw new InvalidInputException(option + ": " + what + " '" + item + "' is given twice"
                        + (earlier.equals(item) ? "" : " (as '" + earlier + "', which writes to the same directory)"));
            }
        }
        return List.copyOf(items);
    }
}
