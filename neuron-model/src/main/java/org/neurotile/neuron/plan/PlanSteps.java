package org.neurotile.neuron.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.layers.ConvCut;
import org.neurotile.neuron.layers.LayerKernel;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.neuron.layers.SliceCost;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.workloads.NetworkSpec;

/** Steps the error and update plans share, with the counting conventions of the direct-feedback plan (rules.feedback). */
public final class PlanSteps {
    private PlanSteps() {
    }

    /**
     * The delta task of an output-layer placement: its slice of e arrives from the output task,
     * written once and read once; wordsMoved 1 per trained neuron (its own error).
     */
    public static int outputDelta(TaskGraph graph, Placement p, int forwardTask, int outputTask, boolean trained) {
        int delta = graph.addTask(p.tile(), Phase.ERROR, p.layer());
        graph.dependsOn(delta, forwardTask);
        long c = p.count();
        graph.count(delta, Category.ERROR_WRITES, c);
        graph.count(delta, Category.ERROR_READS, c);
        graph.count(delta, Category.WORDS_MOVED, trained ? c : 0);
        graph.send(outputTask, new int[] {delta}, c);
        return delta;
    }

    /**
     * The delta task of a hidden placement fed back from a source of {@code errors} neurons: the
     * arriving errors written once and read once (shared by the tile's c neurons), c feedback rows
     * read ({@link FeedbackEncoding#rowWords} words each) and multiplied (c * errors MACs, or
     * additions with sign feedback), one activation read and one elementwise op (f') per value the
     * slice computed (per neuron; a convolution's sums before its pool, which the delta reaches
     * through the pool's backward); wordsMoved {@code errors} per trained neuron.
     */
    public static int feedbackDelta(TaskGraph graph, Mapping mapping, Placement p, int forwardTask, long errors,
                                    FeedbackEncoding encoding, int wordBytes, boolean trained) {
        int delta = graph.addTask(p.tile(), Phase.ERROR, p.layer());
        graph.dependsOn(delta, forwardTask);
        long c = p.count();
        long values = slice(mapping, p).sums();
        graph.count(delta, Category.ERROR_WRITES, errors);
        graph.count(delta, Category.ERROR_READS, errors);
        graph.count(delta, Category.FEEDBACK_READS, c * encoding.rowWords(errors, wordBytes));
        graph.count(delta, encoding.productCategory(), c * errors);
        graph.count(delta, Category.ACTIVATION_READS, values);
        graph.count(delta, Category.ELEMENTWISE_OPS, values);
        graph.count(delta, Category.WORDS_MOVED, trained ? c * errors : 0);
        return delta;
    }

    /** What a placement's slice holds and does, as its layer's kernel gives it. */
    public static SliceCost slice(Mapping mapping, Placement p) {
        return LayerKernels.of(mapping.network(), p.layer()).slice(p.first(), p.count(), mapping.cut(p.layer()));
    }

    /**
     * The update task after {@code delta}: the slice's weight reads (unless {@code weightsAlreadyRead}),
     * writes and MACs (dense: n_{l-1} per neuron; plus the bias), the inputs read once, the learning
     * rate once per neuron;
     * with an optimizer, its state words read and written and its arithmetic per weight ({@link OptimizerCost}).
     *
     * <p>With a minibatch of B > 1 the task is the batch's update, once per batch: the tile has kept
     * each example's inputs and its neurons' deltas in a batch buffer (the deltas' B * c writes are
     * counted here, the inputs were written by the forward pass); it reads them (B * n_{l-1} inputs,
     * B * c deltas), and reads, updates and writes each weight once, with
     * {@link OptimizerCost#macsPerWeight(int)} MACs. The weight read of the error phase (bp's shared
     * read) happens once per example, so it cannot serve the batch's update: the update reads them.
     *
     * <p>A convolution slice's gradient is a correlation ({@link SliceCost#gradientMacs}: one
     * product per kernel tap and sum, where a dense layer has one per weight). A slice that starts
     * inside a channel keeps a copy of that channel's kernel ({@link KernelCopies}): it sends its
     * partial gradient to the kernel's owner and writes the updated kernel it gets back.
     */
    public static int update(TaskGraph graph, Mapping mapping, Placement p, int delta, boolean weightsAlreadyRead,
                             PlanOptions options) {
        LayerKernel kernel = LayerKernels.of(mapping.network(), p.layer());
        return update(graph, kernel.slice(p.first(), p.count(), mapping.cut(p.layer())),
                KernelCopies.of(mapping, kernel, p, options), p, delta, weightsAlreadyRead, options);
    }

