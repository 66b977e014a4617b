package org.neurotile.neuron.rules.bp;

import java.util.ArrayList;
import java.util.List;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.layers.LayerKernel;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.SliceCost;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.InputRoutes;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.PlanSteps;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.workloads.NetworkSpec;

/**
 * The error and update phases of bp on the spatial array, without moving weights: layers strictly
 * one after another backwards. The output layer's tiles get their slice of e from the output task.
 * Then, for l = L-1 down to the lowest trained layer, every tile holding layer-(l+1) neurons runs a
 * propagation task (phase error, tagged layer l+1, whose weights it reads) after its delta task:
 * the partial sums W_{l+1}[its rows, :]^T delta_{l+1}[its rows] for all n_l neurons, computed one
 * column at a time with the tile's c_{l+1} deltas held in registers, so each partial is produced
 * finished and sent, never stored: c_{l+1} * n_l weight reads and MACs (the slice's, as the layer's
 * kernel gives them). It sends each layer-l tile
 * the partial sums of that tile's neurons (a message of their count). Each layer-l tile's delta
 * task then reduces the S partial sums its neurons receive (S = tiles holding layer l+1): S * c
 * (as the kernel of layer l+1 counts them) arriving words written once and read once, (S - 1) * c
 * additions (the first partial starts the sum), then one activation read and one elementwise op
 * (f') per neuron.
 *
 * <p>wordsMoved: per trained hidden neuron, the S partial sums it receives; per output neuron 1.
 *
 * <p>The update of W_{l+1} waits for its propagation task: bp propagates with the weights of the
 * forward pass. Both need only delta_{l+1} and h_l, so hardware can do them in one pass over the
 * weights: {@link WeightReads#SHARED} counts the read once (in the propagation task, the update
 * then reads only biases); {@link WeightReads#SEPARATE} (default) reads each weight twice. A layer
 * that is not trained still propagates if a trained layer lies below it, but is not updated.
 */
public final class BackpropPlan {

    /** Whether the error and the update of a layer read its weights once between them, or each. */
    public enum WeightReads {
        SEPARATE,
        SHARED
    }

    private BackpropPlan() {
    }

