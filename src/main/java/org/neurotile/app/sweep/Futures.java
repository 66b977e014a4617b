package org.neurotile.app.sweep;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** A finished task's result, with what it threw rethrown as it was thrown. */
final class Futures {
    private Futures() {}

    static <T> T result(Future<T> future) throws InterruptedException {
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
