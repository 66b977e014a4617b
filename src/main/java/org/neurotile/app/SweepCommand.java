package org.neurotile.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.neurotile.app.sweep.LocalEngine;
import org.neurotile.app.sweep.SweepEngine;
import org.neurotile.app.sweep.SweepEngineFactory;
import org.neurotile.app.sweep.SweepFile;
import org.neurotile.app.sweep.SweepRunner;
import org.neurotile.sim.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurotile sweep}: a design space explored point by point, results in SQLite. */
@Command(name = "sweep",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs every point of a sweep file (a base configuration and the parameters to vary: lists, ranges, "
                    + "product or zip, or a sampled design) and records each point's parameters, status and "
                    + "measures in DIR/sweep.sqlite as it finishes; exports DIR/summary.csv and writes the report (Pareto fronts, "
                    + "the non-dominated and infeasible points) into DIR/report at the end.",
            "A point that does not fit the chip is recorded as infeasible. After an interruption, the same command "
                    + "with --resume runs only the missing points. See docs/sweeps.md."})
final class SweepCommand implements Callable<Integer> {
    static final String LOCAL = "local";
    static final String SPARK = "spark";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "The sweep file.")
    private Path sweepFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/sweep).")
    private Path out = Path.of("out", "sweep");

    @Option(names = "--threads", paramLabel = "N",
            description = "Points run at once (default: the available processors).")
    private Integer threads;

    @Option(names = "--resume", description = "Continue the same sweep in --out: run only the points it lacks.")
    private boolean resume;

    @Option(names = "--mode", paramLabel = "MODE", description = "count (default: one example per point, as "
            + "'run') or train (each point trains for its epochs: accuracy beside cost).")
    private String mode = SweepPointConfig.COUNT;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "local (default: threads on this machine) or "
            + "spark (Apache Spark, on local[N] or a cluster's master; ./neurotile adds Spark to the class path).")
    private String engine = LOCAL;

    @Option(names = "--spark-master", paramLabel = "URL", description = "With --engine spark: the Spark master "
            + "(default: spark-submit's --master, else local[N] with N = --threads).")
    private String sparkMaster;

    @Override
    public Integer call() throws Exception {
        int pool = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (pool < 1 || pool > 4096) {
            throw new InvalidInputException("--threads must be in [1, 4096], got " + pool);
        }
        SweepEngine chosen = engine(pool);
        SweepPoints points = new SweepPoints(mode);
        SweepFile sweep = SweepFile.load(sweepFile);
        String version = new Version().getVersion()[0];
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        new SweepRunner(spec.commandLine().getOut(), spec.commandLine().getErr(), terminal).run(
                new SweepRunner.Settings(sweep, mode, points, chosen, out, resume, version, pool));
        return 0;
    }

    private SweepEngine engine(int pool) {
        if (engine.equals(LOCAL)) {
            if (sparkMaster != null) {
                throw new InvalidInputException("--spark-master is an option of --engine spark, not of --engine local");
            }
            return new LocalEngine(pool);
        }
        if (!engine.equals(SPARK)) {
            throw new InvalidInputException("--engine " + engine + " is not one of: local, spark");
        }
        // the Spark engine is a module of its own, on the class path only when Spark is
        return SweepEngineFactory.find(SPARK).orElseThrow(() -> new InvalidInputException("--engine spark needs "
                + "the neurotile-spark module and Apache Spark on the class path: run the sweep with ./neurotile, "
                + "which adds them, or with spark-submit and neurotile-spark.jar (docs/sweeps.md)"))
                .create(pool, Optional.ofNullable(sparkMaster));
    }
}