    /** As above, for a placement of a layer without kernel copies (cut as {@link WeightSharing#DEFAULT}). */
    public static int update(TaskGraph graph, NetworkSpec network, Placement p, int delta, boolean weightsAlreadyRead,
                             PlanOptions options) {
        LayerKernel kernel = LayerKernels.of(network, p.layer());
        return update(graph, kernel.slice(p.first(), p.count(), ConvCut.of(WeightSharing.DEFAULT)), KernelCopies.NONE,
                p, delta, weightsAlreadyRead, options);
    }

    private static int update(TaskGraph graph, SliceCost slice, KernelCopies copies, Placement p, int delta,
                              boolean weightsAlreadyRead, PlanOptions options) {
        int stream = graph.firstTask(p.tile(), Phase.UPDATE, p.layer()); // a streamed input (InputStreams), if any
        int update = graph.addTask(p.tile(), Phase.UPDATE, p.layer());
        graph.dependsOn(update, delta);
        if (stream >= 0) {
            graph.dependsOn(update, stream);
        }
        int batch = options.batch();
        long ownedWeights = slice.weights() - copies.sharedWeights();
        long bias = options.biases() ? slice.biases() - copies.sharedBiases() : 0;
        long weights = ownedWeights + bias;
        graph.count(update, Category.WEIGHT_READS, weightsAlreadyRead && batch == 1 ? bias : weights);
        graph.count(update, Category.WEIGHT_WRITES, weights);
        OptimizerCost optimizer = options.optimizer();
        graph.count(update, Category.MACS, weights * optimizer.macsPerWeight(batch)
                + batch * (slice.gradientMacs() - ownedWeights));
        graph.count(update, Category.OPTIMIZER_READS, weights * optimizer.stateReadsPerWeight());
        graph.count(update, Category.OPTIMIZER_WRITES, weights * optimizer.stateWritesPerWeight());
        graph.count(update, Category.ACTIVATION_READS, batch * slice.inputs());
        graph.count(update, Category.ELEMENTWISE_OPS, slice.sums() + weights * optimizer.elementwiseOpsPerWeight());
        if (batch > 1) {
            graph.count(update, Category.ERROR_WRITES, batch * slice.sums());
            graph.count(update, Category.ERROR_READS, batch * slice.sums());
        }
        copies.synchronise(graph, update);
        return update;
    }

    /** One message to the receivers, but a tile with two receivers (two layers) gets two messages. */
    public static void sendPerTile(TaskGraph graph, int sender, int[] receivers, long words) {
        List<int[]> rounds = new ArrayList<>();
        List<TreeSet<Integer>> tilesOfRound = new ArrayList<>();
        for (int receiver : receivers) {
            int tile = graph.tileOf(receiver);
            int round = 0;
            while (round < rounds.size() && tilesOfRound.get(round).contains(tile)) {
                round++;
            }
            if (round == rounds.size()) {
                rounds.add(new int[0]);
                tilesOfRound.add(new TreeSet<>());
            }
            int[] previous = rounds.get(round);
            int[] grown = Arrays.copyOf(previous, previous.length + 1);
            grown[previous.length] = receiver;
            rounds.set(round, grown);
            tilesOfRound.get(round).add(tile);
        }
        for (int[] round : rounds) {
            graph.send(sender, round, words);
        }
    }
}
