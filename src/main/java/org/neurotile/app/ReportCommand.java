package org.neurotile.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.concurrent.Callable;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.app.sweep.SweepReport;
import org.neurotile.app.sweep.SweepResults;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.reports.area.AreaTable;
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
                    + "summary.json. The report is written to a temporary directory and moved into place when complete.",
            "Given a sweep directory (one holding sweep.sqlite), builds the sweep's report instead: Pareto fronts, "
                    + "energy along each parameter, the non-dominated, infeasible and failed points; by default "
                    + "into DIR/report."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Run directories, or one sweep directory.")
    private List<Path> runDirectories;

    @Option(names = "--energy", paramLabel = "TABLE",
            description = "Energy table: a preset (45nm, normalized) or a YAML file (default: 45nm). Re-pricing "
                    + "needs no new simulation.")
    private String energy = "45nm";

    @Option(names = "--area", paramLabel = "TABLE",
            description = "Area table: a preset (45nm, normalized) or a YAML file (default: 45nm). Re-pricing "
                    + "needs no new simulation.")
    private String area = AreaTable.DEFAULT;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (default: out/report; for a sweep, DIR/report).")
    private Path out = Path.of("out", "report");

    @Override
    public Integer call() throws IOException {
        if (runDirectories.stream().anyMatch(SweepResults::isSweep)) {
            return sweep();
        }
        List<Path> inputs = new ArrayList<>(runDirectories);
        inputs.add(StagedOutput.input(energy));
        inputs.add(StagedOutput.input(area));
        try (StagedOutput output = StagedOutput.open("--out", out, "report", inputs)) {
            new ReportService(spec.commandLine().getOut(), spec.commandLine().getErr())
                    .reportInto(runDirectories, energy, area, output.directory(), out.toAbsolutePath(), out,
                            UnaryOperator.identity());
            output.commit();
        }
        return 0;
    }

    /** The report of one sweep directory: its measures were priced when the sweep ran. */
    private int sweep() throws IOException {
        if (runDirectories.size() > 1) {
            throw new InvalidInputException(runDirectories.stream().filter(SweepResults::isSweep)
                    .findFirst().orElseThrow() + " is a sweep directory; report a sweep on its own");
        }
        for (String option : new String[] {"--energy", "--area"}) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new InvalidInputException(option + " does not apply to a sweep directory: its points were priced "
                        + "with the tables of the sweep file (energyTable)");
            }
        }
        Path sweep = runDirectories.get(0);
        Path target = spec.commandLine().getParseResult().hasMatchedOption("--out") ? out
                : sweep.resolve(SweepReport.DIRECTORY);
        SweepResults results = SweepReport.build(sweep, target);
        spec.commandLine().getOut().println("report of sweep " + results.facts().getOrDefault("sweepFile", sweep.toString())
                + " (" + results.points().size() + " points): open " + target.toAbsolutePath().resolve("index.html").toUri());
        return 0;
    }
}
