package org.neurotile.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.functional.WeightInit;
import org.neurotile.neuron.math.Arithmetic;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.train.Trainer;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.DataSelection;

/**
 * Everything a training run is, resolved and checked: what {@link TrainingService} runs and what
 * result.json and history.json record as the run's configuration. Messages name the options of
 * {@code neurotile train}.
 *
 * @param workload     the network as the user named it (a catalog name or a file)
 * @param chipFile     the chip file the chip was read from, or null
 * @param energy       the energy table as the user named it (a preset or a file)
 * @param clipNorm     the global L2 norm each example's gradient is clipped to; empty: no clipping
 * @param init         how the forward weights start
 * @param threads      the threads that share a minibatch's products (in the fixed arithmetic the results are the
 *                     same on any number)
 * @param arithmetic   how the float32 products are computed: in the documented order, or by a BLAS
 */
record TrainConfig(
        String workload,
        NetworkSpec network,
        LearningRule rule,
        DataSelection data,
        int epochs,
        int batch,
        Optimizer.Settings optimizer,
        double learningRate,
        double learningRateDecay,
        Precision precision,
        NumberFormats numbers,
        long seed,
        boolean biases,
        Chip chip,
        Path chipFile,
        String energy,
        EnergyTable energyTable,
        boolean alignment,
        int checkpointEvery,
        boolean resume,
        OptionalDouble clipNorm,
        WeightInit init,
        int threads,
        Arithmetic arithmetic) {

    static final int DEFAULT_EPOCHS = 10;
    static final int DEFAULT_BATCH = 1;
    static final String DEFAULT_WORKLOAD = RunConfig.DEFAULT_WORKLOAD;
    static final String DEFAULT_RULE = RunConfig.DEFAULT_RULE;
    static final long DEFAULT_SEED = RunConfig.DEFAULT_SEED;
    static final String DEFAULT_ENERGY = "45nm";

    TrainConfig {
        requirePositive("--lr", learningRate);
        requirePositive("--lr-decay", learningRateDecay);
        if (epochs < 1) {
            throw new InvalidInputException("--epochs must be at least 1, got " + epochs);
        }
        if (batch < 1) {
            throw new InvalidInputException("--batch must be at least 1, got " + batch);
        }
        if (threads < 1) {
            throw new InvalidInputException("--threads must be at least 1, got " + threads);
        }
        if (checkpointEvery < 0) {
            throw new InvalidInputException("--checkpoint-every must be at least 0, got " + checkpointEvery);
        }
        double momentum = optimizer.momentum();
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InvalidInputException("--momentum must be in [0, 1), got " + momentum);
        }
        requirePositive("--adam-epsilon", optimizer.epsilon());
        if (clipNorm.isPresent()) {
            requirePositive("--clip-norm", clipNorm.getAsDouble());
        }
        if (arithmetic == Arithmetic.FAST && precision != Precision.FLOAT32) {
            throw new InvalidInputException("--arithmetic fast computes float32 products: give it with --precision "
                    + "float32, not " + precision.id());
        }
        if (arithmetic == Arithmetic.FAST && numbers.quantizes()) {
            throw new InvalidInputException("--arithmetic fast computes float32 products: give it without "
                    + "fixed-point --numbers (weights " + numbers.weights().spec() + ", activations "
                    + numbers.activations().spec() + ", errors " + numbers.errors().spec() + ")");
        }
    }

    /** On one thread (a sweep's point: the sweep shares the machine among its points). */
    TrainConfig(String workload, NetworkSpec network, LearningRule rule, DataSelection data, int epochs, int batch,
                Optimizer.Settings optimizer, double learningRate, double learningRateDecay, Precision precision,
                NumberFormats numbers, long seed, boolean biases, Chip chip, Path chipFile, String energy,
                EnergyTable energyTable, boolean alignment, int checkpointEvery, boolean resume,
                OptionalDouble clipNorm, WeightInit init) {
        this(workload, network, rule, data, epochs, batch, optimizer, learningRate, learningRateDecay, precision,
                numbers, seed, biases, chip, chipFile, energy, energyTable, alignment, checkpointEvery, resume, clipNorm,
                init, 1, Arithmetic.FIXED);
    }

    /** With the default initialisation. */
    TrainConfig(String workload, NetworkSpec network, LearningRule rule, DataSelection data, int epochs, int batch,
                Optimizer.Settings optimizer, double learningRate, double learningRateDecay, Precision precision,
                NumberFormats numbers, long seed, boolean biases, Chip chip, Path chipFile, String energy,
                EnergyTable energyTable, boolean alignment, int checkpointEvery, boolean resume,
                OptionalDouble clipNorm) {
        this(workload, network, rule, data, epochs, batch, optimizer, learningRate, learningRateDecay, precision,
                numbers, seed, biases, chip, chipFile, energy, energyTable, alignment, checkpointEvery, resume, clipNorm,
                WeightInit.DEFAULT);
    }

    /** Without gradient clipping. */
    TrainConfig(String workload, NetworkSpec network, LearningRule rule, DataSelection data, int epochs, int batch,
                Optimizer.Settings optimizer, double learningRate, double learningRateDecay, Precision precision,
                NumberFormats numbers, long seed, boolean biases, Chip chip, Path chipFile, String energy,
                EnergyTable energyTable, boolean alignment, int checkpointEvery, boolean resume) {
        this(workload, network, rule, data, epochs, batch, optimizer, learningRate, learningRateDecay, precision,
                numbers, seed, biases, chip, chipFile, energy, energyTable, alignment, checkpointEvery, resume, OptionalDouble.empty());
    }

    /** Whether each example's gradient is clipped to {@link #clipNorm}. */
    boolean clipping() {
        return clipNorm.isPresent();
    }

    private static void requirePositive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(option + " must be a positive number, got " + value);
        }
    }

    OptimizerCost optimizerCost() {
        return optimizer.kind();
    }

    Trainer.Settings trainerSettings() {
        return new Trainer.Settings(network, rule, precision, optimizer, learningRate, learningRateDecay, epochs, seed,
                biases, alignment, batch, numbers, clipNorm.orElse(0), init);
    }

    /** The files the run reads, which its output must not overlap (nulls: not given). */
    List<Path> inputs() {
        return Arrays.asList(StagedOutput.input(workload), StagedOutput.input(data.data()), data.testData(),
                chipFile, StagedOutput.input(energy));
    }

    /** The configuration as result.json and history.json record it, with the split sizes the data gave. */
    Map<String, Object> asConfig(DataSelection.Examples examples) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("workload", workload);
        config.put("network", network.describe());
        List<Integer> frozen = network.frozenLayers();
        if (!frozen.isEmpty()) {
            config.put("frozen", frozen);
        }
        config.put("rule", rule.spec());
        config.put("data", data.data());
        config.put("trainExamples", examples.train().size());
        config.put("testExamples", examples.test().size());
        config.put("epochs", epochs);
        config.put("batch", batch);
        config.put("optimizer", optimizerCost().id());
        config.put("learningRate", learningRate);
        config.put("learningRateDecay", learningRateDecay);
        config.put("init", init.id());
        if (optimizerCost() == OptimizerCost.MOMENTUM) {
            config.put("momentum", optimizer.momentum());
        }
        if (optimizerCost() == OptimizerCost.ADAM) {
            config.put("beta1", optimizer.beta1());
            config.put("beta2", optimizer.beta2());
            config.put("epsilon", optimizer.epsilon());
        }
        config.put("precision", precision.id());
        if (arithmetic == Arithmetic.FAST) {
            config.put("arithmetic", arithmetic.id());
        }
        if (numbers.quantizes()) {
            Map<String, Object> numbersConfig = new LinkedHashMap<>();
            numbersConfig.put("weights", numbers.weights().spec());
            numbersConfig.put("activations", numbers.activations().spec());
            numbersConfig.put("errors", numbers.errors().spec());
            config.put("numbers", numbersConfig);
        }
        config.put("seed", seed);
        config.put("biases", biases);
        config.put("mode", "functional");
        config.put("chip", RunReport.chipConfig(chip));
        config.put("energyTable", energyTable.name());
        config.put("alignment", alignment);
        if (clipping()) {
            config.put(CheckpointBounds.CLIP_NORM, clipNorm.getAsDouble());
        }
        return config;
    }
}
