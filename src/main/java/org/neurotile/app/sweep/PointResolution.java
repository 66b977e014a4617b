package org.neurotile.app.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neurotile.sim.config.ConfigValue;

/**
 * Every point of a sweep resolved before the first one runs, with the parameter values its row will
 * record, on {@code threads} threads: resolving checks that each point can run, which costs about as
 * much as a small point itself, so on one thread (or on the thread that writes the rows) it would
 * cap the sweep's speed-up. The error reported is always that of the lowest point index that has
 * one, whatever the thread count.
 *
 * @param point      the point's resolved configuration
 * @param parameters its parameters' values as its row records them
 */
record PointResolution(ResolvedPoint point, List<Object> parameters) {

    static List<PointResolution> resolveAll(SweepFile sweep, List<List<ConfigValue.Scalar>> values,
                                            PointResolver resolver, int threads) throws InterruptedException {
        if (threads <= 1 || values.size() <= 1) {
            List<PointResolution> points = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                points.add(resolve(sweep, values, resolver, i));
            }
            return points;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "sweep-resolve");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PointResolution>> futures = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> resolve(sweep, values, resolver, index)));
            }
            List<PointResolution> points = new ArrayList<>(values.size());
            for (Future<PointResolution> future : futures) {
                points.add(Futures.result(future));
            }
            return points;
        } finally {
            pool.shutdownNow();
        }
    }

    PointResolution {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    private static PointResolution resolve(SweepFile sweep, List<List<ConfigValue.Scalar>> values,
                                           PointResolver resolver, int index) {
        ResolvedPoint point = resolver.resolve(index, sweep.configuration(values.get(index)));
        return new PointResolution(point, SweepRunner.parameterValues(sweep, values.get(index), point));
    }
}
