package org.neurotile.app.sweep;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A pool of threads on this machine, each point an independent simulation; the caller's thread
 * takes the finished rows and writes them.
 */
public final class LocalEngine implements SweepEngine {
    private final int threads;

    public LocalEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String describe() {
        return "local engine on " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public void run(List<ResolvedPoint> points, PointFunction function, Consumer<PointRow> sink)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "sweep-point");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletionService<PointRow> finished = new ExecutorCompletionService<>(pool);
            for (ResolvedPoint point : points) {
                finished.submit(() -> function.evaluateTimed(point));
            }
            for (int i = 0; i < points.size(); i++) {
                // the function turns failures into rows; what escapes it is a fault of the program
                sink.accept(Futures.result(finished.take()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
