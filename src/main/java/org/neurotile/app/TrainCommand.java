package org.neurotile.app;

import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.math.Arithmetic;
import org.neurotile.neuron.math.NumberFormat;
import org.neurotile.neuron.functional.WeightInit;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.math.Precision;
import org.neurotile.reports.energy.EnergyTable;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Freezing;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Workloads;
import org.neurotile.workloads.data.DataSelection;
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
    private String workload = TrainConfig.DEFAULT_WORKLOAD;

    @Option(names = "--rule", paramLabel = "RULE", description = "Learning rule, as for 'run' (default: dfa).")
    private String rule = TrainConfig.DEFAULT_RULE;

    @Option(names = "--data", paramLabel = "DIR|FILE|clusters",
            description = "MNIST-format IDX files in a directory (train- and t10k- files, gzipped or not), a CSV "
                    + "file of training examples (label first; --test-data gives the test file), or 'clusters': "
                    + "seeded class clusters (default: clusters).")
    private String data = DataSelection.CLUSTERS;

    @Option(names = "--test-data", paramLabel = "FILE", description = "CSV file of test examples, with a CSV --data.")
    private Path testData;

    @Option(names = "--train-examples", paramLabel = "N", description = "Use the first N training examples "
            + "(default: all; clusters: " + DataSelection.CLUSTER_TRAIN_EXAMPLES + ").")
    private Integer trainExamples;

    @Option(names = "--test-examples", paramLabel = "N", description = "Use the first N test examples "
            + "(default: all; clusters: " + DataSelection.CLUSTER_TEST_EXAMPLES + ").")
    private Integer testExamples;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: " + TrainConfig.DEFAULT_EPOCHS + ").")
    private int epochs = TrainConfig.DEFAULT_EPOCHS;

    @Option(names = "--batch", paramLabel = "B", description = "Examples per minibatch: one optimizer step per batch "
            + "with the mean gradient; the chip keeps the batch's inputs and deltas in each tile and updates each "
            + "weight once per batch (default: " + TrainConfig.DEFAULT_BATCH + ").")
    private int batch = TrainConfig.DEFAULT_BATCH;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that share a minibatch's matrix products, "
            + "each sum computed whole by one thread: in the fixed arithmetic the results are the same on any number "
            + "(default: the available processors).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--arithmetic", paramLabel = "A", description = "How float32 products are computed: fixed (every "
            + "sum in its documented order: the same bits on every machine) or fast (the system's BLAS, e.g. OpenBLAS, "
            + "through JNI: results depend on the library and CPU; docs/file-formats.md) (default: fixed).")
    private String arithmetic = Arithmetic.FIXED.id();

    @Option(names = "--optimizer", paramLabel = "NAME", description = "sgd, momentum or adam (default: sgd).")
    private String optimizer = "sgd";

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: "
            + Optimizer.Settings.DEFAULT_LEARNING_RATE + "; adam: " + Optimizer.Settings.DEFAULT_ADAM_LEARNING_RATE + ").")
    private Double learningRate;

    @Option(names = "--lr-decay", paramLabel = "F", description = "Learning rate factor per epoch (default: 1).")
    private double learningRateDecay = 1;

    @Option(names = "--momentum", paramLabel = "MU",
            description = "Momentum's mu (default: " + Optimizer.Settings.DEFAULT_MOMENTUM + ").")
    private double momentum = Optimizer.Settings.DEFAULT_MOMENTUM;

    @Option(names = "--adam-epsilon", paramLabel = "EPS", description = "Adam's eps, added to sqrt(v) in each "
            + "step's denominator, with --optimizer adam (default: " + Optimizer.Settings.DEFAULT_EPSILON + ").")
    private Double adamEpsilon;

    @Option(names = "--clip-norm", paramLabel = "N", description = "Clip each example's gradient (weights and "
            + "biases of every layer together) to global L2 norm N before the optimizer; history counts the examples "
            + "clipped per epoch (default: no clipping).")
    private Double clipNorm;

    @Option(names = "--init", paramLabel = "NAME", description = "How the forward weights start: "
            + "by-activation (he for relu layers, xavier for the others), uniform-fan-in, he, xavier, lecun or zeros "
            + "(see docs/initialisation.md; default: by-activation).")
    private String init = WeightInit.DEFAULT.id();

    @Option(names = "--feedback-init", paramLabel = "NAME", description = "How a fixed-feedback rule's B_l starts: "
            + "crafton, uniform or weights-product (dense rules), crafton or uniform (sdfa, ssdfa), random or "
            + "weights-product (binary-dfa); the rule's init= option (default: the rule's, see docs/initialisation.md).")
    private String feedbackInit;

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

    @Option(names = "--freeze", paramLabel = "LAYERS", description = "Layers that keep their weights: conv (every "
            + "convolution: the transfer setting) or numbers and ranges, e.g. 1-3,5 (default: none).")
    private String freeze;

    @Option(names = "--seed", description = "Seed of the weights, feedback, data order and clusters (default: "
            + TrainConfig.DEFAULT_SEED + ").")
    private long seed = TrainConfig.DEFAULT_SEED;

    @Mixin
    private ChipOptions chipOptions;

    @Mixin
    private MemoryCheck memoryCheck;

    @Option(names = "--energy", paramLabel = "TABLE",
            description = "Energy table (default: " + TrainConfig.DEFAULT_ENERGY + ").")
    private String energy = TrainConfig.DEFAULT_ENERGY;

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
        new TrainingService(spec.commandLine().getOut(), spec.commandLine().getErr(), memoryCheck).train(config(), out);
        return 0;
    }

    /** The options as a training run's configuration, checked. */
    TrainConfig config() {
        NetworkSpec network = freeze == null ? Workloads.resolve(workload)
                : Freezing.apply(Workloads.resolve(workload), freeze);
        LearningRule chipRule = parseRule();
        OptimizerCost optimizerCost = OptimizerCost.byName(optimizer);
        Precision arithmetic = Precision.byName(precision);
        NumberFormats formats = new NumberFormats(format("--weight-numbers", weightNumbers),
                format("--activation-numbers", activationNumbers), format("--error-numbers", errorNumbers));
        double rate = learningRate != null ? learningRate : Optimizer.Settings.defaultLearningRate(optimizerCost);
        if (adamEpsilon != null && !optimizerCost.equals(OptimizerCost.ADAM)) {
            throw new InvalidInputException("--adam-epsilon is Adam's: give it with --optimizer adam, not "
                    + optimizerCost.id());
        }
        EnergyTable table = EnergyTable.resolve(energy);
        Chip chip = chipOptions.chip();
        DataSelection selection = new DataSelection(data, testData, optional(trainExamples), optional(testExamples),
                seed);
        return new TrainConfig(workload, network, chipRule, selection, epochs, batch,
                Optimizer.Settings.withMomentum(optimizerCost, momentum).withEpsilon(adamEpsilon != null ? adamEpsilon : Optimizer.Settings.DEFAULT_EPSILON),
                rate,
                learningRateDecay, arithmetic, formats,
                seed, true, chip, chipOptions.file(), energy, table, alignment, checkpointEvery, resume,
                clipNorm == null ? OptionalDouble.empty() : OptionalDouble.of(clipNorm), WeightInit.parse(init, "--init"),
                threads, arithmetic());
    }

    private Arithmetic arithmetic() {
        try {
            return Arithmetic.byName(arithmetic, "--arithmetic");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** The rule, with --feedback-init as its init option. */
    private LearningRule parseRule() {
        if (feedbackInit == null) {
            return LearningRules.parse(rule, seed);
        }
        String spec = LearningRules.withOption(rule, "init", feedbackInit, "--feedback-init");
        try {
            return LearningRules.parse(spec, seed);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("--feedback-init " + feedbackInit + ": " + e.getMessage());
        }
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** The format an option gives, else --numbers, else float32. */
    private NumberFormat format(String option, String value) {
        if (value != null) {
            return NumberFormat.parse(option, value);
        }
        return numbers != null ? NumberFormat.parse("--numbers", numbers) : NumberFormat.FLOAT32;
    }
}
