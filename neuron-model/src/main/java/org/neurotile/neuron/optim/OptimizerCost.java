package org.neurotile.neuron.optim;

import java.util.List;
import java.util.Locale;
import org.neurotile.sim.InvalidInputException;

/**
 * What an optimizer costs a tile per weight (and bias) at each update: the state words it keeps
 * beside the weight, read and written once per update, and its arithmetic. Multiplications are
 * counted as MACs (a multiply with a free add), square roots and divisions as element-wise ops.
 * A run chooses {@link #SGD}, {@link #MOMENTUM} or {@link #ADAM} by name; a rule that brings its own
 * optimizer declares its cost beside it (hybrid's split momentum).
 *
 * <ul>
 *   <li>{@code sgd}: w -= (lr delta_i) h_j: 1 MAC, no state.</li>
 *   <li>{@code momentum}: g = delta_i h_j; v = mu v + g; w -= lr v: 3 MACs, 1 state word.</li>
 *   <li>{@code adam}: g = delta_i h_j; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 *   w -= lr_t m / (sqrt(v) + eps), the bias corrections folded into lr_t once per step:
 *   7 MACs (1 + 2 + 3 + 1), 3 element-wise ops (square root, add, divide), 2 state words.</li>
 * </ul>
 *
 * <p>With a minibatch of B > 1 the gradient is no longer fused into the update: each weight
 * accumulates the B products delta_i h_j (B MACs), is scaled by 1/B (1 MAC), and the optimizer
 * then does its arithmetic on the mean g ({@link #updateMacsPerWeight()}: sgd 1, w -= lr g;
 * momentum 2; adam 6), once per batch.
 *
 * @param stateWordsPerWeight state words kept beside each weight (the footprint)
 * @param updateMacsPerWeight MACs per weight after the gradient g is formed, as a minibatch's update does them
 */
public record OptimizerCost(String id, int stateWordsPerWeight, int stateReadsPerWeight, int stateWritesPerWeight,
                            int macsPerWeight, int updateMacsPerWeight, int elementwiseOpsPerWeight) {
    public static final OptimizerCost SGD = new OptimizerCost("sgd", 0, 0, 0, 1, 1, 0);
    public static final OptimizerCost MOMENTUM = new OptimizerCost("momentum", 1, 1, 1, 3, 2, 0);
    public static final OptimizerCost ADAM = new OptimizerCost("adam", 2, 2, 2, 7, 6, 3);

    private static final List<OptimizerCost> BY_NAME = List.of(SGD, MOMENTUM, ADAM);
    private static final String CHOICES = "sgd, momentum, adam";

    /** MACs per weight of one update with a minibatch of {@code batch} examples. */
    public long macsPerWeight(int batch) {
        return batch == 1 ? macsPerWeight : batch + 1L + updateMacsPerWeight;
    }

    /** The optimizer a run chooses by name: sgd, momentum or adam. */
    public static OptimizerCost byName(String name) {
        for (OptimizerCost cost : BY_NAME) {
            if (cost.id.equals(name.toLowerCase(Locale.ROOT))) {
                return cost;
            }
        }
        throw new InvalidInputException("unknown optimizer '" + name + "' (valid: " + CHOICES + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
