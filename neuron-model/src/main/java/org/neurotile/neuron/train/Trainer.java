package org.neurotile.neuron.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurotile.neuron.functional.BatchGradient;
import org.neurotile.neuron.functional.DenseBatch;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.LearningStep;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.functional.WeightInit;
import org.neurotile.neuron.functional.TrainingSnapshot;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.math.BlockedProducts;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.RoundingNoise;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.RuleTraining.StepKind;
import org.neurotile.neuron.rules.RuleTraining;
import org.neurotile.sim.random.Permutations;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.Dataset;

/**
 * Trains a network with a rule, one example or one minibatch per step, for a number of epochs, and
 * evaluates on the test split after each. The order of examples is a seeded shuffle per epoch
 * (stream {@code train.order.epoch[e]}); the model's initial weights and the rule's feedback come
 * from the same seed as in a single example, so a run is bit-identical for a seed. Values are
 * stored in the run's {@link NumberFormats}; stochastic rounding draws from a noise seeded by the
 * run's seed whose state is saved with the model.
 */
public final class Trainer {
    /**
     * What a training run is. {@code batch} is the minibatch size: the deltas of a batch's examples
     * come from the weights at the batch start, and the optimizer steps once per batch with the
     * mean of their gradients ({@link BatchGradient}); an epoch's last batch may be smaller, and its
     * mean is over the examples it has. {@code clipNorm} above 0 clips each example's gradient to
     * that global L2 norm ({@link GradientClip}); 0 leaves gradients as they are.
     */
    public record Settings(NetworkSpec network, LearningRule rule, Precision precision, Optimizer.Settings optimizer,
                           double learningRate, double learningRateDecay, int epochs, long seed, boolean biases,
                           boolean alignment, int batch, NumberFormats numbers, double clipNorm, WeightInit init) {
        public Settings {
            Objects.requireNonNull(init, "init");
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be at least 1, got " + batch);
            }
            if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
                throw new IllegalArgumentException("clipNorm must be 0 (off) or positive and finite, got " + clipNorm);
            }
        }

        /** With the default initialisation. */
        public Settings(NetworkSpec network, LearningRule rule, Precision precision, Optimizer.Settings optimizer,
                        double learningRate, double learningRateDecay, int epochs, long seed, boolean biases,
                        boolean alignment, int batch, NumberFormats numbers, double clipNorm) {
            this(network, rule, precision, optimizer, learningRate, learningRateDecay, epochs, seed, biases, alignment,
                    batch, numbers, clipNorm, WeightInit.DEFAULT);
        }

        /** Without clipping. */
        public Settings(NetworkSpec network, LearningRule rule, Precision precision, Optimizer.Settings optimizer,
                        double learningRate, double learningRateDecay, int epochs, long seed, boolean biases,
                        boolean alignment, int batch, NumberFormats numbers) {
            this(network, rule, precision, optimizer, learningRate, learningRateDecay, epochs, seed, biases, alignment,
                    batch, numbers, 0);
        }

        /** Without quantization. */
        public Settings(NetworkSpec network, LearningRule rule, Precision precision, Optimizer.Settings optimizer,
                        double learningRate, double learningRateDecay, int epochs, long seed, boolean biases,
                        boolean alignment, int batch) {
            this(network, rule, precision, optimizer, learningRate, learningRateDecay, epochs, seed, biases, alignment,
                    batch, NumberFormats.FLOAT32);
        }

        /** One example per step. */
        public Settings(NetworkSpec network, LearningRule rule, Precision precision, Optimizer.Settings optimizer,
                        double learningRate, double learningRateDecay, int epochs, long seed, boolean biases,
                        boolean alignment, NumberFormats numbers) {
            this(network, rule, precision, optimizer, learningRate, learningRateDecay, epochs, seed, biases, alignment,
                    1, numbers);
        }

        /** One example per step, without quantization. */
        public Settings(NetworkSpec network, LearningRule rule, Precision precision, Optimizer.Settings optimizer,
                        double learningRate, double learningRateDecay, int epochs, long seed, boolean biases,
                        boolean alignment) {
            this(network, rule, precision, optimizer, learningRate, learningRateDecay, epochs, seed, biases, alignment,
                    1, NumberFormats.FLOAT32);
        }

        /** Without alignment diagnostics, one example per step. */
        public Settings(NetworkSpec network, LearningRule rule, Precision precision, Optimizer.Settings optimizer,
                        double learningRate, double learningRateDecay, int epochs, long seed, boolean biases) {
            this(network, rule, precision, optimizer, learningRate, learningRateDecay, epochs, seed, biases, false);
        }
    }

    /** Called as training goes. */
    public interface Listener {
        default void example(int epoch, int done, int total) {
        }

        default void epoch(EpochResult result) {
        }

        /**
         * At the end of the first batch that reaches each multiple of {@link #checkpointEvery()}
         * examples (every N examples with batch 1), and at each epoch's end: where training stands;
         * the trainer's state can be saved with {@link Trainer#writeState} now.
         */
        default void checkpoint(Position position) {
        }

        /** How many examples between checkpoints; 0 for none. */
        default int checkpointEvery() {
            return 0;
        }
    }

    /**
     * Where a run stands: in {@code epoch}, {@code examplesDone} of the epoch's shuffled order are
     * done, with their summed loss, correct count and clipped count; {@code history} holds the
     * finished epochs.
     */
    public record Position(int epoch, int examplesDone, double lossSum, long correct, long clipped,
                           List<EpochResult> history) {
        public Position {
            history = List.copyOf(history);
        }

        /** Without clipping. */
        public Position(int epoch, int examplesDone, double lossSum, long correct, List<EpochResult> history) {
            this(epoch, examplesDone, lossSum, correct, 0, history);
        }

        public static Position start() {
            return new Position(1, 0, 0, 0, List.of());
        }
    }

    private static final String HINT = "try a smaller --lr, or another --init or --feedback-init";

    private final Settings settings;
    private final Model model;
    private final RuleTraining training;
    private final StepEngine engine;
    private final Quantization quantization;
    private final Workers workers;
    private final DenseBatch evaluationBatch; // null: the network's examples are evaluated as ForwardPasses

    /** On the caller's thread. */
    public Trainer(Settings settings) {
        this(settings, Workers.single());
    }

    /**
     * With a minibatch's products shared among {@code workers} (the caller closes them): the same
     * bits on any number of threads.
     */
    public Trainer(Settings settings, Workers workers) {
        settings.rule().requireSupported(settings.network());
        if (settings.alignment()) {
            requireDense(settings.network());
        }
        BatchNormRequirements.check(settings);
        this.settings = settings;
        this.workers = workers;
        this.quantization = new Quantization(settings.numbers(), RoundingNoise.forSeed(settings.seed()));
        this.model = Model.initial(settings.network(), settings.seed(), settings.precision(), settings.init());
        this.evaluationBatch = DenseBatch.supports(model, quantization)
                ? DenseBatch.of(model, workers, BlockedProducts.EXAMPLE_BLOCK) : null;
        this.training = settings.rule().training(new RuleTraining.Run(model, settings.seed(), settings.optimizer(),
                settings.biases(), quantization, false));
        this.engine = new StepEngine(training, quantization, new RandomStreams(settings.seed()),
                settings.batch() > 1 ? new BatchGradient(model, workers) : null,
                settings.clipNorm() > 0 ? new GradientClip(model, settings.clipNorm(), settings.biases()) : null,
                workers);
        // after the feedback, which an aligned start derives from the unquantized initial weights
        model.quantizeWeights(quantization);
    }

    /** --alignment multiplies the forward weights as dense matrices. */
    private static void requireDense(NetworkSpec network) {
        for (int l = 1; l <= network.layerCount(); l++) {
            if (!(network.layer(l) instanceof Dense)) {
                throw new InvalidInputException("--alignment works on dense layers only: layer " + l + " of "
                        + network.name() + " is " + network.layer(l).kind());
            }
        }
    }

    public Model model() {
        return model;
    }

    public List<EpochResult> train(Dataset train, Dataset test, Listener listener) {
        return train(train, test, listener, Position.start());
    }

    /** Trains from {@code from} (a checkpoint's position, with the state restored by {@link #readState}). */
    public List<EpochResult> train(Dataset train, Dataset test, Listener listener, Position from) {
        train.requireMatches(settings.network());
        test.requireMatches(settings.network());
        RandomStreams streams = new RandomStreams(settings.seed());
        List<EpochResult> history = new ArrayList<>(from.history());
        double[] input = new double[settings.network().inputSize()];
        float[] values = new float[input.length];
        // a batch-normalised network takes each minibatch whole: its statistics are the batch's
        boolean normalised = LayerKernels.of(settings.network()).firstNormalising() > 0;
        int block = normalised ? settings.batch() : Math.min(settings.batch(), BlockedProducts.EXAMPLE_BLOCK);
        double[][] inputs = new double[block][input.length];
        int[] labels = new int[block];
        // a float32 dense network's blocks go through float32 matrices, with the same bits
        DenseBatch dense = settings.alignment() || !engine.takesDenseBatches(model) ? null
                : DenseBatch.of(model, workers, block);
        int every = listener.checkpointEvery();
        Alignment alignment = new Alignment(settings.network());
        LossGrowth growth = new LossGrowth(model);
        for (int epoch = from.epoch(); epoch <= settings.epochs(); epoch++) {
            long start = System.nanoTime();
            growth.epochStarts();
            double rate = settings.learningRate() * Math.pow(settings.learningRateDecay(), epoch - 1);
            int[] order = Permutations.shuffled(train.size(), streams.stream("train.order.epoch[" + epoch + "]"));
            boolean resumed = epoch == from.epoch();
            double loss = resumed ? from.lossSum() : 0;
            long correct = resumed ? from.correct() : 0;
            long clipped = resumed ? from.clipped() : 0;
            int batch = settings.batch();
            for (int n = resumed ? from.examplesDone() : 0; n < order.length; ) {
                int end = Math.min(n + batch, order.length);
                StepKind kind = engine.begin(epoch, n / batch);
                for (int first = n; first < end; first += block) { // a block of the batch's examples together
                    int last = Math.min(first + block, end);
                    if (dense != null && last - first > 1) {
                        loss = DenseBlocks.train(engine, dense, train, order, first, last, first == n && last == end,
                                labels, kind, epoch, loss, settings.network().layerCount(), this::diverged);
                        correct += DenseBlocks.correct(dense, labels, last - first);
                        continue;
                    }
                    ForwardPass[] passes = null;
                    double[][][] deltas = null;
                    if ((last - first > 1 || normalised) && engine.batches()) {
                        for (int m = first; m < last; m++) {
                            read(train, order[m], values, inputs[m - first]);
                            labels[m - first] = train.label(order[m]);
                        }
                        passes = engine.forward(model, inputs, labels, last - first);
                        deltas = engine.deltas(model, passes, last - first, kind, epoch, first);
                    }
                    for (int m = first; m < last; m++) {
                        int example = order[m];
                        ForwardPass pass;
                        if (passes != null) {
                            pass = passes[m - first];
                        } else {
                            read(train, example, values, input);
                            pass = engine.forward(model, input, train.label(example));
                        }
                        check(pass, epoch, m, example);
                        loss += pass.loss();
                        correct += pass.predicted() == train.label(example) ? 1 : 0;
                        double[][] delta = deltas != null ? deltas[m - first]
                                : engine.deltas(model, pass, kind, epoch, m);
                        checkDeltas(delta, epoch, m, example);
                        if (settings.alignment() && training.feedback().isPresent()) {
                            alignment.add(delta, LearningStep.backpropDeltas(model, pass));
                        }
                        engine.apply(model, pass, delta, rate);
                    }
                }
                engine.end(model, rate);
                clipped += engine.takeClipped();
                if (end >> 8 > n >> 8) {
                    listener.example(epoch, end, order.length);
                }
                if (every > 0 && end / every > n / every && end < order.length) {
                    listener.checkpoint(new Position(epoch, end, loss, correct, clipped, history));
                }
                n = end;
            }
            double[] evaluation = evaluate(test, values, input);
            EpochResult result = new EpochResult(epoch, rate, loss / order.length, (double) correct / order.length,
                    evaluation[0], evaluation[1], (System.nanoTime() - start) / 1e9,
                    settings.alignment() ? alignment.meanUpdateAngles() : Map.of(),
                    settings.alignment() ? Alignment.feedbackAngles(model, training.feedback()) : Map.of(), clipped);
            alignment.reset();
            String grown = growth.check(result, history);
            history.add(result);
            listener.epoch(result);
            if (grown != null) {
                throw new TrainingDiverged("training diverged under rule " + settings.rule().spec() + " in epoch "
                        + epoch + ": " + grown + "; " + HINT + " (was " + settings.learningRate() + ")");
            }
            if (every > 0 && epoch < settings.epochs()) {
                listener.checkpoint(new Position(epoch + 1, 0, 0, 0, history));
            }
        }
        return history;
    }

    /** Writes the model, the optimizer's state and any learned feedback (for a checkpoint). */
    public void writeState(DataOutputStream out) throws IOException {
        TrainingSnapshot.write(model, training.optimizer(), training.learnedFeedback().orElse(null),
                quantization.noise(), out);
    }

    /** Restores what {@link #writeState} wrote; the run must have the same settings. */
    public void readState(DataInputStream in) throws IOException {
        TrainingSnapshot.read(model, training.optimizer(), training.learnedFeedback().orElse(null),
                quantization.noise(), in);
    }

    /** Mean loss and accuracy over a data set, without training; a block of examples at a time where it can. */
    public double[] evaluate(Dataset data, float[] values, double[] input) {
        double loss = 0;
        long correct = 0;
        int block = quantization.roundingDrawsNoise() ? 1 : BlockedProducts.EXAMPLE_BLOCK;
        double[][] inputs = new double[block][];
        int[] labels = new int[block];
        for (int first = 0; first < data.size(); first += block) {
            int count = Math.min(block, data.size() - first);
            if (count > 1 && evaluationBatch != null) {
                DenseBlocks.read(evaluationBatch, data, null, first, first + count, labels);
                evaluationBatch.forward(labels, count);
                loss = DenseBlocks.addLosses(evaluationBatch, count, loss);
                correct += DenseBlocks.correct(evaluationBatch, labels, count);
                continue;
            }
            ForwardPass[] passes;
            if (count == 1) {
                read(data, first, values, input);
                passes = new ForwardPass[] {ForwardPass.run(model, input, data.label(first), quantization)};
            } else {
                for (int m = 0; m < count; m++) {
                    if (inputs[m] == null) {
                        inputs[m] = new double[input.length];
                    }
                    read(data, first + m, values, inputs[m]);
                    labels[m] = data.label(first + m);
                }
                passes = ForwardPass.runBatch(model, inputs, labels, count, quantization, workers);
            }
            for (int m = 0; m < count; m++) {
                loss += passes[m].loss();
                correct += passes[m].predicted() == data.label(first + m) ? 1 : 0;
            }
        }
        return new double[] {loss / data.size(), (double) correct / data.size()};
    }

    private static void read(Dataset data, int example, float[] values, double[] input) {
        data.copyInput(example, values);
        for (int i = 0; i < values.length; i++) {
            input[i] = values[i];
        }
    }

    private void check(ForwardPass pass, int epoch, int n, int example) {
        if (!Double.isFinite(pass.loss())) {
            int layer = pass.firstNonFiniteLayer();
            throw diverged(epoch, n, example, layer > 0 ? layer : settings.network().layerCount(),
                    "the loss is " + pass.loss());
        }
    }

    private void checkDeltas(double[][] delta, int epoch, int n, int example) {
        for (int l = delta.length - 1; l >= 1; l--) {
            if (delta[l] == null) {
                continue;
            }
            for (double value : delta[l]) {
                if (!Double.isFinite(value)) {
                    throw diverged(epoch, n, example, l, "its error is " + value);
                }
            }
        }
    }

    private TrainingDiverged diverged(int epoch, int n, int example, int layer, String what) {
        return new TrainingDiverged("training diverged under rule " + settings.rule().spec() + " in epoch " + epoch
                + ", example " + (n + 1) + " (data index " + example + "), layer " + layer + ": " + what
                + "; " + HINT + " (was " + settings.learningRate() + ")");
    }

}
