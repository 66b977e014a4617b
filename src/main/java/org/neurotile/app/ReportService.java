package org.neurotile.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.neurotile.app.output.OutputMarker;
import org.neurotile.reports.area.AreaTable;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.sim.InvalidInputException;

/**
 * Builds one report (index.html, summary.csv, summary.json) from run directories, priced with an
 * energy table and an area table.
 */
final class ReportService {
    private final PrintWriter printer;
    private final PrintWriter errors;

    /** Prints where the report is to {@code printer}, a progress bar to {@code errors} on a terminal. */
    ReportService(PrintWriter printer, PrintWriter errors) {
        this.printer = printer;
        this.errors = errors;
    }

    /**
     * Builds the report of {@code runDirectories} priced with {@code energy} (a preset or a file)
     * into {@code directory}, its marker included. Links to the runs are relative to
     * {@code linkBase}, where the page will be read; messages name it as {@code shown}, and the
     * summary names each run's directory as {@code finalPath} maps it (where it will be when the
     * caller moves it into place).
     */
    void reportInto(List<Path> runDirectories, String energy, Path directory, Path linkBase, Path shown,
                    UnaryOperator<Path> finalPath) throws IOException {
        reportInto(runDirectories, energy, AreaTable.DEFAULT, directory, linkBase, shown, finalPath);
    }

    /** As above, the chips' areas priced with {@code area} (a preset or a file). */
    void reportInto(List<Path> runDirectories, String energy, String area, Path directory, Path linkBase, Path shown,
                    UnaryOperator<Path> finalPath) throws IOException {
        EnergyTable table = EnergyTable.resolve(energy);
        AreaTable areaTable = AreaTable.resolve(area);
        List<RunResult> runs = new ArrayList<>();
        for (Path runDirectory : runDirectories) {
            runs.addAll(RunResult.under(runDirectory));
        }
        if (runs.stream().map(RunResult::chipLabel).distinct().count() > 1) {
            runs.replaceAll(run -> run.labelled(run.workload() + " @ " + run.chipLabel()));
        }
        checkUnique(runs);
        ReportWriter.write(runs, table, areaTable, directory, linkBase, finalPath, Progress.onTerminal(errors, runs.size()));
        OutputMarker.write(directory, "report");
        printer.println("report of " + runs.size() + " runs: open " + shown.toAbsolutePath().resolve("index.html").toUri());
    }

    private static void checkUnique(List<RunResult> runs) {
        List<String> keys = new ArrayList<>();
        for (RunResult run : runs) {
            if (keys.contains(run.key())) {
                throw new InvalidInputException("run directory " + run.directory() + ": a second run of "
                        + run.key() + " (each workload and rule may appear once per chip in a report)");
            }
            keys.add(run.key());
        }
    }
}
