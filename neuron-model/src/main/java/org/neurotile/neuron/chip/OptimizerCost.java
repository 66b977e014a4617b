package org.neurotile.neuron.chip;

import java.util.List;
import java.util.Locale;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkSpec;

/**
 * What an optimizer costs a tile per weight (and bias) at each update: the state words it keeps
 * beside the weight, read and written once per update, and its arithmetic. Multiplications are
 * counted as MACs (a multiply with a free add), square roots and divisions as element-wise ops.
 *
 * <ul>
 *   <li>{@code sgd}: w -= (lr delta_i) h_j: 1 MAC, no state.</li>
 *   <li>{@code momentum}: g = delta_i h_j; v = mu v + g; w -= lr v: 3 MACs, 1 state word.</li>
 *   <li>{@code adam}: g = delta_i h_j; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 *   w -= lr_t m / (sqrt(v) + eps), the bias corrections folded into lr_t once per step:
 *   7 MACs (1 + 2 + 3 + 1), 3 element-wise ops (square root, add, divide), 2 state words.</li>
 *   <li>hybrid's split momentum, two state words v_bp and v_dfa: a bp step
 *   ({@code split-momentum:bp}) does momentum's v_bp = mu v_bp + g; w -= lr v_bp (3 MACs, v_bp read
 *   and written); a dfa step ({@code split-momentum:dfa}) does v_dfa = mu v_dfa + g,
 *   u = gamma v_dfa + (1 - gamma) v_bp, w -= lr u (5 MACs, both read, v_dfa written). Chosen by
 *   the hybrid rule, not by name.</li>
 * </ul>
 *
 * <p>With a minibatch of B > 1 the gradient is no longer fused into the update: each weight
 * accumulates the B products delta_i h_j (B MACs), is scaled by 1/B (1 MAC), and the optimizer
 * then does its arithmetic on the mean g ({@link #updateMacsPerWeight()}: sgd 1, w -= lr g;
 * momentum 2; adam 6), once per batch.
 */
public enum OptimizerCost {
    SGD("sgd", 0, 0, 0, 1, 1, 0),
    MOMENTUM("momentum", 1, 1, 1, 3, 2, 0),
    ADAM("adam", 2, 2, 2, 7, 6, 3),
    SPLIT_MOMENTUM_BP("split-momentum:bp", 2, 1, 1, 3, 2, 0),
    SPLIT_MOMENTUM_DFA("split-momentum:dfa", 2, 2, 1, 5, 4, 0);

    private static final String CHOICES = "sgd, momentum, adam";

    private final String id;
    private final int stateWordsPerWeight;
    private final int stateReadsPerWeight;
    private final int stateWritesPerWeight;
    private final int macsPerWeight;
    private final int updateMacsPerWeight;
    private final int elementwiseOpsPerWeight;

    OptimizerCost(String id, int stateWordsPerWeight, int stateReadsPerWeight, int stateWritesPerWeight,
                  int macsPerWeight, int updateMacsPerWeight, int elementwiseOpsPerWeight) {
        this.id = id;
        this.stateWordsPerWeight = stateWordsPerWeight;
        this.stateReadsPerWeight = stateReadsPerWeight;
        this.stateWritesPerWeight = stateWritesPerWeight;
        this.macsPerWeight = macsPerWeight;
        this.updateMacsPerWeight = updateMacsPerWeight;
        this.elementwiseOpsPerWeight = elementwiseOpsPerWeight;
    }

    public String id() {
        return id;
    }

    /** State words kept beside each weight (the footprint). */
    public int stateWordsPerWeight() {
        return stateWordsPerWeight;
    }

    public int stateReadsPerWeight() {
        return stateReadsPerWeight;
    }

    public int stateWritesPerWeight() {
        return stateWritesPerWeight;
    }

    public int macsPerWeight() {
        return macsPerWeight;
    }

    /** MACs per weight after the gradient g is formed, as a minibatch's update does them. */
    public int updateMacsPerWeight() {
        return updateMacsPerWeight;
    }

    /** MACs per weight of one update with a minibatch of {@code batch} examples. */
    public long macsPerWeight(int batch) {
        return batch == 1 ? macsPerWeight : batch + 1L + updateMacsPerWeight;
    }

    public int elementwiseOpsPerWeight() {
        return elementwiseOpsPerWeight;
    }

    public static OptimizerCost byName(String name) {
        for (OptimizerCost cost : List.of(SGD, MOMENTUM, ADAM)) {
            if (cost.id.equals(name.toLowerCase(Locale.ROOT))) {
                return cost;
            }
        }
        throw new InvalidInputException("unknown optimizer '" + name + "' (valid: " + CHOICES + ")");
    }

    /** The rule's storage with this optimizer's state words beside every weight and bias. */
    StorageModel withState(StorageModel base, NetworkSpec network, int wordBytes) {
        if (stateWordsPerWeight == 0) {
            return base;
        }
        LayerKernels kernels = LayerKernels.of(network);
        return base.withMoreOptimizerBytes(layer -> kernels.layer(layer).parameterWordsPerUnit() * stateWordsPerWeight
                * wordBytes);
    }
}
