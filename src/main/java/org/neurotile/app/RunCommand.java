package org.neurotile.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.math.Precision;
import org.neurotile.reports.area.AreaTable;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Freezing;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;
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
    private String workload = RunConfig.DEFAULT_WORKLOAD;

    @Option(names = "--rule", paramLabel = "RULE",
            description = "Learning rule: ${bundle:rules.forms} (default: " + RunConfig.DEFAULT_RULE + ").")
    private String rule = RunConfig.DEFAULT_RULE;

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

    @Option(names = "--freeze", paramLabel = "LAYERS", description = "Layers that keep their weights: conv (every "
            + "convolution: the transfer setting) or numbers and ranges, e.g. 1-3,5 (default: none).")
    private String freeze;

    @Option(names = "--seed", description = "Seed of the random feedback patterns (default: "
            + RunConfig.DEFAULT_SEED + ").")
    private long seed = RunConfig.DEFAULT_SEED;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "count (default) or functional: also compute the values of the step, "
                    + "on a seeded synthetic example; the counts are the same.")
    private String mode = "count";

    @Option(names = "--precision", paramLabel = "P",
            description = "Functional mode: float32 (default; every operation rounded to float32) or float64.")
    private String precision = "float32";

    @Option(names = "--learning-rate", paramLabel = "LR",
            description = "SGD learning rate of the step (default: " + RunConfig.DEFAULT_LEARNING_RATE + ").")
    private double learningRate = RunConfig.DEFAULT_LEARNING_RATE;

    @Option(names = "--dump-state", paramLabel = "DIR",
            description = "Functional mode: write the step as NumPy .npy files and manifest.json (first rule).")
    private Path dumpState;

    @Option(names = "--trace", description = "Also write trace.json per rule: each tile's tasks and each link's "
            + "packets over time (Chrome trace events; open in ui.perfetto.dev).")
    private boolean trace;

    @Option(names = "--area", paramLabel = "TABLE",
            description = "Area table of the chip's area in result.json: a preset (45nm, normalized) or a YAML file "
                    + "(default: " + AreaTable.DEFAULT + ").")
    private String area = AreaTable.DEFAULT;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/run).")
    private Path out = Path.of("out", "run");

    @Override
    public Integer call() throws Exception {
        RunConfig config = config();
        new RunService(spec.commandLine().getOut(), spec.commandLine().getErr(), memoryCheck, AreaTable.resolve(area))
                .run(config, out);
        return 0;
    }

    /** The options as a run's configuration, checked. */
    RunConfig config() {
        NetworkSpec network = freeze == null ? Workloads.resolve(workload)
                : Freezing.apply(Workloads.resolve(workload), freeze);
        if (!mode.equals("count") && !mode.equals("functional")) {
            throw new InvalidInputException("--mode " + mode + " is not one of: count, functional");
        }
        boolean functional = mode.equals("functional") || dumpState != null;
        Precision numbers = Precision.byName(precision);
        List<String> rules = compare == null ? List.of(rule)
                : ListOptions.require("--compare", "rule", compare, RunService::directoryName);
        List<LearningRule> chipRules = RunConfig.parse(rules, seed);
        return new RunConfig(workload, network, rules, chipRules, compare != null, chipOptions.chip(),
                chipOptions.file(), !noBiases, seed, functional, numbers, learningRate, dumpState, trace);
    }
}
