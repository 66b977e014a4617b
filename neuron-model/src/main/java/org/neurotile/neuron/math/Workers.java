package org.neurotile.neuron.math;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Threads that share a product by ranges of its rows (or columns), and the {@link Products} that
 * compute each range: in the fixed order each range is computed whole by one thread, so every sum
 * keeps its order and the result has the same bits on any number of threads. One thread computes
 * on the caller's thread; more keep a pool of daemon threads until {@link #close}.
 */
public final class Workers implements AutoCloseable {
    /** Below this many multiply-adds per thread a product is not worth splitting. */
    private static final long SPLIT_MACS = 1L << 16;

    private final int threads;
    private final long splitMacs;
    private final ExecutorService pool; // null with one thread
    private final Products products;

    private Workers(int threads, long splitMacs, Products products) {
        this.threads = threads;
        this.splitMacs = splitMacs;
        this.products = products;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "neurotile-products");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code threads} threads (at least 1). */
    public static Workers of(int threads) {
        return of(threads, SPLIT_MACS);
    }

    /** {@code threads} threads that split a product with at least {@code splitMacs} multiply-adds per thread. */
    public static Workers of(int threads, long splitMacs) {
        return of(threads, splitMacs, Products.FIXED_ORDER);
    }

    /** {@code threads} threads whose ranges {@code products} computes. */
    public static Workers of(int threads, Products products) {
        return of(threads, SPLIT_MACS, products);
    }

    /** {@link #of(int, long)} with {@code products}. */
    public static Workers of(int threads, long splitMacs, Products products) {
        if (threads < 1 || splitMacs < 1) {
            throw new IllegalArgumentException("threads and splitMacs must be at least 1, got " + threads + " and "
                    + splitMacs);
        }
        return new Workers(threads, splitMacs, products);
    }

    /** The caller's thread alone, in the fixed order. */
    public static Workers single() {
        return new Workers(1, SPLIT_MACS, Products.FIXED_ORDER);
    }

    public int threads() {
        return threads;
    }

    /** What computes each range of a dense layer's products. */
    public Products products() {
        return products;
    }

    /** A task over a range {@code from..to-1}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code task} over 0..n-1 cut into at most {@link #threads} consecutive ranges, in
     * parallel where the work ({@code macsPerItem} per item) is worth it, and returns when all are done.
     */
    public void split(int n, long macsPerItem, Range task) {
        int parts = (int) Math.min(threads, Math.min(n, n * macsPerItem / splitMacs));
        if (parts <= 1) {
            task.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            int from = (int) ((long) n * part / parts);
            int to = (int) ((long) n * (part + 1) / parts);
            futures.add(pool.submit(() -> task.run(from, to)));
        }
        task.run(0, (int) ((long) n / parts));
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the products' threads ran", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
