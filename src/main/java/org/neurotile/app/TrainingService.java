package org.neurotile.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.chip.CountSummary;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.rules.StepMix;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.neuron.math.Arithmetic;
import org.neurotile.neuron.math.BlasProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Products;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.train.Trainer;
import org.neurotile.neuron.train.TrainingWarmUp;
import org.neurotile.reports.energy.Energy;
import org.neurotile.reports.energy.EnergyPass;
import org.neurotile.reports.html.Units;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.DataSelection;

/**
 * Runs a {@link TrainConfig}: trains, prints the cost of an example and a row per epoch, and writes
 * history.csv, history.json and the cost of one example (result.json, counts.csv, ...) to an output
 * directory, whole or not at all, with checkpoints beside it when asked for.
 */
final class TrainingService {
    private final PrintWriter printer;
    private final PrintWriter errors;
    private final MemoryCheck memoryCheck;

    /** Prints the run to {@code printer}, a progress bar to {@code errors} on a terminal. */
    TrainingService(PrintWriter printer, PrintWriter errors, MemoryCheck memoryCheck) {
        this.printer = printer;
        this.errors = errors;
        this.memoryCheck = memoryCheck;
    }

    /** Trains as {@code config} says and writes the output to {@code out}; returns every epoch's result. */
    List<EpochResult> train(TrainConfig config, Path out) throws IOException {
        // the code the run will use, compiled while the data loads: a dense run's own, on a narrow copy,
        // else the vector kernels
        boolean kernelProducts = config.arithmetic() != Arithmetic.FAST && config.precision() == Precision.FLOAT32;
        boolean kernelUpdates = config.optimizerCost() != OptimizerCost.SGD;
        Products products = config.arithmetic() == Arithmetic.FAST ? BlasProducts.load() : Products.FIXED_ORDER;
        TrainingWarmUp.start(config.trainerSettings(), products, kernelProducts, kernelUpdates);
        NetworkSpec network = config.network();
        LearningRule chipRule = config.rule();
        OptimizerCost optimizerCost = config.optimizerCost();
        NumberFormats formats = config.numbers();
        int batch = config.batch();
        Chip chip = config.chip();
        memoryCheck.require(HeapEstimate.ofTraining(network, chip.topology(), optimizerCost.stateWordsPerWeight(),
                batch),
                "training " + network.name());
        DataSelection.Examples split = config.data().load(network);
        StagedOutput output = StagedOutput.open("--out", out, "train", config.inputs());
        try (output; Workers workers = Workers.of(config.threads(), products)) {
            Trainer trainer = new Trainer(config.trainerSettings(), workers);
            int uncosted = LayerKernels.of(network).firstNormalising();
            Costs costs = uncosted > 0 ? null : costs(config, split);
            printer.printf(Locale.ROOT, "%s (%s), rule %s, %s (lr %.4g, decay %.4g), %s; %d training and %d test "
                            + "examples from %s%n", network.name(), network.describe(), chipRule.spec(), optimizerCost.id(),
                    config.learningRate(), config.learningRateDecay(), config.precision().id(), split.train().size(),
                    split.test().size(), split.train().source());
            if (costs == null) {
                printer.printf(Locale.ROOT, "per example on %s: not costed, as layer %d has batch normalisation, which"
                        + " the chip's cost model does not have%n", chip.model().describe(), uncosted);
            } else {
                costs.print(batch);
            }
            if (formats.quantizes() && costs != null) {
                printer.printf(Locale.ROOT, "numbers: weights %s (%d-byte words), activations %s (%d), errors %s (%d); "
                                + "per example %s NoC bytes injected%n", formats.weights().spec(), costs.words().weightBytes(),
                        formats.activations().spec(), costs.words().activationBytes(), formats.errors().spec(),
                        costs.words().errorBytes(),
                        perExample(costs.perBatch().totals().get(Category.NOC_BYTES_INJECTED), batch));
            }
            if (!products.fixedOrder()) {
                printer.println("arithmetic fast: dense and convolution products by " + products.implementation()
                        + "; its summation order, so the results depend on the library, the CPU and --threads");
            }
            printer.printf(Locale.ROOT, "%5s %10s %10s %10s %10s %10s %8s%n", "epoch", "lr", "trainLoss", "trainAcc",
                    "testLoss", "testAcc", "seconds");
            Map<String, Object> configMap = config.asConfig(split);
            if (!products.fixedOrder()) {
                configMap.put("blas", products.implementation());
            }
            Path checkpoint = TrainingCheckpoint.prepare(output.sibling(TrainingCheckpoint.DIRECTORY_SUFFIX));
            Trainer.Position from = Trainer.Position.start();
            if (config.resume()) {
                from = TrainingCheckpoint.read(checkpoint, configMap, trainer);
                printer.printf(Locale.ROOT, "resuming in epoch %d after %d examples%n", from.epoch(), from.examplesDone());
                for (EpochResult done : from.history()) {
                    printEpoch(done);
                }
            }
            Progress progress = Progress.onTerminal(errors, config.epochs() * split.train().size());
            List<EpochResult> history = trainer.train(split.train(), split.test(),
                    listener(progress, config.checkpointEvery(), checkpoint, configMap, trainer), from);
            TrainingHistory.write(output.directory(), history, costs == null ? null : costs.step(), batch,
                    costs == null ? Optional.empty() : costs.hybrid(), config.clipping(), configMap);
            if (costs != null) {
                costs.report().writeFiles(output.directory(), configMap);
            }
            output.commit();
            TrainingCheckpoint.remove(checkpoint);
            printer.println("wrote " + out + "/history.csv, history.json" + (costs == null ? "" : ", result.json, counts.csv"));
            return history;
        }
    }

