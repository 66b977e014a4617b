package org.neurotile.neuron.chip;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Counts;
import org.neurotile.neuron.counts.Phase;

/**
 * An example's counts summed four ways: in total, by phase (in phase order), by layer and by tile
 * (in index order); {@code bytesMoved} is {@code wordsMoved} times the word size.
 */
public record CountSummary(long cycles, Counts totals, Map<Phase, Counts> byPhase, Map<Integer, Counts> byLayer,
                           Map<Integer, Counts> byTile) {

    public CountSummary {
        Map<Phase, Counts> phases = new EnumMap<>(Phase.class);
        phases.putAll(byPhase);
        byPhase = Collections.unmodifiableMap(phases);
        byLayer = Collections.unmodifiableMap(new TreeMap<>(byLayer));
        byTile = Collections.unmodifiableMap(new TreeMap<>(byTile));
    }

    public static CountSummary of(ExampleRun run, int wordBytes) {
        return of(run, wordBytes, 1, run.cycles());
    }

    /**
     * A whole minibatch: every task but the updates {@code example.batch()} times, the update tasks
     * once, and the batch's cycles; with batch 1 the same as {@link #of(ExampleRun, int)}.
     */
    public static CountSummary ofBatch(Chip.Example example, int wordBytes) {
        return of(example.run(), wordBytes, example.batch(), example.batchCycles());
    }

    private static CountSummary of(ExampleRun run, int wordBytes, int batch, long cycles) {
        long[] totals = new long[Category.count()];
        Map<Phase, long[]> phases = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            phases.put(phase, new long[Category.count()]);
        }
        Map<Integer, long[]> layers = new TreeMap<>();
        Map<Integer, long[]> tiles = new TreeMap<>();
        for (int task = 0; task < run.taskCount(); task++) {
            long[] phase = phases.get(run.phaseOf(task));
            long[] layer = layers.computeIfAbsent(run.layerOf(task), k -> new long[Category.count()]);
            long[] tile = tiles.computeIfAbsent(run.tileOf(task), k -> new long[Category.count()]);
            long times = run.phaseOf(task) == Phase.UPDATE ? 1 : batch;
            for (Category category : Category.values()) {
                long value = run.count(task, category);
                if (category == Category.BYTES_MOVED) {
                    value = run.count(task, Category.WORDS_MOVED) * wordBytes;
                }
                value *= times;
                int i = category.ordinal();
                totals[i] += value;
                phase[i] += value;
                layer[i] += value;
                tile[i] += value;
            }
        }
        return new CountSummary(cycles, Counts.of(totals), counts(phases), counts(layers), counts(tiles));
    }

    private static <K> Map<K, Counts> counts(Map<K, long[]> groups) {
        Map<K, Counts> counts = new LinkedHashMap<>();
        groups.forEach((key, values) -> counts.put(key, Counts.of(values)));
        return counts;
    }
}
