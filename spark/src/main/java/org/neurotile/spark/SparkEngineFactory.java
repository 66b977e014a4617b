package org.neurotile.spark;

import java.util.Optional;
import org.neurotile.app.sweep.SweepEngine;
import org.neurotile.app.sweep.SweepEngineFactory;

/**
 * {@code --engine spark}, found by the application on the class path. The master is
 * {@code --spark-master}, else spark-submit's {@code --master}, else {@code local[N]} with N the
 * sweep's threads.
 */
public final class SparkEngineFactory implements SweepEngineFactory {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepEngine create(int threads, Optional<String> master) {
        String submitted = System.getProperty("spark.master");
        return new SparkEngine(master.orElse(submitted != null ? submitted : "local[" + threads + "]"));
    }
}
