package org.neurotile.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurotile.app.output.OutputMarker;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.sim.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code neurotile report}: one HTML report, summary.csv and summary.json from run directories. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Builds a report from one or more run directories written by 'neurotile run' (a --compare run "
                    + "directory counts as its rules' runs): index.html with tables and charts, summary.csv and "
                    + "summary.json. The report is written to a temporary directory and moved into place when complete."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Run directories.")
    private List<Path> runDirectories;

    @Option(names = "--energy", paramLabel = "TABLE",
            description = "Energy table: a preset (45nm, normalized) or a YAML file (default: 45nm). Re-pricing "
                    + "needs no new simulation.")
    private String energy = "45nm";

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: out/report).")
    private Path out = Path.of("out", "report");

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = new ArrayList<>(runDirectories);
        inputs.add(StagedOutput.input(energy));
        try (StagedOutput output = StagedOutput.open("--out", out, "report", inputs)) {
            reportInto(output.directory(), out.toAbsolutePath(), out);
            output.commit();
        }
        return 0;
    }

    /**
     * Builds the report into {@code directory}, its marker included. Links to the runs are relative
     * to {@code linkBase}, where the page will be read; messages name it as {@code shown}.
     */
    void reportInto(Path directory, Path linkBase, Path shown) throws IOException {
        EnergyTable table = EnergyTable.resolve(energy);
        List<RunResult> runs = new ArrayList<>();
        for (Path runDirectory : runDirectories) {
            runs.addAll(RunResult.under(runDirectory));
        }
        if (runs.stream().map(RunResult::chipLabel).distinct().count() > 1) {
            runs.replaceAll(run -> run.labelled(run.workload() + " @ " + run.chipLabel()));
        }
        checkUnique(runs);
        ReportWriter.write(runs, table, directory, linkBase,
                Progress.onTerminal(spec.commandLine().getErr(), runs.size()));
        OutputMarker.write(directory, "report");
        PrintWriter printer = spec.commandLine().getOut();
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