    /** What a training step costs on the chip: one batch of the rule's step, and a hybrid's other step. */
    private record Costs(WordSizes words, RunReport report, CountSummary perBatch, Energy batchEnergy,
                         Optional<TrainingHistory.Hybrid> hybrid, LearningRule rule, Chip chip, PrintWriter printer) {
        TrainingHistory.Step step() {
            return new TrainingHistory.Step(perBatch, batchEnergy);
        }

        void print(int batch) {
            printer.printf(Locale.ROOT, "per example on %s: %s cycles, %s MACs, %s words moved, %s%n",
                    chip.model().describe(), perExample(perBatch.cycles(), batch),
                    perExample(perBatch.totals().get(Category.MACS), batch),
                    perExample(perBatch.totals().get(Category.WORDS_MOVED), batch),
                    Units.energy(batchEnergy.totalPj() / batch));
            if (batch > 1) {
                printer.printf(Locale.ROOT, "per batch of %d: %,d cycles, %,d MACs, %,d weight writes, %s%n", batch,
                        perBatch.cycles(), perBatch.totals().get(Category.MACS),
                        perBatch.totals().get(Category.WEIGHT_WRITES), Units.energy(batchEnergy.totalPj()));
            }
            hybrid.ifPresent(h -> printer.printf(Locale.ROOT, "a %s step instead (probability %s): %s cycles, %s MACs, "
                    + "%s words moved, %s%n", rule.stepMix().orElseThrow().otherStepName(),
                    rule.stepMix().orElseThrow().otherStepProbability(),
                    perExample(h.bp().perBatch().cycles(), batch),
                    perExample(h.bp().perBatch().totals().get(Category.MACS), batch),
                    perExample(h.bp().perBatch().totals().get(Category.WORDS_MOVED), batch),
                    Units.energy(h.bp().energy().totalPj() / batch)));
        }
    }

