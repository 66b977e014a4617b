package org.neurotile.neuron.chip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;

/**
 * An example's counts summed four ways: in total, by phase, by layer and by tile. Values are keyed
 * by category id ({@code weightReads}, ...) in the enum's order; {@code bytesMoved} is
 * {@code wordsMoved} times the word size.
 */
public record CountSummary(long cycles, Map<String, Long> totals, Map<String, Map<String, Long>> byPhase,
                           Map<Integer, Map<String, Long>> byLayer, Map<Integer, Map<String, Long>> byTile) {

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
        Map<String, long[]> phases = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            phases.put(phase.id(), new long[Category.count()]);
        }
        Map<Integer, long[]> layers = new TreeMap<>();
        Map<Integer, long[]> tiles = new TreeMap<>();
        for (int task = 0; task < run.taskCount(); task++) {
            long[] phase = phases.get(run.phaseOf(task).id());
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
        Map<String, Map<String, Long>> byPhase = new LinkedHashMap<>();
        phases.forEach((name, values) -> byPhase.put(name, named(values)));
        Map<Integer, Map<String, Long>> byLayer = new LinkedHashMap<>();
        layers.forEach((layer, values) -> byLayer.put(layer, named(values)));
        Map<Integer, Map<String, Long>> byTile = new LinkedHashMap<>();
        tiles.forEach((tile, values) -> byTile.put(tile, named(values)));
        return new CountSummary(cycles, named(totals), byPhase, byLayer, byTile);
    }

    private static Map<String, Long> named(long[] values) {
        Map<String, Long> named = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            named.put(category.id(), values[category.ordinal()]);
        }
        return named;
    }
}
