package org.neurotile.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.math.Precision;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkSpec;

/**
 * Everything a {@code neurotile run} is, resolved and checked: one example of each rule on one
 * chip, what {@link RunService} runs and what each rule's config.json records. Messages name the
 * options of {@code neurotile run}.
 *
 * @param workload   the network as the user named it (a catalog name or a file)
 * @param rules      the rules as the user wrote them, in order; their directories when there are several
 * @param chipRules  the rules parsed, in the same order
 * @param compared   the rules came as a list to compare (messages then name the rule)
 * @param chipFile   the chip file the chip was read from, or null
 * @param functional also compute the values of the step
 * @param precision  the arithmetic of the functional step
 * @param dumpState  where to write the functional step's state, or null
 * @param trace      also write each rule's trace
 */
record RunConfig(
        String workload,
        NetworkSpec network,
        List<String> rules,
        List<LearningRule> chipRules,
        boolean compared,
        Chip chip,
        Path chipFile,
        boolean biases,
        long seed,
        boolean functional,
        Precision precision,
        double learningRate,
        Path dumpState,
        boolean trace) {

    static final String DEFAULT_WORKLOAD = "mnist-fc";
    static final String DEFAULT_RULE = LearningRules.DEFAULT_RULE;
    static final long DEFAULT_SEED = 1;
    static final double DEFAULT_LEARNING_RATE = Optimizer.Settings.DEFAULT_LEARNING_RATE;

    RunConfig {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidInputException("--learning-rate must be a positive number, got " + learningRate);
        }
        rules = List.copyOf(rules);
        chipRules = List.copyOf(chipRules);
        if (rules.size() != chipRules.size()) {
            throw new IllegalArgumentException(rules.size() + " rules but " + chipRules.size() + " parsed");
        }
    }

    /** Each rule parsed, with the feedback patterns of {@code seed}. */
    static List<LearningRule> parse(List<String> rules, long seed) {
        return rules.stream().map(r -> LearningRules.parse(r, seed)).toList();
    }

    /** One example of each rule in count mode, as {@code compare} runs them, each with its trace. */
    static RunConfig counting(String workload, NetworkSpec network, List<String> rules, List<LearningRule> chipRules,
                              Chip chip, Path chipFile) {
        return new RunConfig(workload, network, rules, chipRules, true, chip, chipFile, true,
                DEFAULT_SEED, false, Precision.FLOAT32, DEFAULT_LEARNING_RATE, null, true);
    }

    /** The files this run reads and its other output, which an output must not overlap (nulls: not given). */
    List<Path> inputs(Path otherOutput) {
        return Arrays.asList(otherOutput, StagedOutput.input(workload), chipFile);
    }

    /** The configuration of rule {@code i}'s run, as its config.json records it. */
    Map<String, Object> asConfig(int i) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("workload", workload);
        config.put("network", network.describe());
        List<Integer> frozen = network.frozenLayers();
        if (!frozen.isEmpty()) {
            config.put("frozen", frozen);
        }
        config.put("chip", RunReport.chipConfig(chip));
        config.put("biases", biases);
        config.put("seed", seed);
        config.put("mode", functional ? "functional" : "count");
        config.put("learningRate", learningRate);
        if (functional) {
            config.put("precision", precision.id());
        }
        config.put("rule", rules.get(i));
        return config;
    }
}
