package org.neurotile.neuron.chip;

import java.util.function.IntFunction;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.sim.trace.TraceRecorder;

/** Puts each task of an example on its tile's track of a trace: one span per phase and layer. */
public final class ExampleTrace {
    private ExampleTrace() {
    }

    /**
     * @param tileName the track name of a tile, e.g. its coordinates
     */
    public static void record(ExampleRun run, TraceRecorder trace, IntFunction<String> tileName) {
        if (!trace.enabled()) {
            return;
        }
        for (int task = 0; task < run.taskCount(); task++) {
            long start = run.startCycles(task);
            long end = run.finishCycles(task);
            if (end == start) {
                continue;
            }
            int layer = run.layerOf(task);
            String name = run.phaseOf(task).id() + (layer == TaskGraph.NO_LAYER ? " input" : " layer " + layer);
            trace.span(trace.track("tiles", tileName.apply(run.tileOf(task))), name, start, end);
        }
    }
}
