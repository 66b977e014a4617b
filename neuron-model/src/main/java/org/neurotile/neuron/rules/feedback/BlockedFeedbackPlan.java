package org.neurotile.neuron.rules.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.PlanSteps;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.workloads.NetworkSpec;

/**
 * The error and update phases of blocked dfa (see {@link FeedbackBlocks}), which with block size L
 * is dense dfa and with block size 1 is fa. Each layer of block 0 gets e from the output task, as
 * one multicast to all of them (the graph {@link DirectFeedbackPlan} builds for dense dfa); each
 * layer m that is the source of a deeper block sends, from each of its tiles, that tile's slice of
 * delta_m to every tile of the block, as one multicast. The layers of a block run in parallel; a
 * block waits for the delta of the block above it, so blocks run one after another.
 *
 * <p>Counts per tile and layer with c neurons, whose source layer m has n_m deltas (one per
 * neuron; a convolution's, one per sum before its pool): the n_m
 * arriving errors written once and read once (reused by all c neurons), c rows of feedback of n_m
 * entries read ({@link FeedbackEncoding#rowWords} words each) and multiplied (c * n_m MACs, or
 * additions with sign feedback), one activation read and one elementwise op (f') per neuron;
 * wordsMoved n_m per trained neuron. Output layer and update as in {@link DirectFeedbackPlan}.
 */
public final class BlockedFeedbackPlan {
    private BlockedFeedbackPlan() {
    }

    /** Blocked dfa with dense feedback. */
    public static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, int blockSize,
                             PlanOptions options) {
        build(graph, mapping, forward, new FeedbackBlocks(mapping.network().layerCount(), blockSize),
                FeedbackEncoding.DENSE, options);
    }

    public static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, FeedbackSources blocks,
                             FeedbackEncoding encoding, PlanOptions options) {
        build(graph, mapping, forward, blocks, encoding, options, layer -> true);
    }

    /**
     * As above for the hidden layers {@code fedBack} accepts (the output layer always gets e);
     * returns, per placement, its delta task, -1 where none was planned.
     */
    public static int[] build(TaskGraph graph, Mapping mapping, ForwardPlan forward, FeedbackSources blocks,
                              FeedbackEncoding encoding, PlanOptions options, IntPredicate fedBack) {
        NetworkSpec network = mapping.network();
        int layers = network.layerCount();
        boolean[] computesDelta = blocks.computesDelta(network);
        List<Placement> placements = mapping.placements();
        int[] deltaOf = new int[placements.size()];
        List<List<Integer>> receiversOfSource = new ArrayList<>();
        for (int l = 0; l <= layers; l++) {
            receiversOfSource.add(new ArrayList<>());
        }
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            int l = p.layer();
            deltaOf[i] = -1;
            if (!computesDelta[l] || l < layers && !fedBack.test(l)) {
                continue;
            }
            boolean trained = network.layer(l).trainable();
            int delta;
            if (l == layers) {
                delta = PlanSteps.outputDelta(graph, p, forward.forwardTask(i), forward.outputTask(), trained);
            } else {
                int source = blocks.sourceOf(l);
                delta = PlanSteps.feedbackDelta(graph, mapping, p, forward.forwardTask(i), FixedFeedback.deltas(network, source), encoding,
                        options.wordBytes(), trained);
                receiversOfSource.get(source).add(delta);
            }
            deltaOf[i] = delta;
            if (trained) {
                PlanSteps.update(graph, mapping, p, delta, false, options);
            }
        }
        for (int source = layers; source >= 1; source--) {
            int[] receivers = receiversOfSource.get(source).stream().mapToInt(Integer::intValue).toArray();
            if (receivers.length == 0) {
                continue;
            }
            if (source == layers) {
                PlanSteps.sendPerTile(graph, forward.outputTask(), receivers, network.outputs());
                continue;
            }
            for (int i = 0; i < placements.size(); i++) {
                Placement p = placements.get(i);
                if (p.layer() == source) {
                    PlanSteps.sendPerTile(graph, deltaOf[i], receivers, PlanSteps.slice(mapping, p).sums());
                }
            }
        }
        return deltaOf;
    }
}
