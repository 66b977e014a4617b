package org.neurotile.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.neurotile.app.output.StagedOutput;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.CountSummary;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.math.NumberFormat;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.hybrid.HybridRule;
import org.neurotile.neuron.rules.hybrid.HybridSchedule;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.neuron.train.Trainer;
import org.neurotile.reports.energy.Energy;
import org.neurotile.reports.energy.EnergyPass;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.reports.html.Units;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.CsvDataset;
import org.neurotile.workloads.data.Dataset;
import org.neurotile.workloads.data.MnistDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code neurotile train}: epochs of training in functional mode, accuracy beside the chip's cost. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Trains a network with a learning rule, one example or minibatch per step, evaluating on the test split "
                    + "after each epoch, and reports the accuracy beside what one example (and one batch) costs on the "
                    + "chip (counts, cycles, energy).",
            "Writes history.csv and history.json, and the cost of one example as 'neurotile run' writes it "
                    + "(result.json, counts.csv, ...), to --out, whole or not at all."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--workload", paramLabel = "NAME|FILE", description = "Network (default: mnist-fc).")
    private String workload = "mnist-fc";

    @Option(names = "--rule", paramLabel = "RULE", description = "Learning rule, as for 'run' (default: dfa).")
    private String rule = "dfa";

    @Option(names = "--data", paramLabel = "DIR|FILE|clusters",
            description = "MNIST-format IDX files in a directory (train- and t10k- files, gzipped or not), a CSV "
                    + "file of training examples (label first; --test-data gives the test file), or 'clusters': "
                    + "seeded class clusters (default: clusters).")
    private String data = "clusters";

    @Option(names = "--test-data", paramLabel = "FILE", description = "CSV file of test examples, with a CSV --data.")
    private Path testData;

    @Option(names = "--train-examples", paramLabel = "N", description = "Use the first N training examples "
            + "(default: all; clusters: 2000).")
    private Integer trainExamples;

    @Option(names = "--test-examples", paramLabel = "N", description = "Use the first N test examples "
            + "(default: all; clusters: 500).")
    private Integer testExamples;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 10).")
    private int epochs = 10;

    @Option(names = "--batch", paramLabel = "B", description = "Examples per minibatch: one optimizer step per batch "
            + "with the mean gradient; the chip keeps the batch's inputs and deltas in each tile and updates each "
            + "weight once per batch (default: 1).")
    private int batch = 1;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum or adam (default: sgd).")
    private String optimizer = "sgd";

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 0.01; adam: 0.001).")
    private Double learningRate;

    @Option(names = "--lr-decay", paramLabel = "F", description = "Learning rate factor per epoch (default: 1).")
    private double learningRateDecay = 1;

    @Option(names = "--momentum", paramLabel = "MU", description = "Momentum's mu (default: 0.9).")
    private double momentum = 0.9;

    @Option(names = "--precision", paramLabel = "P",
            description = "Arithmetic precision: float32 (default) or float64.")
    private String precision = "float32";

    @Option(names = "--numbers", paramLabel = "FORMAT",
            description = "Number format of weights, activations and errors alike, as stored in the tiles and sent "
                    + "on the network: float32 (default: no quantization), fixed8 or fixed16 with "
                    + "[:frac=F][,rounding=nearest|stochastic] (F fraction bits, default bits-3).")
    private String numbers;

    @Option(names = "--weight-numbers", paramLabel = "FORMAT",
            description = "Number format of the weights and biases (default: --numbers).")
    private String weightNumbers;

    @Option(names = "--activation-numbers", paramLabel = "FORMAT",
            description = "Number format of the input and the activations, and of forward-phase messages "
                    + "(default: --numbers).")
    private String activationNumbers;

    @Option(names = "--error-numbers", paramLabel = "FORMAT",
            description = "Number format of the errors, deltas and partial sums sent between tiles, and of "
                    + "error-phase messages (default: --numbers).")
    private String errorNumbers;

    @Option(names = "--seed", description = "Seed of the weights, feedback, data order and clusters (default: 1).")
    private long seed = 1;

    @Mixin
    private ChipOptions chipOptions;

    @Mixin
    private MemoryCheck memoryCheck;

    @Option(names = "--energy", paramLabel = "TABLE", description = "Energy table (default: 45nm).")
    private String energy = "45nm";

    @Option(names = "--alignment", description = "Measure, per hidden layer and epoch, the angle between the rule's "
            + "update and bp's on the same example, and between B_l and the forward weights it stands in for "
            + "(feedback rules; costs a bp backward pass per example).")
    private boolean alignment;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Write a checkpoint every N examples (at the end of the batch that reaches each multiple "
                    + "of N), and at the end of each epoch, to OUT.checkpoint/ (removed when training ends).")
    private int checkpointEvery;

    @Option(names = "--resume", description = "Continue from OUT.checkpoint/ with the same options; the run ends "
            + "with the same numbers as an uninterrupted one.")
    private boolean resume;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/train).")
    private Path out = Path.of("out", "train");

    @Override
    public Integer call() throws Exception {
        NetworkSpec network = Workloads.resolve(workload);
        LearningRule chipRule = LearningRules.parse(rule, seed);
        OptimizerCost optimizerCost = OptimizerCost.byName(optimizer);
        Precision arithmetic = Precision.byName(precision);
        NumberFormats formats = new NumberFormats(format("--weight-numbers", weightNumbers),
                format("--activation-numbers", activationNumbers), format("--error-numbers", errorNumbers));
        double rate = learningRate != null ? learningRate : optimizerCost == OptimizerCost.ADAM ? 0.001 : 0.01;
        requirePositive("--lr", rate);
        requirePositive("--lr-decay", learningRateDecay);
        if (epochs < 1) {
            throw new InvalidInputException("--epochs must be at least 1, got " + epochs);
        }
        if (batch < 1) {
            throw new InvalidInputException("--batch must be at least 1, got " + batch);
        }
        if (checkpointEvery < 0) {
            throw new InvalidInputException("--checkpoint-every must be at least 0, got " + checkpointEvery);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InvalidInputException("--momentum must be in [0, 1), got " + momentum);
        }
        EnergyTable table = EnergyTable.resolve(energy);
        Chip chip = chipOptions.chip();
        memoryCheck.require(HeapEstimate.ofTraining(network, chip.topology(), optimizerCost.stateWordsPerWeight()),
                "training " + network.name());
        Dataset[] split = datasets(network);
        List<Path> inputs = Arrays.asList(StagedOutput.input(workload), StagedOutput.input(data), testData,
                chipOptions.file(), StagedOutput.input(energy));
        StagedOutput output = StagedOutput.open("--out", out, "train", inputs);
        try (output) {

            Trainer trainer = new Trainer(new Trainer.Settings(network, chipRule, arithmetic,
                    new Optimizer.Settings(optimizerCost, momentum, 0.9, 0.999, 1e-8), rate, learningRateDecay, epochs,
                    seed, true, alignment, batch, formats));
            WordSizes words = formats.wordSizes(chip.spec().tile().wordBytes());
            Chip.Example example = chip.run(network, chipRule, true, optimizerCost, words, batch,
                    TraceRecorder.disabled());
            RunReport cost = new RunReport(chipRule.spec(), example, null, chip);
            CountSummary perBatch = CountSummary.ofBatch(example, example.movedWordBytes());
            EnergyPass pass = new EnergyPass(table, RunResult.energyChip(chip, words));
            Energy batchEnergy = pass.total(perBatch.totals(), perBatch.cycles());
            Optional<TrainingHistory.Hybrid> hybrid = hybridCost(chipRule, network, chip, optimizerCost, words, pass,
                    split[0].size());

            PrintWriter printer = spec.commandLine().getOut();
            printer.printf(Locale.ROOT, "%s (%s), rule %s, %s (lr %.4g, decay %.4g), %s; %d training and %d test "
                            + "examples from %s%n", network.name(), network.describe(), chipRule.spec(), optimizerCost.id(),
                    rate, learningRateDecay, arithmetic.id(), split[0].size(), split[1].size(), split[0].source());
            printer.printf(Locale.ROOT, "per example on %s: %s cycles, %s MACs, %s words moved, %s%n",
                    chip.isProcessor() ? "the processor" : chip.topology().spec(), perExampleText(perBatch.cycles()),
                    perExampleText(perBatch.totals().get("macs")), perExampleText(perBatch.totals().get("wordsMoved")),
                    Units.energy(batchEnergy.totalPj() / batch));
            if (batch > 1) {
                printer.printf(Locale.ROOT, "per batch of %d: %,d cycles, %,d MACs, %,d weight writes, %s%n", batch,
                        perBatch.cycles(), perBatch.totals().get("macs"), perBatch.totals().get("weightWrites"),
                        Units.energy(batchEnergy.totalPj()));
            }
            hybrid.ifPresent(h -> printer.printf(Locale.ROOT, "a bp step instead (probability %s): %s cycles, %s MACs, "
                    + "%s words moved, %s%n", ((HybridRule) chipRule).schedule().bpProbability(),
                    perExampleText(h.bp().perBatch().cycles()), perExampleText(h.bp().perBatch().totals().get("macs")),
                    perExampleText(h.bp().perBatch().totals().get("wordsMoved")),
                    Units.energy(h.bp().energy().totalPj() / batch)));
            if (formats.quantizes()) {
                printer.printf(Locale.ROOT, "numbers: weights %s (%d-byte words), activations %s (%d), errors %s (%d); "
                                + "per example %s NoC bytes injected%n", formats.weights().spec(), words.weightBytes(),
                        formats.activations().spec(), words.activationBytes(), formats.errors().spec(),
                        words.errorBytes(), perExampleText(perBatch.totals().get("nocBytesInjected")));
            }
            printer.printf(Locale.ROOT, "%5s %10s %10s %10s %10s %10s %8s%n", "epoch", "lr", "trainLoss", "trainAcc",
                    "testLoss", "testAcc", "seconds");
            Progress progress = Progress.onTerminal(spec.commandLine().getErr(), epochs * split[0].size());
            Map<String, Object> config = config(network, chipRule, optimizerCost, rate, arithmetic, formats, split, chip,
                    table);
            Path checkpoint = TrainingCheckpoint.prepare(output.sibling(TrainingCheckpoint.DIRECTORY_SUFFIX));
            Trainer.Position from = Trainer.Position.start();
            if (resume) {
                from = TrainingCheckpoint.read(checkpoint, config, trainer);
                printer.printf(Locale.ROOT, "resuming in epoch %d after %d examples%n", from.epoch(), from.examplesDone());
                for (EpochResult done : from.history()) {
                    printEpoch(printer, done);
                }
            }
            List<EpochResult> history = trainer.train(split[0], split[1], new Trainer.Listener() {
                @Override
                public void example(int epoch, int count, int total) {
                    progress.at((epoch - 1) * total + count, "epoch " + epoch);
                }

                @Override
                public void epoch(EpochResult result) {
                    progress.finish();
                    printEpoch(printer, result);
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
            }, from);
            TrainingHistory.write(output.directory(), history, new TrainingHistory.Step(perBatch, batchEnergy), batch,
                    hybrid, config);
            cost.writeFiles(output.directory(), config);
            output.commit();
            TrainingCheckpoint.remove(checkpoint);
            printer.println("wrote " + out + "/history.csv, history.json, result.json, counts.csv");
        }
        return 0;
    }

    private static void printEpoch(PrintWriter printer, EpochResult result) {
        StringBuilder angles = new StringBuilder();
        result.updateAngleDegrees().forEach((layer, angle) -> angles.append(String.format(Locale.ROOT,
                "  layer %d: update %.1f deg, feedback %.1f deg", layer, angle,
                result.feedbackAngleDegrees().getOrDefault(layer, Double.NaN))));
        printer.printf(Locale.ROOT, "%5d %10.4g %10.4f %10.4f %10.4f %10.4f %8.1f%s%n", result.epoch(),
                result.learningRate(), result.trainLoss(), result.trainAccuracy(), result.testLoss(),
                result.testAccuracy(), result.wallSeconds(), angles);
        printer.flush();
    }

    private static void requirePositive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(option + " must be a positive number, got " + value);
        }
    }

    /** The training and test splits. */
    private Dataset[] datasets(NetworkSpec network) {
        if (trainExamples != null) {
            requireCount("--train-examples", trainExamples);
        }
        if (testExamples != null) {
            requireCount("--test-examples", testExamples);
        }
        Dataset train;
        Dataset test;
        if (data.equals("clusters")) {
            int trainCount = trainExamples != null ? trainExamples : 2000;
            int testCount = testExamples != null ? testExamples : 500;
            ClusterDataset clusters = new ClusterDataset(seed, network.inputSize(), network.outputs(), trainCount, 1.0);
            train = clusters.generate(0);
            test = new ClusterDataset(seed, network.inputSize(), network.outputs(), testCount, 1.0).generate(trainCount);
        } else if (Files.isDirectory(Path.of(data))) {
            train = MnistDirectory.load(Path.of(data), MnistDirectory.Split.TRAIN);
            test = MnistDirectory.load(Path.of(data), MnistDirectory.Split.TEST);
        } else if (Files.isRegularFile(Path.of(data))) {
            if (testData == null) {
                throw new InvalidInputException("--data " + data + " is a CSV file: give the test examples with "
                        + "--test-data FILE");
            }
            train = CsvDataset.load(Path.of(data), network.inputSize(), network.outputs());
            test = CsvDataset.load(testData, network.inputSize(), network.outputs());
        } else {
            throw new InvalidInputException("--data " + data + ": no such directory or file (valid: a directory of "
                    + "MNIST IDX files, a CSV file, or 'clusters')");
        }
        requireExamples(train, "training");
        requireExamples(test, "test");
        if (trainExamples != null) {
            train = train.head(trainExamples);
        }
        if (testExamples != null) {
            test = test.head(testExamples);
        }
        train.requireMatches(network);
        test.requireMatches(network);
        return new Dataset[] {train, test};
    }

    /** An empty split would train or test on nothing and report NaN losses. */
    private static void requireExamples(Dataset data, String split) {
        if (data.size() == 0) {
            throw new InvalidInputException(data.source() + ": holds no examples; the " + split
                    + " split needs at least one");
        }
    }

    private static void requireCount(String option, int count) {
        if (count < 1) {
            throw new InvalidInputException(option + " must be at least 1, got " + count);
        }
    }

    /** The format an option gives, else --numbers, else float32. */
    private NumberFormat format(String option, String value) {
        if (value != null) {
            return NumberFormat.parse(option, value);
        }
        return numbers != null ? NumberFormat.parse("--numbers", numbers) : NumberFormat.FLOAT32;
    }

    private Map<String, Object> config(NetworkSpec network, LearningRule chipRule, OptimizerCost optimizerCost,
                                       double rate, Precision arithmetic, NumberFormats formats, Dataset[] split,
                                       Chip chip, EnergyTable table) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("workload", workload);
        config.put("network", network.describe());
        config.put("rule", chipRule.spec());
        config.put("data", data);
        config.put("trainExamples", split[0].size());
        config.put("testExamples", split[1].size());
        config.put("epochs", epochs);
        config.put("batch", batch);
        config.put("optimizer", optimizerCost.id());
        config.put("learningRate", rate);
        config.put("learningRateDecay", learningRateDecay);
        if (optimizerCost == OptimizerCost.MOMENTUM) {
            config.put("momentum", momentum);
        }
        if (optimizerCost == OptimizerCost.ADAM) {
            config.put("beta1", 0.9);
            config.put("beta2", 0.999);
            config.put("epsilon", 1e-8);
        }
        config.put("precision", arithmetic.id());
        if (formats.quantizes()) {
            Map<String, Object> numbersConfig = new LinkedHashMap<>();
            numbersConfig.put("weights", formats.weights().spec());
            numbersConfig.put("activations", formats.activations().spec());
            numbersConfig.put("errors", formats.errors().spec());
            config.put("numbers", numbersConfig);
        }
        config.put("seed", seed);
        config.put("biases", true);
        config.put("mode", "functional");
        config.put("chip", RunReport.chipConfig(chip));
        config.put("energyTable", table.name());
        config.put("alignment", alignment);
        return config;
    }

    /**
     * A hybrid rule's bp step on the same chip, and per epoch how many examples and batches drew it
     * (the draws depend only on the seed); empty for other rules.
     */
    private Optional<TrainingHistory.Hybrid> hybridCost(LearningRule chipRule, NetworkSpec network, Chip chip,
                                                        OptimizerCost optimizerCost, WordSizes words, EnergyPass pass,
                                                        int examples) {
        if (!(chipRule instanceof HybridRule rule)) {
            return Optional.empty();
        }
        Chip.Example bpStep = chip.run(network, rule.step(true), true, optimizerCost, words, batch,
                TraceRecorder.disabled());
        CountSummary perBatch = CountSummary.ofBatch(bpStep, bpStep.movedWordBytes());
        Energy energy = pass.total(perBatch.totals(), perBatch.cycles());
        RandomStreams streams = new RandomStreams(seed);
        int batches = (examples + batch - 1) / batch;
        Map<Integer, HybridSchedule.Drawn> drawn = new LinkedHashMap<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            drawn.put(epoch, rule.schedule().drawn(streams, epoch, examples, batch));
        }
        return Optional.of(new TrainingHistory.Hybrid(new TrainingHistory.Step(perBatch, energy), drawn, examples,
                batches));
    }

    private String perExampleText(long perBatch) {
        Number value = TrainingHistory.divided(perBatch, batch);
        return value instanceof Long whole ? String.format(Locale.ROOT, "%,d", whole)
                : String.format(Locale.ROOT, "%,.1f", value.doubleValue());
    }
}
