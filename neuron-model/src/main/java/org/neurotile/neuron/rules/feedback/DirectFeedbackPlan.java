package org.neurotile.neuron.rules.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.neuron.plan.FeedbackEncoding;
import org.neurotile.neuron.plan.ForwardPlan;
import org.neurotile.neuron.plan.Mapping;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.plan.PlanOptions;
import org.neurotile.neuron.plan.PlanSteps;
import org.neurotile.neuron.plan.TaskGraph;
import org.neurotile.workloads.NetworkSpec;

/**
 * The error and update phases of the direct-feedback family (dfa, sdfa, ssdfa, binary-dfa:k=K): the output tile
 * sends each tile only the output errors its neurons use — one multicast per distinct set of
 * errors, so with dense dfa all of e goes to every hidden tile at once — and each output tile its
 * own slice of e. Every trained layer then computes its deltas and updates in parallel.
 *
 * <p>Counts per tile and layer with c neurons, neuron i using k_i errors: the arriving errors
 * written once and read once (reused by all c neurons), sum(k_i) feedback reads and MACs, one
 * activation read and one elementwise op (f') per neuron; wordsMoved sum(k_i) (an output neuron:
 * 1, its own error). Update: n_{l-1} weight reads, writes and MACs per neuron (plus the bias with
 * biases), the inputs read once, one elementwise op (the learning rate) per neuron.
 */
public final class DirectFeedbackPlan {
    private DirectFeedbackPlan() {
    }

    public static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, ErrorAssignment errors,
                             PlanOptions options) {
        build(graph, mapping, forward, errors, FeedbackEncoding.DENSE, options);
    }

    /**
     * As above, each connection's product counted as {@code encoding} multiplies an entry: a MAC, or
     * with {@link FeedbackEncoding#SIGN} (a sparse row of signed indices) an addition.
     */
    public static void build(TaskGraph graph, Mapping mapping, ForwardPlan forward, ErrorAssignment errors,
                             FeedbackEncoding encoding, PlanOptions options) {
        build(graph, mapping, forward, errors, encoding, options, layer -> true);
    }

    /**
     * As above for the hidden layers {@code fedBack} accepts (the output layer always gets e);
     * returns, per placement, its delta task, -1 where none was planned.
     */
    public static int[] build(TaskGraph graph, Mapping mapping, ForwardPlan forward, ErrorAssignment errors,
                              FeedbackEncoding encoding, PlanOptions options, IntPredicate fedBack) {
        NetworkSpec network = mapping.network();
        int layers = network.layerCount();
        List<Placement> placements = mapping.placements();
        Map<BitSet, List<Integer>> receiversByErrorSet = new LinkedHashMap<>();
        int[] deltaOf = new int[placements.size()];
        Arrays.fill(deltaOf, -1);
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            if (!network.layer(p.layer()).trainable() || p.layer() < layers && !fedBack.test(p.layer())) {
                continue;
            }
            if (p.layer() == layers) {
                deltaOf[i] = PlanSteps.outputDelta(graph, p, forward.forwardTask(i), forward.outputTask(), true);
                PlanSteps.update(graph, mapping, p, deltaOf[i], false, options);
                continue;
            }
            int delta = graph.addTask(p.tile(), Phase.ERROR, p.layer());
            deltaOf[i] = delta;
            graph.dependsOn(delta, forward.forwardTask(i));
            long c = p.count();
            BitSet used = new BitSet(network.outputs());
            int perNeuron = errors.errorsPerNeuron();
            long connections = (long) perNeuron * c;
            for (int position = p.first(); position < p.end(); position++) {
                if (perNeuron > 0 && used.cardinality() == network.outputs()) {
                    break; // every error is used: the rest of the slice adds no error to receive
                }
                int[] neuronErrors = errors.errorsOf(p.layer(), mapping.neuron(p.layer(), position));
                connections += perNeuron > 0 ? 0 : neuronErrors.length;
                for (int e : neuronErrors) {
                    used.set(e);
                }
            }
            graph.count(delta, Category.ERROR_WRITES, used.cardinality());
            graph.count(delta, Category.ERROR_READS, used.cardinality());
            graph.count(delta, Category.FEEDBACK_READS, connections);
            graph.count(delta, encoding.productCategory(), connections);
            long values = PlanSteps.slice(mapping, p).sums(); // f' per sum, behind a convolution's pool
            graph.count(delta, Category.ACTIVATION_READS, values);
            graph.count(delta, Category.ELEMENTWISE_OPS, values);
            graph.count(delta, Category.WORDS_MOVED, connections);
            receiversByErrorSet.computeIfAbsent(used, k -> new ArrayList<>()).add(delta);
            PlanSteps.update(graph, mapping, p, delta, false, options);
        }
        for (Map.Entry<BitSet, List<Integer>> set : receiversByErrorSet.entrySet()) {
            int[] receivers = set.getValue().stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(receivers);
            PlanSteps.sendPerTile(graph, forward.outputTask(), receivers, set.getKey().cardinality());
        }
        return deltaOf;
    }
}
