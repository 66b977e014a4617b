package org.neurotile.app.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.neurotile.sim.config.ConfigValue;

/**
 * Every point of a sweep resolved before the first one runs, on {@code threads} threads: resolving
 * checks that each point can run, which costs about as much as a small point itself, so on one
 * thread it would cap the sweep's speed-up. The error reported is always that of the lowest point
 * index that has one, whatever the thread count.
 */
final class PointResolution {
    private PointResolution() {}

    static List<ResolvedPoint> resolveAll(SweepFile sweep, List<List<ConfigValue.Scalar>> values,
                                          PointResolver resolver, int threads) throws InterruptedException {
        if (threads <= 1 || values.size() <= 1) {
            List<ResolvedPoint> points = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                points.add(resolver.resolve(i, sweep.configuration(values.get(i))));
            }
            return points;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "sweep-resolve");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ResolvedPoint>> futures = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> resolver.resolve(index, sweep.configuration(values.get(index)))));
            }
            List<ResolvedPoint> points = new ArrayList<>(values.size());
            for (Future<ResolvedPoint> future : futures) {
                points.add(take(future));
            }
            return points;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ResolvedPoint take(Future<ResolvedPoint> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
