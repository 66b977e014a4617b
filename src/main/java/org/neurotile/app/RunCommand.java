package org.neurotile.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurotile.app.output.OutputMarker;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.math.Model;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.train.StateDump;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.train.FunctionalStep;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.trace.ChromeTraceRecorder;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;
import org.neurotile.workloads.data.Dataset;
import org.neurotile.workloads.data.SyntheticDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neurotile run}: one training example on the tile array, counted and timed. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs one training example of a network under a learning rule on an array of neuron tiles (count mode) "
                    + "and reports what it costs: memory accesses, MACs, words and bytes moved, NoC traffic, cycles.",
            "Prints a summary and writes result.json, counts.csv (one row per tile, layer and phase) and config.json "
                    + "to --out."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--workload", paramLabel = "NAME|FILE",
            description = "A catalog network (mnist-fc, cifar10-fc, alexnet-fc, ...) or a network file (default: mnist-fc).")
    private String workload = "mnist-fc";

    @Option(names = "--rule", paramLabel = "RULE",
            description = "Learning rule: " + LearningRules.FORMS + " (default: dfa).")
    private String rule = "dfa";

    @Option(names = "--compare", split = LearningRules.LIST_SPLIT, splitSynopsisLabel = ",", paramLabel = "RULE",
            description = "Several rules on the same chip, side by side with ratios to the first; replaces --rule.")
    private List<String> compare;

    @Mixin
    private ChipOptions chipOptions;

    @Mixin
    private MemoryCheck memoryCheck;

    @Option(names = "--no-biases", negatable = false,
            description = "Neurons without biases, the assumption of the spec's closed forms.")
    private boolean noBiases;

    @Option(names = "--seed", description = "Seed of the random feedback patterns (default: 1).")
    private long seed = 1;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "count (default) or functional: also compute the values of the step, "
                    + "on a seeded synthetic example; the counts are the same.")
    private String mode = "count";

    @Option(names = "--precision", paramLabel = "P",
            description = "Functional mode: float32 (default; every operation rounded to float32) or float64.")
    private String precision = "float32";

    @Option(names = "--learning-rate", paramLabel = "LR", description = "SGD learning rate of the step (default: 0.01).")
    private double learningRate = 0.01;

    @Option(names = "--dump-state", paramLabel = "DIR",
            description = "Functional mode: write the step as NumPy .npy files and manifest.json (first rule).")
    private Path dumpState;

    @Option(names = "--trace", description = "Also write trace.json per rule: each tile's tasks and each link's "
            + "packets over time (Chrome trace events; open in ui.perfetto.dev).")
    private boolean trace;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/run).")
    private Path out = Path.of("out", "run");

    @Override
    public Integer call() throws Exception {
        Plan plan = plan();
        try (StagedOutput output = StagedOutput.open("--out", out, "run", inputs(dumpState));
             StagedOutput dump = dumpState == null ? null
                     : StagedOutput.open("--dump-state", dumpState, "run --dump-state", inputs(out))) {
            runInto(plan, output.directory(), out, dump == null ? null : dump.directory(), true);
            if (dump != null) {
                dump.commit();
            }
            output.commit();
        }
        return 0;
    }

    /** What the options ask for, checked before any work or output. */
    record Plan(NetworkSpec network, List<String> rules, List<LearningRule> chipRules, Chip chip, Precision numbers,
                boolean functional) {}

    Plan plan() {
        NetworkSpec network = Workloads.resolve(workload);
        if (!mode.equals("count") && !mode.equals("functional")) {
            throw new InvalidInputException("--mode " + mode + " is not one of: count, functional");
        }
        boolean functional = mode.equals("functional") || dumpState != null;
        Precision numbers = Precision.byName(precision);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidInputException("--learning-rate must be a positive number, got " + learningRate);
        }
        List<String> rules = compare == null ? List.of(rule)
                : ListOptions.require("--compare", "rule", compare, RunCommand::directoryName);
        List<LearningRule> chipRules = rules.stream().map(r -> LearningRules.parse(r, seed)).toList();
        Chip chip = chipOptions.chip();
        memoryCheck.require(HeapEstimate.ofRun(network, chip.topology(), chipRules.size(), functional, trace),
                "this run");
        for (LearningRule chipRule : chipRules) {
            try {
                chip.requireRuns(network, chipRule, OptimizerCost.SGD,
                        WordSizes.uniform(chip.spec().tile().wordBytes()), 1);
            } catch (InvalidInputException e) {
                boolean named = compare == null || e.getMessage().startsWith("rule '");
                throw named ? e : new InvalidInputException("rule '" + chipRule.spec() + "': " + e.getMessage());
            }
        }
        return new Plan(network, rules, chipRules, chip, numbers, functional);
    }

    /** The files this run reads and its other output, which an output must not overlap (nulls: not given). */
    private List<Path> inputs(Path otherOutput) {
        return Arrays.asList(otherOutput, StagedOutput.input(workload), chipOptions.file());
    }

    /**
     * Runs and writes every file of the run into {@code directory}, its marker included, and the
     * state dump, if asked for, into {@code dumpDirectory}; messages name the directory as
     * {@code shown}, where it will be when the caller moves it into place. The progress bar of its
     * rules shows only when asked for (not inside a command with a bar of its own).
     */
    void runInto(Plan plan, Path directory, Path shown, Path dumpDirectory, boolean showProgress) throws Exception {
        NetworkSpec network = plan.network();
        List<String> rules = plan.rules();
        Precision numbers = plan.numbers();
        Chip chip = plan.chip();
        List<RunReport> reports = new ArrayList<>();
        List<ChromeTraceRecorder> recorders = new ArrayList<>();
        Progress progress = showProgress ? Progress.onTerminal(spec.commandLine().getErr(), plan.chipRules().size())
                : Progress.silent();
        for (LearningRule chipRule : plan.chipRules()) {
            progress.starting(chipRule.spec() + " on " + chip.topology().spec());
            ChromeTraceRecorder recorder = trace ? new ChromeTraceRecorder() : null;
            recorders.add(recorder);
            Chip.Example example = chip.run(network, chipRule, !noBiases,
                    recorder != null ? recorder : TraceRecorder.disabled());
            RunReport report = new RunReport(chipRule.spec(), example,
                    chip.model().closedForm(chipRule, network).orElse(null), chip);
            if (plan.functional()) {
                FunctionalStep step = functionalStep(network, chipRule, numbers);
                report.setFunctional(step);
                if (dumpDirectory != null && reports.isEmpty()) {
                    StateDump.write(dumpDirectory, step, chipRule.spec(), !noBiases);
                }
            }
            reports.add(report);
            progress.stepDone();
        }
        progress.finish();
        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("%s (%s) on %s%s%n", network.name(), network.describe(), chip.model().summary(),
                noBiases ? ", no biases" : "");
        RunReport.printTable(printer, rules, reports);
        Map<String, Object> config = config(network, chip);
        for (int i = 0; i < reports.size(); i++) {
            Path ruleDirectory = reports.size() == 1 ? directory : directory.resolve(directoryName(rules.get(i)));
            Map<String, Object> ruleConfig = new LinkedHashMap<>(config);
            ruleConfig.put("rule", rules.get(i));
            if (trace) {
                recorders.get(i).write(ruleDirectory.resolve("trace.json"));
            }
            reports.get(i).writeFiles(ruleDirectory, ruleConfig);
        }
        OutputMarker.write(directory, "run");
        printer.println("wrote " + shown + (reports.size() == 1 ? "/result.json, counts.csv" : "/<rule>/result.json, counts.csv")
                + (trace ? ", trace.json" : ""));
    }

    /** The directory of a rule's run under --out when several rules run. */
    static String directoryName(String rule) {
        return rule.replace(':', '_');
    }

    /** The values of the step on one seeded synthetic example (streams under --seed). */
    private FunctionalStep functionalStep(NetworkSpec network, LearningRule chipRule, Precision numbers) {
        Dataset data = new SyntheticDataset(seed, network.inputSize(), network.outputs(), 1).generate();
        float[] values = new float[network.inputSize()];
        data.copyInput(0, values);
        double[] input = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            input[i] = values[i];
        }
        Model initial = Model.initial(network, seed, numbers);
        return FunctionalStep.run(initial, chipRule, seed, input, data.label(0), learningRate, !noBiases);
    }

    private Map<String, Object> config(NetworkSpec network, Chip chip) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("workload", workload);
        config.put("network", network.describe());
        config.put("chip", RunReport.chipConfig(chip));
        config.put("biases", !noBiases);
        config.put("seed", seed);
        config.put("mode", dumpState != null ? "functional" : mode);
        config.put("learningRate", learningRate);
        if (dumpState != null || mode.equals("functional")) {
            config.put("precision", numbersId());
        }
        return config;
    }

    private String numbersId() {
        return Precision.byName(precision).id();
    }
}
