package org.neurotile.neuron.rules.convdfa;

import java.util.ArrayList;
import java.util.List;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.layers.UnitRanges;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.InputRoutes;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.PlanSteps;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.workloads.NetworkSpec;

/**
 * conv-dfa's error and update phases: blocked dfa's graph ({@code BlockedFeedbackPlan}) over the
 * modules, with dense rows of the source's n_s deltas (a convolution's sums before its pool) where
 * B_l is dense, and where it is a convolution:
 *
 * <ul>
 *   <li>each source tile sends each slice the rows of its delta map the slice's feedback windows
 *       read ({@link FeedbackWindows}), one multicast per group of slices reading the same rows,
 *       as a convolution's input rows are routed ({@link InputRoutes}); a pooled source's tile holds
 *       the sums rows floor(r H_s / H_p) .. of its pooled rows r;
 *   <li>the slice's delta task writes and reads the arriving words once, reads its feedback
 *       kernels (one row of (C_s / G) K^2 entries per covered channel, {@link FeedbackEncoding#rowWords}
 *       words each), does (C_s / G) K^2 MACs per unit (additions with sign), and reads an
 *       activation and does f' per sum; wordsMoved (C_s / G) K^2 per trained unit, the error values
 *       its window reads (as dfa counts the n_L errors each neuron receives).
 * </ul>
 */
final class ConvDfaPlan {
    private ConvDfaPlan() {
    }

    static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, ConvDfaLayout layout,
                      FeedbackEncoding encoding, PlanOptions options) {
        NetworkSpec network = mapping.network();
        int layers = network.layerCount();
        boolean[] computesDelta = layout.modules().computesDelta(network);
        List<Placement> placements = mapping.placements();
        int[] deltaOf = new int[placements.size()];
        List<List<Integer>> denseReceivers = new ArrayList<>();
        for (int l = 0; l <= layers; l++) {
            denseReceivers.add(new ArrayList<>());
        }
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            int l = p.layer();
            deltaOf[i] = -1;
            if (!computesDelta[l]) {
                continue;
            }
            boolean trained = network.layer(l).trainable();
            int delta;
            if (l == layers) {
                delta = PlanSteps.outputDelta(graph, p, forward.forwardTask(i), forward.outputTask(), trained);
            } else if (layout.convolved()[l]) {
                delta = convolutionDelta(graph, mapping, p, forward.forwardTask(i), layout, encoding, options, trained);
            } else {
                int source = layout.sources()[l];
                delta = PlanSteps.feedbackDelta(graph, mapping, p, forward.forwardTask(i), layout.deltas(source),
                        encoding, options.wordBytes(), trained);
                denseReceivers.get(source).add(delta);
            }
            deltaOf[i] = delta;
            if (trained) {
                PlanSteps.update(graph, mapping, p, delta, false, options);
            }
        }
        for (int source = layers; source >= 1; source--) {
            sendDense(graph, mapping, forward, layout, source, denseReceivers.get(source), deltaOf);
        }
        for (int l = 1; l < layers; l++) {
            if (computesDelta[l] && layout.convolved()[l]) {
                sendWindows(graph, mapping, layout, l, deltaOf);
            }
        }
    }

    private static int convolutionDelta(TaskGraph graph, Mapping mapping, Placement p, int forwardTask,
                                        ConvDfaLayout layout, FeedbackEncoding encoding, PlanOptions options,
                                        boolean trained) {
        FeedbackWindows windows = layout.windows(p.layer());
        long taps = layout.taps(p.layer());
        long received = UnitRanges.words(windows.sourceRanges(p.first(), p.count()));
        long values = PlanSteps.slice(mapping, p).sums();
        int delta = graph.addTask(p.tile(), Phase.ERROR, p.layer());
        graph.dependsOn(delta, forwardTask);
        graph.count(delta, Category.ERROR_WRITES, received);
        graph.count(delta, Category.ERROR_READS, received);
        graph.count(delta, Category.FEEDBACK_READS,
                windows.channels(p.first(), p.count()) * encoding.rowWords(taps, options.wordBytes()));
        graph.count(delta, encoding.productCategory(), p.count() * taps);
        graph.count(delta, Category.ACTIVATION_READS, values);
        graph.count(delta, Category.ELEMENTWISE_OPS, values);
        graph.count(delta, Category.WORDS_MOVED, trained ? p.count() * taps : 0);
        return delta;
    }

    /** e (from the output task) or a source tile's deltas to every dense receiver, one message per tile. */
    private static void sendDense(TaskGraph graph, Mapping mapping, ForwardPlan forward, ConvDfaLayout layout,
                                  int source, List<Integer> receivers, int[] deltaOf) {
        if (receivers.isEmpty()) {
            return;
        }
        int[] tasks = receivers.stream().mapToInt(Integer::intValue).toArray();
        NetworkSpec network = mapping.network();
        if (source == network.layerCount()) {
            PlanSteps.sendPerTile(graph, forward.outputTask(), tasks, network.outputs());
            return;
        }
        List<Placement> placements = mapping.placements();
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            if (p.layer() == source) {
                PlanSteps.sendPerTile(graph, deltaOf[i], tasks, layout.heldEnd(p) - layout.heldStart(p));
            }
        }
    }

    /** Each source tile sends each group of layer l's slices the rows of its delta they read. */
    private static void sendWindows(TaskGraph graph, Mapping mapping, ConvDfaLayout layout, int l, int[] deltaOf) {
        List<Placement> placements = mapping.placements();
        List<Placement> receivers = new ArrayList<>();
        List<Integer> tasks = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            if (placements.get(i).layer() == l) {
                receivers.add(placements.get(i));
                tasks.add(deltaOf[i]);
            }
        }
        FeedbackWindows windows = layout.windows(l);
        InputRoutes routes = InputRoutes.of(receivers, tasks.stream().mapToInt(Integer::intValue).toArray(),
                q -> windows.sourceRanges(q.first(), q.count()));
        int source = layout.sources()[l];
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            if (p.layer() == source) {
                long start = layout.heldStart(p);
                routes.send(graph, deltaOf[i], start, layout.heldEnd(p) - start);
            }
        }
    }
}
