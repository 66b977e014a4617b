package org.neurotile.app.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The measures of a run's result (what result.json holds), read generically: every number in it
 * except the breakdowns and the configuration, so a total the run reports later becomes a measure
 * without a change here. A total of {@code totals} keeps its name ({@code macs}); any other number
 * is named by its path in camel case ({@code footprint.tilesUsed} is {@code footprintTilesUsed}).
 */
public final class Measures {
    /** Parts of a result that are breakdowns or inputs, not totals. */
    private static final Set<String> SKIPPED = Set.of("config", "byPhase", "byLayer", "layers", "closedForm",
            "byPhasePerBatch", "largestTile", "functional");
    private static final String TOTALS = "totals";

    private Measures() {
    }

    /** Every total of {@code result}, in its order. */
    public static List<PointRow.Measure> of(Map<String, ?> result) {
        List<PointRow.Measure> measures = new ArrayList<>();
        collect("", result, measures);
        return measures;
    }

    private static void collect(String prefix, Map<String, ?> map, List<PointRow.Measure> measures) {
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            String key = entry.getKey();
            if (SKIPPED.contains(key)) {
                continue;
            }
            String name = prefix.isEmpty() && key.equals(TOTALS) ? "" : join(prefix, key);
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> inner) {
                @SuppressWarnings("unchecked")
                Map<String, ?> nested = (Map<String, ?>) inner;
                collect(name, nested, measures);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                measures.add(new PointRow.Measure(name, ((Number) value).longValue()));
            } else if (value instanceof Double || value instanceof Float) {
                measures.add(new PointRow.Measure(name, ((Number) value).doubleValue()));
            }
        }
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
    }
}
