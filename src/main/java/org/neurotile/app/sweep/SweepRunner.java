package org.neurotile.app.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigValue;
import org.neurotile.sim.config.Suggestions;

/**
 * Runs a sweep: checks every point before the first runs, opens (or continues) the output's
 * database, runs the missing points on an engine, writes each as it finishes, and exports
 * summary.csv. Prints what it did to {@code out}, progress to {@code progressOut}.
 */
public final class SweepRunner {
    private static final int INFEASIBLE_SHOWN = 5;
    /** How often finished points are committed: what a killed sweep may have to run again. */
    private static final long COMMIT_EVERY_NANOS = 250_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;
    private final PrintWriter progressOut;
    private final boolean terminal;

    public SweepRunner(PrintWriter out, PrintWriter progressOut, boolean terminal) {
        this.out = out;
        this.progressOut = progressOut;
        this.terminal = terminal;
    }

    /**
     * What a sweep run is: the file, its mode, how points resolve and run, where results go, and the
     * threads of this machine that resolve the points (the local engine's, or the driver's).
     */
    public record Settings(SweepFile sweep, String mode, PointResolver resolver, SweepEngine engine, Path out,
                           boolean resume, String version, int threads) {
    }

    public void run(Settings settings) throws IOException, InterruptedException {
        SweepFile sweep = settings.sweep();
        List<List<ConfigValue.Scalar>> values = sweep.points();
        List<PointResolution> resolved = PointResolution.resolveAll(sweep, values, settings.resolver(),
                settings.threads());
        checkMeasures(sweep, settings.resolver().measureNames());
        try {
            runChecked(settings, values, resolved);
        } catch (SQLException e) {
            throw new InvalidInputException(settings.out().resolve(SweepDatabase.FILE) + ": " + e.getMessage(), e);
        }
    }

