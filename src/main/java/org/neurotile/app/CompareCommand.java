package org.neurotile.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurotile.neuron.chip.ChipRules;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.reports.energy.EnergyTable;
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

    @Option(names = "--rules", split = ChipRules.LIST_SPLIT, splitSynopsisLabel = ",", paramLabel = "RULE",
            description = "Rules (default: bp,dfa,ssdfa,binary-dfa,blocked-dfa:s=2).")
    private List<String> rules = List.of("bp", "dfa", "ssdfa", "binary-dfa", "blocked-dfa:s=2");

    @Option(names = "--array", paramLabel = "WxH", description = "Tile array (default: the chip's, 32x32).")
    private String array;

    @Option(names = "--chip", paramLabel = "FILE|processor", description = "Chip file, or the processor baseline.")
    private String chip;

    @Option(names = "--energy", paramLabel = "TABLE", description = "Energy table of the report (default: 45nm).")
    private String energy = "45nm";

    @Mixin
    private MemoryCheck memoryCheck;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/compare).")
    private Path out = Path.of("out", "compare");

    @Override
    public Integer call() throws Exception {
        PrintWriter printer = spec.commandLine().getOut();
        PrintWriter errors = spec.commandLine().getErr();
        EnergyTable.resolve(energy);
        workloads.forEach(Workloads::resolve);
        rules.forEach(rule -> ChipRules.parse(rule, 1));
        if (array != null) {
            Topologies.parseArray(array);
        }
        NocReport.checkWritable(out);
        List<Path> runDirectories = new ArrayList<>();
        Progress progress = Progress.onTerminal(errors, workloads.size());
        for (String workload : workloads) {
            progress.starting(workload);
            Path directory = out.resolve("runs").resolve(workload.replaceAll("[^A-Za-z0-9._-]", "_"));
            List<String> args = new ArrayList<>(List.of("run", "--workload", workload, "--compare",
                    String.join(",", rules), "--trace", "--out", directory.toString()));
            if (array != null) {
                args.addAll(List.of("--array", array));
            }
            if (chip != null) {
                args.addAll(List.of("--chip", chip));
            }
            if (memoryCheck.skip) {
                args.add(MemoryCheck.OPTION);
            }
            int status = Main.execute(args.toArray(String[]::new), printer, errors);
            if (status != 0) {
                progress.finish();
                return status;
            }
            runDirectories.add(directory);
            progress.stepDone();
            printer.println();
        }
        progress.finish();
        List<String> reportArgs = new ArrayList<>(List.of("report"));
        runDirectories.forEach(d -> reportArgs.add(d.toString()));
        reportArgs.addAll(List.of("--energy", energy, "--out", out.resolve("report").toString()));
        return Main.execute(reportArgs.toArray(String[]::new), printer, errors);
    }
}
