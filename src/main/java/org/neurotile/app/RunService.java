package org.neurotile.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurotile.app.output.OutputMarker;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.train.FunctionalStep;
import org.neurotile.neuron.train.StateDump;
import org.neurotile.reports.area.AreaTable;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.trace.ChromeTraceRecorder;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.Dataset;
import org.neurotile.workloads.data.SyntheticDataset;

/**
 * Runs a {@link RunConfig}: one example of each rule on the chip, counted and timed; prints the
 * table and writes result.json, counts.csv and config.json per rule (and trace.json, and the state
 * of a functional step, when asked for).
 */
final class RunService {
    private final PrintWriter printer;
    private final PrintWriter errors;
    private final MemoryCheck memoryCheck;
    private final AreaTable areaTable;

    /** Prints the run to {@code printer}, a progress bar to {@code errors} on a terminal; areas under the default table. */
    RunService(PrintWriter printer, PrintWriter errors, MemoryCheck memoryCheck) {
        this(printer, errors, memoryCheck, AreaTable.preset(AreaTable.DEFAULT));
    }

    /** As above, the chip's area priced with {@code areaTable}. */
    RunService(PrintWriter printer, PrintWriter errors, MemoryCheck memoryCheck, AreaTable areaTable) {
        this.printer = printer;
        this.errors = errors;
        this.memoryCheck = memoryCheck;
        this.areaTable = areaTable;
    }

    /** Runs {@code config} and writes its output to {@code out} (and its state dump, if any), whole or not at all. */
    List<RunReport> run(RunConfig config, Path out) throws Exception {
        check(config);
        Path dumpState = config.dumpState();
        List<Path> inputs = new ArrayList<>(config.inputs(dumpState));
        inputs.add(StagedOutput.input(areaTable.origin()));
        try (StagedOutput output = StagedOutput.open("--out", out, "run", inputs);
             StagedOutput dump = dumpState == null ? null
                     : StagedOutput.open("--dump-state", dumpState, "run --dump-state", config.inputs(out))) {
            List<RunReport> reports = runInto(config, output.directory(), out, dump == null ? null : dump.directory(),
                    true);
            if (dump != null) {
                dump.commit();
            }
            output.commit();
            return reports;
        }
    }

    /** Checks, before any work or output, that the run fits in the heap and every rule on the chip. */
    void check(RunConfig config) {
        NetworkSpec network = config.network();
        Chip chip = config.chip();
        memoryCheck.require(HeapEstimate.ofRun(network, chip.topology(), config.chipRules().size(), config.functional(),
                config.trace()), "this run");
        for (LearningRule chipRule : config.chipRules()) {
            try {
                chip.requireRuns(network, chipRule, OptimizerCost.SGD,
                        WordSizes.uniform(chip.spec().tile().wordBytes()), 1);
            } catch (InvalidInputException e) {
                boolean named = !config.compared() || e.getMessage().startsWith("rule '");
                throw named ? e : new InvalidInputException("rule '" + chipRule.spec() + "': " + e.getMessage());
            }
        }
    }

    /**
     * Runs and writes every file of the run into {@code directory}, its marker included, and the
     * state dump, if asked for, into {@code dumpDirectory}; messages name the directory as
     * {@code shown}, where it will be when the caller moves it into place. The progress bar of its
     * rules shows only when asked for (not inside a command with a bar of its own).
     */
    List<RunReport> runInto(RunConfig config, Path directory, Path shown, Path dumpDirectory, boolean showProgress)
            throws Exception {
        NetworkSpec network = config.network();
        List<String> rules = config.rules();
        Chip chip = config.chip();
        List<RunReport> reports = new ArrayList<>();
        List<ChromeTraceRecorder> recorders = new ArrayList<>();
        Progress progress = showProgress ? Progress.onTerminal(errors, config.chipRules().size()) : Progress.silent();
        for (LearningRule chipRule : config.chipRules()) {
            progress.starting(chipRule.spec() + " on " + chip.topology().spec());
            ChromeTraceRecorder recorder = config.trace() ? new ChromeTraceRecorder() : null;
            recorders.add(recorder);
            Chip.Example example = chip.run(network, chipRule, config.biases(),
                    recorder != null ? recorder : TraceRecorder.disabled());
            RunReport report = new RunReport(chipRule.spec(), example,
                    chip.model().closedForm(chipRule, network).orElse(null), chip, areaTable);
            if (config.functional()) {
                FunctionalStep step = functionalStep(config, chipRule);
                report.setFunctional(step);
                if (dumpDirectory != null && reports.isEmpty()) {
                    StateDump.write(dumpDirectory, step, chipRule.spec(), config.biases());
                }
            }
            reports.add(report);
            progress.stepDone();
        }
        progress.finish();
        String biases = config.biases() ? "" : ", no biases";
        printer.printf("%s (%s) on %s%s%n", network.name(), network.describe(), chip.model().summary(), biases);
        RunReport.printTable(printer, rules, reports);
        RunReport.printArea(printer, rules, reports);
        for (int i = 0; i < reports.size(); i++) {
            Path ruleDirectory = reports.size() == 1 ? directory : directory.resolve(directoryName(rules.get(i)));
            if (config.trace()) {
                recorders.get(i).write(ruleDirectory.resolve("trace.json"));
            }
            reports.get(i).writeFiles(ruleDirectory, config.asConfig(i));
        }
        OutputMarker.write(directory, "run");
        printer.println("wrote " + shown + (reports.size() == 1 ? "/result.json, counts.csv" : "/<rule>/result.json, counts.csv")
                + (config.trace() ? ", trace.json" : ""));
        return reports;
    }

    /** The directory of a rule's run under --out when several rules run. */
    static String directoryName(String rule) {
        return rule.replace(':', '_');
    }

    /** The values of the step on one seeded synthetic example (streams under the run's seed). */
    private static FunctionalStep functionalStep(RunConfig config, LearningRule chipRule) {
        NetworkSpec network = config.network();
        long seed = config.seed();
        Dataset data = new SyntheticDataset(seed, network.inputSize(), network.outputs(), 1).generate();
        float[] values = new float[network.inputSize()];
        data.copyInput(0, values);
        double[] input = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            input[i] = values[i];
        }
        Model initial = Model.initial(network, seed, config.precision());
        return FunctionalStep.run(initial, chipRule, seed, input, data.label(0), config.learningRate(),
                config.biases());
    }
}
