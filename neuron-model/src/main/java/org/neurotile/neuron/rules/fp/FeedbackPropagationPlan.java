package org.neurotile.neuron.rules.fp;

import java.util.ArrayList;
import java.util.List;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.PlanSteps;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.neuron.rules.bp.BackpropPlan;
import org.neurotile.neuron.rules.feedback.FixedFeedback;
import org.neurotile.workloads.NetworkSpec;

/**
 * The error and update phases of feedback propagation ({@link FeedbackPropagation}): bp's chain
 * ({@link BackpropPlan}, weights read separately by error and update) from the output down to the
 * source layer s, or to the lowest trained layer if that is above s; then every trained layer below
 * s computes delta_l = (B_l delta_s) * f'(a_l) as a dfa layer does, counted as
 * {@link PlanSteps#feedbackDelta} with n_s errors. Each tile of layer s sends its slice of delta_s,
 * as soon as its reduction is done, to every dfa tile as one multicast (for s = L, the output task
 * sends e, as in dfa). The dfa layers run in parallel, after the bp chain has reached s.
 */
public final class FeedbackPropagationPlan {
    private FeedbackPropagationPlan() {
    }

    public static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, FeedbackPropagation rule,
                             PlanOptions options) {
        NetworkSpec network = mapping.network();
        int lowest = BackpropPlan.lowestTrained(network);
        if (lowest == 0) {
            return;
        }
        int source = rule.sourceLayer();
        int[] deltaOf = BackpropPlan.chain(graph, mapping, forward, BackpropPlan.WeightReads.SEPARATE, options,
                Math.max(source, lowest));
        List<Placement> placements = mapping.placements();
        List<Integer> receivers = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            if (!rule.holdsFeedback(network, p.layer())) {
                continue;
            }
            int delta = PlanSteps.feedbackDelta(graph, mapping, p, forward.forwardTask(i), FixedFeedback.deltas(network, source),
                    FeedbackEncoding.DENSE, options.wordBytes(), true);
            PlanSteps.update(graph, mapping, p, delta, false, options);
            receivers.add(delta);
        }
        if (receivers.isEmpty()) {
            return;
        }
        int[] targets = receivers.stream().mapToInt(Integer::intValue).toArray();
        if (source == network.layerCount()) {
            PlanSteps.sendPerTile(graph, forward.outputTask(), targets, network.outputs());
            return;
        }
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            if (p.layer() == source) {
                PlanSteps.sendPerTile(graph, deltaOf[i], targets, PlanSteps.slice(mapping, p).sums());
            }
        }
    }
}