    private void runChecked(Settings settings, List<List<ConfigValue.Scalar>> values, List<PointResolution> resolved)
            throws IOException, InterruptedException, SQLException {
        List<ResolvedPoint> points = resolved.stream().map(PointResolution::point).toList();
        SweepFile sweep = settings.sweep();
        Path dir = settings.out();
        boolean newDirectory = !Files.exists(dir);
        boolean existing = prepareDirectory(dir);
        Map<String, String> metadata = metadata(settings, points.size());
        boolean[] nothingRecorded = {false};
        try (SweepDatabase database = SweepDatabase.open(dir.resolve(SweepDatabase.FILE))) {
            Optional<Map<String, String>> previous = existing ? database.metadata() : Optional.empty();
            Map<Integer, String> recorded = previous.isPresent() ? database.recorded() : Map.of();
            Set<Integer> failed = previous.isPresent() ? database.failedPoints() : Set.of();
            if (previous.isPresent()) {
                checkSameSweep(settings, previous.get(), points, recorded);
            } else {
                database.create(metadata, sweep.parameterNames());
            }
            // a failure may not recur (memory, a file since fixed): --resume runs those points again
            Set<Integer> rerun = settings.resume() ? failed : Set.of();
            if (!rerun.isEmpty()) {
                database.forget(rerun);
            }
            int kept = recorded.size() - rerun.size();
            List<ResolvedPoint> todo = points.stream()
                    .filter(p -> !recorded.containsKey(p.index()) || rerun.contains(p.index())).toList();
            Path csv = dir.resolve(SummaryCsv.FILE);
            Path report = dir.resolve(SweepReport.DIRECTORY);
            if (todo.isEmpty() && Files.exists(csv) && Files.exists(report.resolve("index.html"))) {
                out.printf(Locale.ROOT, "sweep %s: every one of its %d points is in %s already; nothing to do%s%n",
                        sweep.name(), points.size(), database.file(), failed.isEmpty() ? ""
                                : " (" + failed.size() + " failed: --resume runs them again)");
                return;
            }
            if (kept > 0) {
                if (!settings.resume() && !todo.isEmpty()) {
                    throw new InvalidInputException("--out " + dir + " holds " + kept + " of the "
                            + points.size() + " points of this sweep: add --resume to run the other " + todo.size());
                }
                out.printf(Locale.ROOT, "resuming: %d of %d points recorded, %d to run%s%n", kept,
                        points.size(), todo.size(), rerun.isEmpty() ? ""
                                : " (" + rerun.size() + " failed before, run again)");
            }
            out.printf(Locale.ROOT, "sweep %s: %d points in %s mode, %s%n", sweep.name(),
                    todo.size(), settings.mode(), settings.engine().describe());
            out.flush();
            long start = System.nanoTime();
            SweepProgress progress = new SweepProgress(terminal ? progressOut : out, terminal, todo.size());
            int[] statusCounts = new int[PointRow.Status.values().length];
            List<PointRow> infeasible = new ArrayList<>();
            if (!todo.isEmpty()) {
                try {
                    runPoints(settings, todo, resolved, database, row -> {
                        statusCounts[row.status().ordinal()]++;
                        if (row.status() == PointRow.Status.INFEASIBLE) {
                            infeasible.add(row);
                        }
                        progress.finished(row);
                    });
                } catch (RuntimeException | Error e) {
                    nothingRecorded[0] = !existing && Arrays.stream(statusCounts).sum() == 0;
                    throw e;
                }
            }
            database.commit();
            progress.end();
            database.createSummaryView(database.measureNames());
            SummaryCsv.write(database, csv);
            out.printf(Locale.ROOT, "%d points in %.1f s: %d ok, %d infeasible, %d failed%n", todo.size(),
                    (System.nanoTime() - start) / 1e9, statusCounts[0], statusCounts[1], statusCounts[2]);
            infeasible.sort((a, b) -> Integer.compare(a.index(), b.index()));
            for (PointRow row : infeasible.subList(0, Math.min(INFEASIBLE_SHOWN, infeasible.size()))) {
                out.printf(Locale.ROOT, "infeasible: point %d (%s): %s%n", row.index(),
                        describe(sweep, values.get(row.index())), row.reason());
            }
            if (infeasible.size() > INFEASIBLE_SHOWN) {
                out.printf(Locale.ROOT, "... and %d more (SELECT * FROM points WHERE status = 'infeasible')%n",
                        infeasible.size() - INFEASIBLE_SHOWN);
            }
        } catch (RuntimeException | Error e) {
            if (nothingRecorded[0]) {
                discard(dir, newDirectory);
            }
            throw e;
        }
        SweepReport.build(dir, dir.resolve(SweepReport.DIRECTORY));
        out.println("wrote " + dir + "/" + SweepDatabase.FILE + ", " + SummaryCsv.FILE + ", "
                + SweepReport.DIRECTORY + "/index.html");
    }

    /**
     * Runs {@code todo} on the engine, writing each row as it arrives and committing every
     * {@link #COMMIT_EVERY_NANOS}, then hands the row to {@code counted}.
     */
    private static void runPoints(Settings settings, List<ResolvedPoint> todo, List<PointResolution> resolved,
                                  SweepDatabase database, Consumer<PointRow> counted) throws InterruptedException {
        long[] lastCommit = {System.nanoTime()};
        settings.engine().run(todo, settings.resolver().function(), row -> {
            PointRow kept = row.keeping(settings.sweep().measures());
            PointResolution point = resolved.get(row.index());
            try {
                database.write(kept, point.parameters(), point.point().configHash());
                long now = System.nanoTime();
                if (now - lastCommit[0] >= COMMIT_EVERY_NANOS) {
                    database.commit();
                    lastCommit[0] = now;
                }
            } catch (SQLException e) {
                throw new InvalidInputException(database.file() + ": cannot record point " + row.index()
                        + " (" + e.getMessage() + ")", e);
            }
            counted.accept(row);
        });
    }