    private Costs costs(TrainConfig config, DataSelection.Examples split) {
        Chip chip = config.chip();
        LearningRule rule = config.rule();
        int batch = config.batch();
        WordSizes words = config.numbers().wordSizes(chip.spec().tile().wordBytes());
        Chip.Example example = chip.run(config.network(), rule, true, config.optimizerCost(), words, batch,
                TraceRecorder.disabled());
        RunReport report = new RunReport(rule.spec(), example, null, chip);
        CountSummary perBatch = CountSummary.ofBatch(example, example.movedWordBytes());
        EnergyPass pass = new EnergyPass(config.energyTable(), RunResult.energyChip(chip, words));
        Energy batchEnergy = pass.total(perBatch.totals(), perBatch.cycles());
        Optional<TrainingHistory.Hybrid> hybrid = hybridCost(config, pass, words, split.train().size());
        return new Costs(words, report, perBatch, batchEnergy, hybrid, rule, chip, printer);
    }

    /** Shows progress, prints each epoch and writes checkpoints. */
    private Trainer.Listener listener(Progress progress, int checkpointEvery, Path checkpoint,
                                      Map<String, Object> config, Trainer trainer) {
        return new Trainer.Listener() {
            @Override
            public void example(int epoch, int count, int total) {
                progress.at((epoch - 1) * total + count, "epoch " + epoch);
            }

            @Override
            public void epoch(EpochResult result) {
                progress.finish();
                printEpoch(result);
            }

            @Override
            public int checkpointEvery() {
                return checkpointEvery;
            }

            @Override
            public void checkpoint(Trainer.Position position) {
                try {
                    TrainingCheckpoint.write(checkpoint, config, position, trainer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // names the checkpoint file and the cause
                }
            }
        };
    }

    private void printEpoch(EpochResult result) {
        StringBuilder angles = new StringBuilder();
        result.updateAngleDegrees().forEach((layer, angle) -> angles.append(String.format(Locale.ROOT,
                "  layer %d: update %.1f deg, feedback %.1f deg", layer, angle,
                result.feedbackAngleDegrees().getOrDefault(layer, Double.NaN))));
        printer.printf(Locale.ROOT, "%5d %10.4g %10.4f %10.4f %10.4f %10.4f %8.1f%s%n", result.epoch(),
                result.learningRate(), result.trainLoss(), result.trainAccuracy(), result.testLoss(),
                result.testAccuracy(), result.wallSeconds(), angles);
        if (result.clippedExamples() > 0) {
            printer.printf(Locale.ROOT, "%5d --clip-norm clipped the gradient of %d examples%n", result.epoch(),
                    result.clippedExamples());
        }
        printer.flush();
    }

    /**
     * A hybrid rule's bp step on the same chip, and per epoch how many examples and batches drew it
     * (the draws depend only on the seed); empty for other rules.
     */
    private static Optional<TrainingHistory.Hybrid> hybridCost(TrainConfig config, EnergyPass pass, WordSizes words,
                                                               int examples) {
        Optional<StepMix> mix = config.rule().stepMix();
        if (mix.isEmpty()) {
            return Optional.empty();
        }
        int batch = config.batch();
        Chip.Example otherStep = config.chip().run(config.network(), mix.get().otherStep(), true,
                config.optimizerCost(), words, batch, TraceRecorder.disabled());
        CountSummary perBatch = CountSummary.ofBatch(otherStep, otherStep.movedWordBytes());
        Energy energy = pass.total(perBatch.totals(), perBatch.cycles());
        RandomStreams streams = new RandomStreams(config.seed());
        int batches = (examples + batch - 1) / batch;
        Map<Integer, StepMix.Drawn> drawn = new LinkedHashMap<>();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            drawn.put(epoch, mix.get().drawn(streams, epoch, examples, batch));
        }
        return Optional.of(new TrainingHistory.Hybrid(mix.get().otherStepName(),
                new TrainingHistory.Step(perBatch, energy), drawn, examples, batches));
    }

    /** A per-batch count per example: whole when it divides, else to one decimal. */
    private static String perExample(long perBatch, int batch) {
        Number value = TrainingHistory.divided(perBatch, batch);
        return value instanceof Long whole ? String.format(Locale.ROOT, "%,d", whole)
                : String.format(Locale.ROOT, "%,.1f", value.doubleValue());
    }
}
