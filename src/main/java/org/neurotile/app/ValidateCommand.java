package org.neurotile.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipRule;
import org.neurotile.neuron.chip.ChipRules;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.MappingDoesNotFitException;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neurotile validate}: simulated counts against the spec's closed forms. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Runs every rule that has a closed form on the tile array, in the configuration that matches the closed "
                    + "forms' assumptions (neurons without biases), and compares reads, writes, MACs and words moved.",
            "Prints pass or fail per rule and category; exits with status 1 on any mismatch."})
final class ValidateCommand implements Callable<Integer> {
    static final int EXIT_MISMATCH = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--workload", split = ",", paramLabel = "NAME|FILE",
            description = "Networks to check (default: every catalog network that fits the array).")
    private List<String> workloads;

    @Option(names = "--array", paramLabel = "WxH", description = "Tile array (default: 32x32).")
    private String array = "32x32";

    @Mixin
    private MemoryCheck memoryCheck;

    @Override
    public Integer call() {
        ChipSpec defaults = ChipSpec.DEFAULTS;
        ChipSpec chipSpec = new ChipSpec(Topologies.parseArray(array), defaults.topology(), defaults.network(),
                defaults.tile(), defaults.mapping());
        // The processor's bp differs from its closed form by named effects (docs/counting.md): no exact claim.
        List<Chip> chips = List.of(new Chip(chipSpec));
        boolean explicit = workloads != null;
        List<String> names = explicit ? workloads : List.copyOf(NetworkCatalog.names());
        for (String name : names) {
            for (Chip chip : chips) {
                memoryCheck.require(HeapEstimate.ofRun(Workloads.resolve(name), chip.topology(), 1, false, false),
                        "checking " + name);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-22s %-9s %-10s %-11s %16s %16s%n", "workload", "rule", "chip", "category",
                "closed form", "simulated");
        int failures = 0;
        int checked = 0;
        for (String name : names) {
            NetworkSpec network = Workloads.resolve(name);
            for (Chip chip : chips) {
                String chipName = chip.isProcessor() ? "processor" : chip.topology().spec();
                for (String ruleName : ChipRules.EXAMPLES) {
                    ChipRule rule = ChipRules.parse(ruleName, 1);
                    if (rule.closedForm(network, chip.isProcessor()).isEmpty()) {
                        continue;
                    }
                    Chip.Example example;
                    try {
                        example = chip.run(network, rule, false, TraceRecorder.disabled());
                    } catch (MappingDoesNotFitException e) {
                        if (explicit) {
                            throw e;
                        }
                        out.printf(Locale.ROOT, "%-22s %-9s %-10s skipped: does not fit%n", name, ruleName, chipName);
                        continue;
                    }
                    RunReport report = new RunReport(ruleName, example,
                            rule.closedForm(network, chip.isProcessor()).get(), chip);
                    for (Map.Entry<String, Map<String, Object>> entry : report.closedFormComparison().entrySet()) {
                        long expected = (Long) entry.getValue().get("closedForm");
                        long simulated = (Long) entry.getValue().get("simulated");
                        boolean pass = expected == simulated;
                        failures += pass ? 0 : 1;
                        checked++;
                        out.printf(Locale.ROOT, "%-22s %-9s %-10s %-11s %,16d %,16d  %s%n", name, ruleName, chipName,
                                entry.getKey(), expected, simulated, pass ? "pass" : "FAIL");
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "%d passed, %d failed%n", checked - failures, failures);
        return failures == 0 ? 0 : EXIT_MISMATCH;
    }
}
