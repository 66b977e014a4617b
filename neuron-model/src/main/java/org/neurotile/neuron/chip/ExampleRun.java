package org.neurotile.neuron.chip;

import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.plan.TaskGraph;

/**
 * What one example cost: counts per task (tile, layer, phase) and when each task ran.
 * {@code bytesMoved} is derived from {@code wordsMoved} by whoever reports it (words times the
 * word size); everything else is as counted.
 */
public final class ExampleRun {
    private final TaskGraph graph;
    private final long[][] counts;
    private final long[] startCycles;
    private final long[] finishCycles;
    private final long cycles;

    ExampleRun(TaskGraph graph, long[][] counts, long[] startCycles, long[] finishCycles, long cycles) {
        this.graph = graph;
        this.counts = counts;
        this.startCycles = startCycles;
        this.finishCycles = finishCycles;
        this.cycles = cycles;
    }

    /** Cycles from the start of the example until its last task finished: the critical path. */
    public long cycles() {
        return cycles;
    }

    public int taskCount() {
        return counts.length;
    }

    public int tileOf(int task) {
        return graph.tileOf(task);
    }

    public Phase phaseOf(int task) {
        return graph.phaseOf(task);
    }

    public int layerOf(int task) {
        return graph.layerOf(task);
    }

    public long count(int task, Category category) {
        return counts[task][category.ordinal()];
    }

    /** Adds to a count; for accounting that depends on the kind of chip, after timing. */
    void add(int task, Category category, long amount) {
        counts[task][category.ordinal()] += amount;
    }

    public long startCycles(int task) {
        return startCycles[task];
    }

    public long finishCycles(int task) {
        return finishCycles[task];
    }

    /** The sum of a category over every task. */
    public long total(Category category) {
        long sum = 0;
        for (long[] task : counts) {
            sum += task[category.ordinal()];
        }
        return sum;
    }

    /** The sum of a category over the tasks of one phase. */
    public long total(Category category, Phase phase) {
        long sum = 0;
        for (int task = 0; task < counts.length; task++) {
            if (graph.phaseOf(task) == phase) {
                sum += counts[task][category.ordinal()];
            }
        }
        return sum;
    }

    /** The sum of a category over the tasks of one layer. */
    public long totalOfLayer(Category category, int layer) {
        long sum = 0;
        for (int task = 0; task < counts.length; task++) {
            if (graph.layerOf(task) == layer) {
                sum += counts[task][category.ordinal()];
            }
        }
        return sum;
    }
}