    /**
     * Removes the database of a sweep that recorded nothing (its engine did not start, say), and
     * the directory if this run made it, so that a refused start leaves nothing behind.
     */
    private static void discard(Path dir, boolean newDirectory) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Files.deleteIfExists(dir.resolve(SweepDatabase.FILE + suffix));
        }
        if (newDirectory) {
            try (Stream<Path> left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    /**
     * The values of a point's parameters as its resolved configuration holds them (a byte size in
     * bytes, a rule in its full form), or as the file wrote them where it has no such key.
     */
    static List<Object> parameterValues(SweepFile sweep, List<ConfigValue.Scalar> point, ResolvedPoint resolved) {
        Map<String, Object> config;
        try {
            config = JSON.readValue(resolved.configJson(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a resolved configuration is JSON", e);
        }
        List<Object> values = new ArrayList<>();
        for (int j = 0; j < point.size(); j++) {
            Object value = config.get(sweep.parameters().get(j).name());
            values.add(value != null ? value : written(point.get(j)));
        }
        return values;
    }

    private static Object written(ConfigValue.Scalar scalar) {
        if (scalar.value() instanceof BigInteger integer && integer.bitLength() < Long.SIZE) {
            return integer.longValue();
        }
        return scalar.value() instanceof Double number ? number : scalar.text();
    }

    /** A point's parameters, {@code name=value, ...}. */
    static String describe(SweepFile sweep, List<ConfigValue.Scalar> point) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < point.size(); j++) {
            parts.add(sweep.parameters().get(j).name() + "=" + point.get(j).text());
        }
        return String.join(", ", parts);
    }

    private static Map<String, String> metadata(Settings settings, int points) {
        SweepFile sweep = settings.sweep();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("sweepFile", sweep.name());
        metadata.put("sweepHash", sweep.identity(settings.mode()));
        metadata.put("sweepText", sweep.text());
        metadata.put("mode", settings.mode());
        metadata.put("points", Integer.toString(points));
        metadata.put("parameters", String.join(",", sweep.parameterNames()));
        metadata.put("neurotileVersion", settings.version());
        return metadata;
    }

    /** Refuses a database of another sweep, or of this one whose points' configurations changed. */
    private static void checkSameSweep(Settings settings, Map<String, String> previous, List<ResolvedPoint> points,
                                       Map<Integer, String> recorded) {
        String dir = "--out " + settings.out();
        if (!settings.sweep().identity(settings.mode()).equals(previous.get("sweepHash"))) {
            throw new InvalidInputException(dir + " holds the results of another sweep (" + previous.get("sweepFile")
                    + ", " + previous.get("mode") + " mode); choose another --out, or give the same sweep file and "
                    + "mode to continue it");
        }
        if (!settings.version().equals(previous.get("neurotileVersion"))) {
            throw new InvalidInputException(dir + " was written by neurotile " + previous.get("neurotileVersion")
                    + ", this is " + settings.version() + ": its points may differ; choose another --out");
        }
        for (Map.Entry<Integer, String> entry : recorded.entrySet()) {
            int index = entry.getKey();
            if (index >= points.size() || !points.get(index).configHash().equals(entry.getValue())) {
                throw new InvalidInputException(dir + ": point " + index + " was recorded with another configuration "
                        + "(a file the sweep reads has changed?); choose another --out");
            }
        }
    }

    /** Whether {@code dir} holds a sweep's files; refuses one that holds anything else. */
    private static boolean prepareDirectory(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException("--out " + dir + " is a file; give a directory");
        }
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return false;
        }
        List<String> names;
        try (Stream<Path> entries = Files.list(dir)) {
            names = entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
        List<String> ours = List.of(SweepDatabase.FILE, SweepDatabase.FILE + "-wal", SweepDatabase.FILE + "-shm",
                SweepDatabase.FILE + "-journal", SummaryCsv.FILE);
        for (String name : names) {
            boolean report = name.equals(SweepReport.DIRECTORY) || name.startsWith("." + SweepReport.DIRECTORY + ".");
            if (!ours.contains(name) && !report && !(name.startsWith(".") && name.contains(SummaryCsv.FILE))) {
                throw new InvalidInputException("--out " + dir + " holds '" + name + "', which a sweep did not write; "
                        + "a sweep writes into a new or empty directory, or continues its own");
            }
        }
        return names.contains(SweepDatabase.FILE);
    }

    private static void checkMeasures(SweepFile sweep, List<String> names) {
        for (int i = 0; i < sweep.measures().size(); i++) {
            String measure = sweep.measures().get(i);
            if (!names.contains(measure)) {
                String hint = Suggestions.nearest(measure, names).map(n -> "did you mean '" + n + "'? ").orElse("");
                throw new InvalidInputException(sweep.name() + ":" + sweep.measureLines().get(i) + ": unknown measure '"
                        + measure + "' (" + hint + "valid: " + String.join(", ", names) + ")");
            }
        }
    }
}
