package org.neurotile.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.ProcessorSpec;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.neuron.math.NumberFormat;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.functional.WeightInit;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigSection;
import org.neurotile.sim.config.DoubleRange;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;
import org.neurotile.workloads.data.DataSelection;

/**
 * One sweep point's configuration read from a flat mapping whose keys are those of a run's
 * config.json (the chip's keys as in chip.json): what it runs, checked, and every key resolved
 * with its default, which is what the point's hash covers and what a point function reads back.
 *
 * @param train the training run, for {@code train} mode; null in {@code count} mode
 */
record SweepPointConfig(String mode, String workload, NetworkSpec network, LearningRule rule, long seed,
                        boolean biases, String energy, EnergyTable energyTable, NumberFormats numbers, Chip chip,
                        TrainConfig train, Map<String, Object> resolved) {
    static final String COUNT = "count";
    static final String TRAIN = "train";
    private static final List<String> COMMON_KEYS = List.of("workload", "rule", "seed", "biases", "energyTable",
            "chip", "numbers", "weightNumbers", "activationNumbers", "errorNumbers");
    private static final List<String> TRAIN_KEYS = List.of("data", "testData", "trainExamples", "testExamples",
            "epochs", "batch", "optimizer", "learningRate", "learningRateDecay", "momentum", "epsilon", "precision",
            "clipNorm", "init");
    private static final String PROCESSOR = "processor";

    /** The keys of a point in {@code mode}. */
    static List<String> keys(String mode) {
        List<String> keys = new ArrayList<>(COMMON_KEYS);
        keys.addAll(ChipConfigFile.KEYS);
        if (mode.equals(TRAIN)) {
            keys.addAll(TRAIN_KEYS);
        }
        return keys;
    }

    /** Reads and checks every key of {@code c}; errors name its file, line and key. */
    static SweepPointConfig read(ConfigSection c, String mode) {
        if (mode.equals(COUNT)) {
            for (String key : c.keys()) {
                if (TRAIN_KEYS.contains(key)) {
                    throw c.invalid(key, "is a key of training points (--mode train); a count point runs one "
                            + "example");
                }
            }
        }
        c.requireOnlyKeys(keys(mode));
        Map<String, Object> resolved = new LinkedHashMap<>();
        String workload = c.getString("workload", RunConfig.DEFAULT_WORKLOAD);
        NetworkSpec network = parsed(c, "workload", () -> Workloads.resolve(workload));
        resolved.put("workload", workload);
        long seed = c.getLong("seed", RunConfig.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        String ruleName = c.getString("rule", RunConfig.DEFAULT_RULE);
        LearningRule rule = parsed(c, "rule", () -> LearningRules.parse(ruleName, seed));
        resolved.put("rule", rule.spec());
        resolved.put("seed", seed);
        boolean biases = c.getBoolean("biases", true);
        resolved.put("biases", biases);
        String energy = c.getString("energyTable", TrainConfig.DEFAULT_ENERGY);
        EnergyTable table = parsed(c, "energyTable", () -> EnergyTable.resolve(energy));
        resolved.put("energyTable", energy);
        NumberFormats numbers = new NumberFormats(format(c, "weightNumbers"), format(c, "activationNumbers"),
                format(c, "errorNumbers"));
        resolved.put("weightNumbers", numbers.weights().spec());
        resolved.put("activationNumbers", numbers.activations().spec());
        resolved.put("errorNumbers", numbers.errors().spec());
        Chip chip = chip(c, resolved);
        TrainConfig train = mode.equals(TRAIN)
                ? train(c, resolved, workload, network, rule, seed, biases, energy, table, numbers, chip) : null;
        return new SweepPointConfig(mode, workload, network, rule, seed, biases, energy, table, numbers, chip, train,
                resolved);
    }

    /** The optimizer whose state the chip keeps: SGD's (none) for a count point. */
    OptimizerCost optimizerCost() {
        return train == null ? OptimizerCost.SGD : train.optimizerCost();
    }

    int batch() {
        return train == null ? 1 : train.batch();
    }

    private static NumberFormat format(ConfigSection c, String key) {
        if (c.has(key)) {
            String text = c.getString(key, null);
            return parsed(c, key, () -> NumberFormat.parse(key, text));
        }
        String all = c.getString("numbers", "float32");
        return parsed(c, "numbers", () -> NumberFormat.parse("numbers", all));
    }

    /** Defaults, then a chip file or the processor ({@code chip:}), then the chip keys. */
    private static Chip chip(ConfigSection c, Map<String, Object> resolved) {
        String file = c.getString("chip", null);
        if (PROCESSOR.equals(file)) {
            for (String key : ChipConfigFile.KEYS) {
                if (c.has(key) && !key.equals(TileParameters.MACS_PER_CYCLE.key())) {
                    throw c.invalid(key, "does not apply to chip: processor, which has no tiles (macsPerCycle does)");
                }
            }
            ProcessorSpec d = ProcessorSpec.DEFAULTS;
            int macs = TileParameters.read(c, ChipSpec.DEFAULTS.tile()).macsPerCycle();
            resolved.put("chip", PROCESSOR);
            resolved.put(TileParameters.MACS_PER_CYCLE.key(), macs);
            return Chip.processor(new ProcessorSpec(macs, d.offChipBytesPerCycle(), d.offChipBytes(), d.wordBytes(),
                    d.phaseOverheadCycles()));
        }
        ChipSpec base = file == null ? ChipSpec.DEFAULTS
                : parsed(c, "chip", () -> ChipConfigFile.read(Path.of(file), ChipSpec.DEFAULTS));
        ChipSpec spec = ChipConfigFile.read(c, base);
        Chip chip = parsed(c, "topology", () -> new Chip(spec));
        resolved.putAll(ChipConfigFile.toConfig(spec));
        return chip;
    }

    private static TrainConfig train(ConfigSection c, Map<String, Object> resolved, String workload,
                                     NetworkSpec network, LearningRule rule, long seed, boolean biases, String energy,
                                     EnergyTable table, NumberFormats numbers, Chip chip) {
        String data = c.getString("data", DataSelection.CLUSTERS);
        String testData = c.getString("testData", null);
        OptionalInt trainExamples = c.has("trainExamples")
                ? OptionalInt.of(c.requireInt("trainExamples", 1, Integer.MAX_VALUE)) : OptionalInt.empty();
        OptionalInt testExamples = c.has("testExamples")
                ? OptionalInt.of(c.requireInt("testExamples", 1, Integer.MAX_VALUE)) : OptionalInt.empty();
        int epochs = c.getInt("epochs", TrainConfig.DEFAULT_EPOCHS, 1, 1_000_000);
        int batch = c.getInt("batch", TrainConfig.DEFAULT_BATCH, 1, 1_000_000);
        String optimizerName = c.getChoice("optimizer", OptimizerCost.SGD.id(),
                List.of(OptimizerCost.SGD.id(), OptimizerCost.MOMENTUM.id(), OptimizerCost.ADAM.id()));
        OptimizerCost optimizer = OptimizerCost.byName(optimizerName);
        double rate = c.getDouble("learningRate", Optimizer.Settings.defaultLearningRate(optimizer),
                DoubleRange.positive());
        double decay = c.getDouble("learningRateDecay", 1, DoubleRange.positive());
        double momentum = c.getDouble("momentum", Optimizer.Settings.DEFAULT_MOMENTUM, DoubleRange.closed(0, 0.999999));
        if (c.has("epsilon") && !optimizer.equals(OptimizerCost.ADAM)) {
            throw c.invalid("epsilon", "is Adam's: give it with optimizer: adam, not " + optimizer.id());
        }
        double epsilon = c.getDouble("epsilon", Optimizer.Settings.DEFAULT_EPSILON, DoubleRange.positive());
        String precisionName = c.getString("precision", Precision.FLOAT32.id());
        Precision precision = parsed(c, "precision", () -> Precision.byName(precisionName));
        OptionalDouble clipNorm = c.has("clipNorm") ? OptionalDouble.of(c.requireDouble("clipNorm",
                DoubleRange.positive())) : OptionalDouble.empty();
        WeightInit init = WeightInit.parse(c.getChoice("init", WeightInit.DEFAULT.id(), WeightInit.ids()), "init");
        DataSelection selection = parsed(c, "data", () -> new DataSelection(data,
                testData == null ? null : Path.of(testData), trainExamples, testExamples, seed));
        resolved.put("data", data);
        if (testData != null) {
            resolved.put("testData", testData);
        }
        trainExamples.ifPresent(n -> resolved.put("trainExamples", n));
        testExamples.ifPresent(n -> resolved.put("testExamples", n));
        resolved.put("epochs", epochs);
        resolved.put("batch", batch);
        resolved.put("optimizer", optimizer.id());
        resolved.put("learningRate", rate);
        resolved.put("learningRateDecay", decay);
        if (optimizer.equals(OptimizerCost.MOMENTUM)) {
            resolved.put("momentum", momentum);
        }
        if (optimizer.equals(OptimizerCost.ADAM)) {
            resolved.put("epsilon", epsilon);
        }
        resolved.put("precision", precision.id());
        clipNorm.ifPresent(n -> resolved.put("clipNorm", n));
        resolved.put("init", init.id());
        return new TrainConfig(workload, network, rule, selection, epochs, batch,
                Optimizer.Settings.withMomentum(optimizer, momentum).withEpsilon(epsilon), rate, decay, precision,
                numbers, seed, biases, chip, null, energy, table, false, 0, false, clipNorm, init);
    }

    /** The value of {@code key} read by its own parser, whose refusal then names the file, line and key. */
    static <T> T parsed(ConfigSection c, String key, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            throw c.invalid(key, "is not valid: " + e.getMessage());
        }
    }
}
