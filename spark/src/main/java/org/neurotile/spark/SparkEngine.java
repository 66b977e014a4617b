package org.neurotile.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.neurotile.app.sweep.PointFunction;
import org.neurotile.app.sweep.PointRow;
import org.neurotile.app.sweep.ResolvedPoint;
import org.neurotile.app.sweep.SweepEngine;
import org.neurotile.sim.InvalidInputException;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep's points on Apache Spark: the resolved points are an RDD, a partition per few
 * points, each executor applies the same {@link PointFunction}, and the rows of every partition
 * come back to the driver as soon as that partition's task finishes, where the caller's thread
 * writes them. All partitions run at once (one job), unlike {@code toLocalIterator}, which runs a
 * job per partition one after another; unlike {@code collect}, a finished partition is written
 * without waiting for the slowest.
 */
public final class SparkEngine implements SweepEngine {
    /** Few points per task: a lost executor costs little, and progress moves often. */
    static final int POINTS_PER_PARTITION = 4;
    private static final long POLL_MS = 200;
    private final String master;

    /** An engine on {@code master}, or on the Spark context already running in this JVM, if any. */
    public SparkEngine(String master) {
        this.master = master;
    }

    @Override
    public String describe() {
        return "spark engine on " + (running() ? SparkContext.getOrCreate().master() : master);
    }

    /** Whether a Spark context runs in this JVM already (its environment is set while it does). */
    private static boolean running() {
        return SparkEnv.get() != null;
    }

    @Override
    public void run(List<ResolvedPoint> points, PointFunction function, Consumer<PointRow> sink)
            throws InterruptedException {
        if (points.isEmpty()) {
            return;
        }
        // the context is started here and stopped at the end, unless one runs already (spark-shell, tests)
        boolean owned = !running();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(owned ? start() : SparkContext.getOrCreate());
        try {
            distribute(context, points, function, sink);
        } finally {
            if (owned) {
                context.stop();
            }
        }
    }

    private SparkContext start() {
        try {
            return new SparkContext(configuration());
        } catch (Exception e) { // SparkException is checked in Java's eyes, and Scala throws it undeclared
            throw new InvalidInputException("--spark-master " + master + ": Spark does not start on it ("
                    + firstLine(e.getMessage()) + ")", e);
        }
    }

    private SparkConf configuration() {
        SparkConf conf = new SparkConf().setMaster(master).setIfMissing("spark.app.name", "neurotile sweep");
        if (master.startsWith("local")) {
            // one machine: no web UI to serve, and the driver on the loopback address whatever the host's name
            conf.setIfMissing("spark.ui.enabled", "false").setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    private static void distribute(JavaSparkContext context, List<ResolvedPoint> points, PointFunction function,
                                   Consumer<PointRow> sink) throws InterruptedException {
        int partitions = (points.size() + POINTS_PER_PARTITION - 1) / POINTS_PER_PARTITION;
        JavaRDD<ResolvedPoint> rdd = context.parallelize(points, partitions);
        BlockingQueue<List<PointRow>> finished = new LinkedBlockingQueue<>();
        Function1<Iterator<ResolvedPoint>, List<PointRow>> evaluate =
                (Function1<Iterator<ResolvedPoint>, List<PointRow>> & Serializable) iterator -> {
                    List<PointRow> rows = new ArrayList<>();
                    while (iterator.hasNext()) {
                        rows.add(function.evaluateTimed(iterator.next()));
                    }
                    return rows;
                };
        Function2<Object, List<PointRow>, BoxedUnit> arrived = (partition, rows) -> {
            finished.add(rows);
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> done = () -> BoxedUnit.UNIT;
        SimpleFutureAction<BoxedUnit> job = context.sc().submitJob(rdd.rdd(), evaluate,
                CollectionConverters.asScala(IntStream.range(0, partitions).boxed().<Object>map(i -> i).toList()).toSeq(),
                arrived, done);
        try {
            int written = 0;
            for (int received = 0; received < partitions; ) {
                List<PointRow> rows = finished.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (rows != null) {
                    received++;
                    rows.forEach(sink);
                    written += rows.size();
                } else if (job.isCompleted() && job.value().get().isFailure()) {
                    // a job that succeeded has handed every partition over before it completed
                    throw failure(job, written, points.size());
                }
            }
        } finally {
            if (!job.isCompleted()) {
                job.cancel();
            }
        }
    }

    /** The failure of a job that ended before every partition came back: what is kept and what to do. */
    private static InvalidInputException failure(SimpleFutureAction<BoxedUnit> job, int recorded, int points) {
        Throwable cause = job.value().get().failed().get();
        return new InvalidInputException(String.format(Locale.ROOT, "the Spark job of the sweep failed with %d of "
                + "the %d points it ran recorded (%s); the recorded points are kept: run the same command with --resume",
                recorded, points, firstLine(cause.getMessage())), cause);
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.strip().lines().findFirst().orElse("");
    }
}
