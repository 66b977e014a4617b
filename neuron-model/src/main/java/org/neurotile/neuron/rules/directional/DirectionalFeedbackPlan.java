package org.neurotile.neuron.rules.directional;

import java.util.ArrayList;
import java.util.List;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.SliceCost;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.PlanSteps;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.workloads.NetworkSpec;

/**
 * Directional dfa ({@link org.neurotile.neuron.math.DirectionalFeedback}) on the chip: dfa plus a
 * second vector on the forward pass and a feedback write in the error phase.
 *
 * <p>Forward: each tile, after its forward task, runs a directional task (phase forward) that
 * computes its slice of d_l = (W_l d_{l-1}) * f'(a_l) + v_l and sends it to every tile of layer
 * l+1 as one multicast, as the forward task sends h_l; the tiles of layer L send d_L to the output
 * tile. Per tile with c neurons: c * n_{l-1} weight reads and MACs (no bias), d_{l-1} written once
 * as it arrives and read once, d_l written; per hidden neuron three elementwise ops (draw v_l,
 * multiply by f'(a_l), add v_l) and v_l written (kept for the feedback update). d_0 = 0 does not
 * travel; with {@code computeZeroProduct} layer 1 still reads its weights and multiplies them by
 * the zero vector (the spec's count: the forward product twice), else it skips the product.
 *
 * <p>Error: the output tile sends e and d_L (2 n_L words) to every hidden tile as one multicast
 * and each output tile its slice of e, as dfa. A hidden tile's delta task counts dfa's
 * ({@link PlanSteps#feedbackDelta} with n_L errors) and, in the same pass over each feedback row,
 * the update B &lt;- (1 - alpha) B + (alpha v_i) d_L^T: d_L written once and read once, c * n_L
 * feedback writes and 2 c * n_L MACs, v read and alpha v_i formed once per neuron (one
 * elementwise op); wordsMoved 2 n_L per trained hidden neuron. The update phase is dfa's.
 */
public final class DirectionalFeedbackPlan {
    private DirectionalFeedbackPlan() {
    }

    public static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, boolean computeZeroProduct,
                             PlanOptions options) {
        NetworkSpec network = mapping.network();
        int layers = network.layerCount();
        List<Placement> placements = mapping.placements();
        int[] directional = directionalPass(graph, mapping, forward, computeZeroProduct);
        long outputs = network.outputs();
        List<Integer> receivers = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            if (!network.layer(p.layer()).trainable()) {
                continue;
            }
            int delta;
            if (p.layer() == layers) {
                delta = PlanSteps.outputDelta(graph, p, forward.forwardTask(i), forward.outputTask(), true);
            } else {
                long c = p.count();
                delta = PlanSteps.feedbackDelta(graph, mapping, p, forward.forwardTask(i), outputs, FeedbackEncoding.DENSE,
                        options.wordBytes(), true);
                graph.dependsOn(delta, directional[i]);
                graph.count(delta, Category.ERROR_WRITES, outputs);
                graph.count(delta, Category.ERROR_READS, outputs);
                graph.count(delta, Category.FEEDBACK_WRITES, c * outputs);
                graph.count(delta, Category.MACS, 2 * c * outputs);
                graph.count(delta, Category.ACTIVATION_READS, c);
                graph.count(delta, Category.ELEMENTWISE_OPS, c);
                graph.count(delta, Category.WORDS_MOVED, c * outputs);
                receivers.add(delta);
            }
            PlanSteps.update(graph, mapping, p, delta, false, options);
        }
        if (!receivers.isEmpty()) {
            PlanSteps.sendPerTile(graph, forward.outputTask(), receivers.stream().mapToInt(Integer::intValue).toArray(),
                    2 * outputs);
        }
    }

    /** The directional tasks, aligned with the placements; layer L's send d_L to the output task. */
    private static int[] directionalPass(TaskGraph graph, Mapping mapping, ForwardPlan forward,
                                         boolean computeZeroProduct) {
        NetworkSpec network = mapping.network();
        int layers = network.layerCount();
        LayerKernels kernels = LayerKernels.of(network);
        List<Placement> placements = mapping.placements();
        int[] task = new int[placements.size()];
        List<List<Integer>> tasksOfLayer = new ArrayList<>();
        for (int l = 0; l <= layers; l++) {
            tasksOfLayer.add(new ArrayList<>());
        }
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            int l = p.layer();
            int t = graph.addTask(p.tile(), Phase.FORWARD, l);
            graph.dependsOn(t, forward.forwardTask(i));
            long c = p.count();
            SliceCost slice = kernels.layer(l).slice(p.first(), c, mapping.cut(l));
            long inputs = slice.inputs();
            boolean product = l > 1 || computeZeroProduct;
            graph.count(t, Category.WEIGHT_READS, product ? slice.weights() : 0);
            graph.count(t, Category.MACS, product ? slice.forwardMacs() : 0);
            graph.count(t, Category.ACTIVATION_WRITES, (l > 1 ? inputs : 0) + c + (l < layers ? c : 0));
            graph.count(t, Category.ACTIVATION_READS, product ? inputs : 0);
            graph.count(t, Category.ELEMENTWISE_OPS, l < layers ? 3 * c : 0);
            task[i] = t;
            tasksOfLayer.get(l).add(t);
        }
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            int[] next = p.layer() < layers
                    ? tasksOfLayer.get(p.layer() + 1).stream().mapToInt(Integer::intValue).toArray()
                    : new int[] {forward.outputTask()};
            graph.send(task[i], next, p.count());
        }
        return task;
    }
}
