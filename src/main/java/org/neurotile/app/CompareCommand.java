package org.neurotile.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.reports.area.AreaTable;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code neurotile compare}: the main job. Runs every workload under every rule on one chip, then
 * builds the report of all runs.
 */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Runs each workload under each rule on one chip (count mode, one example) and builds the report: "
                    + "OUT/runs/<workload>/<rule>/ as 'neurotile run --compare' writes them, OUT/report/index.html, "
                    + "summary.csv and summary.json."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--workloads", split = ",", paramLabel = "NAME|FILE",
            description = "Networks (default: mnist-fc,alexnet-fc).")
    private List<String> workloads = List.of("mnist-fc", "alexnet-fc");

    @Option(names = "--rules", split = LearningRules.LIST_SPLIT, splitSynopsisLabel = ",", paramLabel = "RULE",
            description = "Rules (default: ${bundle:rules.compared}).")
    private List<String> rules = LearningRules.comparedByDefault();

    @Option(names = "--array", paramLabel = "WxH", description = "Tile array (default: the chip's, 32x32).")
    private String array;

    @Option(names = "--chip", paramLabel = "FILE|processor", description = "Chip file, or the processor baseline.")
    private String chip;

    @Option(names = "--energy", paramLabel = "TABLE", description = "Energy table of the report (default: 45nm).")
    private String energy = "45nm";

    @Option(names = "--area", paramLabel = "TABLE",
            description = "Area table of the runs and the report (default: " + AreaTable.DEFAULT + ").")
    private String area = AreaTable.DEFAULT;

    @Mixin
    private MemoryCheck memoryCheck;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/compare).")
    private Path out = Path.of("out", "compare");

    @Override
    public Integer call() throws Exception {
        PrintWriter printer = spec.commandLine().getOut();
        PrintWriter errors = spec.commandLine().getErr();
        EnergyTable.resolve(energy);
        AreaTable areaTable = AreaTable.resolve(area);
        workloads = ListOptions.require("--workloads", "workload", workloads, CompareCommand::directoryName);
        rules = ListOptions.require("--rules", "rule", rules, RunService::directoryName);
        RunService runs = new RunService(printer, errors, memoryCheck, areaTable);
        List<RunConfig> configs = new ArrayList<>();
        for (String workload : workloads) {
            try {
                NetworkSpec network = Workloads.resolve(workload);
                List<LearningRule> chipRules = RunConfig.parse(rules, RunConfig.DEFAULT_SEED);
                ChipOptions chipOptions = ChipOptions.of(chip, array);
                RunConfig config = RunConfig.counting(workload, network, rules, chipRules, chipOptions.chip(),
                        chipOptions.file());
                runs.check(config);
                configs.add(config);
            } catch (InvalidInputException e) {
                throw e.getMessage().startsWith(workload) ? e
                        : new InvalidInputException(workload + ": " + e.getMessage());
            }
        }
        List<Path> inputs = new ArrayList<>();
        workloads.forEach(workload -> inputs.add(StagedOutput.input(workload)));
        inputs.add(StagedOutput.input(chip));
        inputs.add(StagedOutput.input(energy));
        inputs.add(StagedOutput.input(area));
        try (StagedOutput output = StagedOutput.open("--out", out, "compare", inputs)) {
            compareInto(output.directory(), runs, configs, printer, errors);
            output.commit();
        }
        return 0;
    }

    /** Runs every planned workload into {@code directory}/runs and builds {@code directory}/report. */
    private void compareInto(Path directory, RunService runs, List<RunConfig> configs, PrintWriter printer,
                             PrintWriter errors) throws Exception {
        List<Path> runDirectories = new ArrayList<>();
        Progress progress = Progress.onTerminal(errors, workloads.size());
        for (int i = 0; i < workloads.size(); i++) {
            String workload = workloads.get(i);
            progress.starting(workload);
            Path runDirectory = Path.of("runs", directoryName(workload));
            Files.createDirectories(directory.resolve(runDirectory));
            runs.runInto(configs.get(i), directory.resolve(runDirectory), out.resolve(runDirectory), null, false);
            runDirectories.add(directory.resolve(runDirectory));
            progress.stepDone();
            printer.println();
        }
        progress.finish();
        Path reportDirectory = Files.createDirectory(directory.resolve("report"));
        Path staged = directory.toAbsolutePath();
        Path target = out.toAbsolutePath().normalize();
        new ReportService(printer, errors).reportInto(runDirectories, energy, area, reportDirectory, reportDirectory,
                out.resolve("report"), run -> target.resolve(staged.relativize(run.toAbsolutePath())));
    }

    private static String directoryName(String workload) {
        return workload.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