    public static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, PlanOptions options) {
        build(graph, mapping, forward, WeightReads.SEPARATE, options);
    }

    public static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, WeightReads weightReads,
                             PlanOptions options) {
        int lowest = lowestTrained(mapping.network());
        if (lowest > 0) {
            chain(graph, mapping, forward, weightReads, options, lowest);
        }
    }

    /**
     * bp's error and update phases for layers {@code lowest}..L: deltas propagated down to layer
     * {@code lowest}, which itself does not propagate. Returns, per placement, its delta task (-1
     * below {@code lowest}).
     */
    public static int[] chain(TaskGraph graph, Mapping mapping, ForwardPlan forward, WeightReads weightReads,
                       PlanOptions options, int lowest) {
        return chain(graph, mapping, forward, weightReads, options, lowest, mapping.network().layerCount(), null);
    }

    /**
     * bp's chain below layer {@code top}, whose deltas another plan has computed and updated with
     * (a delta task per placement of layer {@code top} in {@code given}, -1 for the others): layer
     * {@code top} propagates with its forward weights, layers {@code lowest}..top-1 reduce, update and
     * propagate as bp does. With {@code given} null, {@code top} is L and gets e: the whole chain.
     */
    public static int[] chain(TaskGraph graph, Mapping mapping, ForwardPlan forward, WeightReads weightReads,
                              PlanOptions options, int lowest, int top, int[] given) {
        NetworkSpec network = mapping.network();
        int layers = network.layerCount();
        LayerKernels kernels = LayerKernels.of(network);
        List<Placement> placements = mapping.placements();
        int[] deltaOf = new int[placements.size()];
        int[] propagationOf = new int[placements.size()];
        long[][] rangesOf = inputRanges(mapping, kernels);
        List<SkippedError> skipped = skippedErrors(kernels, mapping, lowest, top);
        long[] skippedTo = receivedSkippedErrors(skipped, placements.size());
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            int l = p.layer();
            deltaOf[i] = -1;
            propagationOf[i] = -1;
            if (l < lowest || l > top) {
                continue;
            }
            boolean trained = network.layer(l).trainable();
            boolean planned = given != null && l == top;
            int delta;
            if (planned) {
                delta = given[i];
            } else if (l == layers) {
                delta = PlanSteps.outputDelta(graph, p, forward.forwardTask(i), forward.outputTask(), trained);
            } else {
                long partials = partialSums(kernels.layer(l + 1), mapping, p, rangesOf) + skippedTo[i];
                delta = reduction(graph, p, forward.forwardTask(i), partials, PlanSteps.slice(mapping, p).sums(),
                        trained);
            }
            deltaOf[i] = delta;
            boolean propagates = l > lowest;
            int propagation = -1;
            if (propagates) {
                propagation = graph.addTask(p.tile(), Phase.ERROR, l);
                graph.dependsOn(propagation, delta);
                SliceCost slice = PlanSteps.slice(mapping, p);
                graph.count(propagation, Category.WEIGHT_READS, slice.weights());
                graph.count(propagation, Category.MACS, slice.propagationMacs());
                propagationOf[i] = propagation;
            }
            if (trained && !planned) {
                boolean shared = propagates && weightReads == WeightReads.SHARED;
                int update = PlanSteps.update(graph, mapping, p, delta, shared, options);
                if (propagates) {
                    graph.dependsOn(update, propagation);
                }
            }
        }
        sendPartialSums(graph, mapping, rangesOf, deltaOf, propagationOf);
        for (SkippedError e : skipped) {
            graph.send(propagationOf[e.from()], new int[] {deltaOf[e.to()]}, e.words());
        }
        return deltaOf;
    }

    /** The error of {@code words} values a slice's residual add read, from placement {@code from} to {@code to}. */
    private record SkippedError(int from, int to, long words) {
    }

    /**
     * A residual add's backward: each slice of a layer in (lowest, top] that adds layer j (j at or
     * above {@code lowest}) owes j's slices the error of the values its add read, delta itself or the
     * projection's P^T delta (its MACs are in the slice's propagation), which j's reductions add to
     * the partial sums from the layer above j.
     */
    private static List<SkippedError> skippedErrors(LayerKernels kernels, Mapping mapping, int lowest, int top) {
        List<Placement> placements = mapping.placements();
        List<SkippedError> errors = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            LayerKernel kernel = kernels.layer(p.layer());
            int from = kernel.addedFrom();
            if (p.layer() <= lowest || p.layer() > top || from < lowest || from < 1) {
                continue;
            }
            long[] ranges = mapping.stored(from, kernel.addedRanges(p.first(), p.count(), mapping.cut(p.layer())));
            for (int j = 0; j < placements.size(); j++) {
                Placement q = placements.get(j);
                long words = q.layer() == from ? InputRoutes.overlap(ranges, q.first(), q.end()) : 0;
                if (words > 0) {
                    errors.add(new SkippedError(i, j, words));
                }
            }
        }
        return errors;
    }

    /** The words of skipped errors each placement receives. */
    private static long[] receivedSkippedErrors(List<SkippedError> errors, int placements) {
        long[] received = new long[placements];
        for (SkippedError e : errors) {
            received[e.to()] += e.words();
        }
        return received;
    }

    /**
     * The partial sums placement {@code p} of layer l receives from the slices of layer l+1: from a
     * dense layer as its kernel counts them, from a convolution the units of p each slice's windows read.
     */
    private static long partialSums(LayerKernel above, Mapping mapping, Placement p, long[][] rangesOf) {
        List<Placement> senders = mapping.placementsOf(p.layer() + 1);
        if (!above.sharesWeights()) {
            return above.partialSumsReceived(p.count(), senders.size());
        }
        long partials = 0;
        List<Placement> placements = mapping.placements();
        for (int i = 0; i < placements.size(); i++) {
            if (placements.get(i).layer() == p.layer() + 1) {
                partials += InputRoutes.overlap(rangesOf[i], p.first(), p.end());
            }
        }
        return partials;
    }

    /**
     * The input ranges of every placement of a layer that shares weights, in the order of the layer
     * below (null for the others).
     */
    private static long[][] inputRanges(Mapping mapping, LayerKernels kernels) {
        List<Placement> placements = mapping.placements();
        long[][] ranges = new long[placements.size()][];
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            LayerKernel kernel = kernels.layer(p.layer());
            ranges[i] = kernel.sharesWeights() ? mapping.stored(p.layer() - 1,
                    kernel.inputRanges(p.first(), p.count(), mapping.cut(p.layer()))) : null;
        }
        return ranges;
    }

    private static int reduction(TaskGraph graph, Placement p, int forwardTask, long partials, long values,
                                 boolean trained) {
        int delta = graph.addTask(p.tile(), Phase.ERROR, p.layer());
        graph.dependsOn(delta, forwardTask);
        long c = p.count();
        graph.count(delta, Category.ERROR_WRITES, partials);
        graph.count(delta, Category.ERROR_READS, partials);
        graph.count(delta, Category.ADDS, Math.max(0, partials - c));
        graph.count(delta, Category.ACTIVATION_READS, values);
        graph.count(delta, Category.ELEMENTWISE_OPS, values);
        graph.count(delta, Category.WORDS_MOVED, trained ? partials : 0);
        return delta;
    }

    /**
     * Each propagation task of layer l+1 sends every layer-l tile the partial sums of its neurons:
     * all of them from a dense layer, from a convolution those its windows read (its rotated kernel
     * reaches no other unit).
     */
    private static void sendPartialSums(TaskGraph graph, Mapping mapping, long[][] rangesOf, int[] deltaOf,
                                        int[] propagationOf) {
        List<Placement> placements = mapping.placements();
        for (int i = 0; i < placements.size(); i++) {
            if (propagationOf[i] < 0) {
                continue;
            }
            Placement p = placements.get(i);
            int below = p.layer() - 1;
            long[] ranges = rangesOf[i];
            for (int j = 0; j < placements.size(); j++) {
                Placement q = placements.get(j);
                if (q.layer() == below) {
                    long words = ranges == null ? q.count() : InputRoutes.overlap(ranges, q.first(), q.end());
                    if (words > 0) {
                        graph.send(propagationOf[i], new int[] {deltaOf[j]}, words);
                    }
                }
            }
        }
    }

    /** The lowest trained layer, 0 if none is. */
    public static int lowestTrained(NetworkSpec network) {
        for (int l = 1; l <= network.layerCount(); l++) {
            if (network.layer(l).trainable()) {
                return l;
            }
        }
        return 0;
    }
}
