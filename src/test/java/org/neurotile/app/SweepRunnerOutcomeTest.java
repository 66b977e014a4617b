package org.neurotile.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.app.sweep.LocalEngine;
import org.neurotile.app.sweep.PointFunction;
import org.neurotile.app.sweep.PointResolver;
import org.neurotile.app.sweep.PointRow;
import org.neurotile.app.sweep.ResolvedPoint;
import org.neurotile.app.sweep.SweepEngine;
import org.neurotile.app.sweep.SweepFile;
import org.neurotile.app.sweep.SweepRunner;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigSection;

/** What a sweep leaves behind when its engine does not start, and what --resume does with failed points. */
class SweepRunnerOutcomeTest {
    private static final String SWEEP = """
            base:
              workload: mnist-fc
            vary:
              rule: [dfa, bp, ssdfa]
            """;

    @TempDir
    Path dir;

    private SweepFile sweep() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, SWEEP);
        return SweepFile.load(file);
    }

    private String run(PointResolver resolver, SweepEngine engine, Path out, boolean resume) throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text, true);
        new SweepRunner(writer, writer, false).run(new SweepRunner.Settings(sweep(), "count", resolver, engine, out,
                resume, "test", 1));
        return text.toString();
    }

    /** The count-mode points, with point 1 failing while {@code failing} says so. */
    private static PointResolver failingPointOne(boolean failing) {
        SweepPoints points = new SweepPoints("count");
        return new PointResolver() {
            @Override
            public ResolvedPoint resolve(int index, ConfigSection configuration) {
                return points.resolve(index, configuration);
            }

            @Override
            public List<String> measureNames() {
                return points.measureNames();
            }

            @Override
            public PointFunction function() {
                PointFunction real = points.function();
                return point -> failing && point.index() == 1
                        ? PointRow.failed(point.index(), "out of memory") : real.evaluate(point);
            }
        };
    }

    @Test
    void anEngineThatDoesNotStartLeavesNoDirectoryBehind() throws Exception {
        Path out = dir.resolve("out");
        SweepEngine refusing = new SweepEngine() {
            @Override
            public String describe() {
                return "an engine that does not start";
            }

            @Override
            public void run(List<ResolvedPoint> points, PointFunction function,
                            Consumer<PointRow> sink) {
                throw new InvalidInputException("--spark-master bogus: Spark does not start on it");
            }
        };
        assertThrows(InvalidInputException.class, () -> run(new SweepPoints("count"), refusing, out, false));
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void resumeRunsFailedPointsAgainAndAPlainRerunSaysHowManyFailed() throws Exception {
        Path out = dir.resolve("out");
        run(failingPointOne(true), new LocalEngine(1), out, false);
        String again = run(failingPointOne(false), new LocalEngine(1), out, false);
        assertTrue(again.contains("nothing to do (1 failed: --resume runs them again)"), again);
        String resumed = run(failingPointOne(false), new LocalEngine(1), out, true);
        assertTrue(resumed.contains("resuming: 2 of 3 points recorded, 1 to run (1 failed before, run again)"), resumed);
        assertTrue(resumed.contains("1 points in"), resumed);
        assertTrue(resumed.contains("1 ok, 0 infeasible, 0 failed"), resumed);
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(4, summary.size());
        assertFalse(String.join("\n", summary).contains("failed"), String.join("\n", summary));
    }
}
