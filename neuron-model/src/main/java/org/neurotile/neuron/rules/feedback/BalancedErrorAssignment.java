package org.neurotile.neuron.rules.feedback;

import java.util.Arrays;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.random.Permutations;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.workloads.NetworkSpec;

/**
 * The spec's sparse feedback pattern: in every trained hidden layer, shuffle the neurons (seeded,
 * stream {@code feedback.layer[l].assignment}), then deal the output errors round-robin, k to a
 * neuron, so that every error is used by at least one neuron of the layer and each about equally
 * often. With rank r, only r patterns are dealt and the neurons take them in turn (pattern p uses
 * the errors p k .. p k + k - 1 modulo n_L); {@link FixedFeedback#lowRank} gives the neurons of a
 * pattern one feedback row up to its sign, so that B_l has rank r.
 */
public final class BalancedErrorAssignment implements ErrorAssignment {
    private final int[][][] errors; // [layer][neuron] -> ascending error indices
    private final int[][] patterns; // [layer][neuron] -> the pattern dealt to it
    private final int k;

    private BalancedErrorAssignment(int[][][] errors, int[][] patterns, int k) {
        this.errors = errors;
        this.patterns = patterns;
        this.k = k;
    }

    /** k: every neuron is dealt k errors. */
    @Override
    public int errorsPerNeuron() {
        return k;
    }

    /**
     * @param rank patterns per layer, or 0 for one per neuron
     */
    public static BalancedErrorAssignment of(NetworkSpec network, int k, int rank, long seed) {
        int outputs = network.outputs();
        int layers = network.layerCount();
        if (k < 1 || k > outputs) {
            throw new InvalidInputException("k=" + k + " is outside 1.." + outputs + " (the network's outputs)");
        }
        if (rank < 0 || (rank > 0 && (long) rank * k < outputs)) {
            throw new InvalidInputException("rank=" + rank + " with k=" + k + " feeds back only " + (long) rank * k
                    + " of the " + outputs + " output errors; rank * k must be at least " + outputs);
        }
        if (rank > outputs) {
            throw new InvalidInputException("rank=" + rank + " is more than the " + outputs
                    + " output errors, the most a feedback matrix over them can have (valid: "
                    + (outputs + k - 1) / k + ".." + outputs + " with k=" + k + ")");
        }
        RandomStreams streams = new RandomStreams(seed);
        int[][][] errors = new int[layers][][];
        int[][] patterns = new int[layers][];
        for (int l = 1; l < layers; l++) {
            int neurons = network.neurons(l);
            if (!network.layer(l).trainable()) {
                continue;
            }
            if ((long) neurons * k < outputs) {
                throw new InvalidInputException("layer " + l + " has " + neurons + " neurons of k=" + k
                        + " errors each: n_l * k = " + (long) neurons * k + " cannot cover the " + outputs
                        + " output errors");
            }
            if (rank > neurons) {
                throw new InvalidInputException("rank=" + rank + " is more than the " + neurons
                        + " neurons of layer " + l + " (valid: 1.." + neurons + ")");
            }
            int[] shuffled = Permutations.shuffled(neurons, streams.stream("feedback.layer[" + l + "].assignment"));
            errors[l] = new int[neurons][];
            patterns[l] = new int[neurons];
            for (int position = 0; position < neurons; position++) {
                int pattern = rank == 0 ? position : position % rank;
                int[] row = new int[k];
                for (int j = 0; j < k; j++) {
                    row[j] = (int) (((long) pattern * k + j) % outputs);
                }
                Arrays.sort(row);
                errors[l][shuffled[position]] = row;
                patterns[l][shuffled[position]] = pattern;
            }
        }
        return new BalancedErrorAssignment(errors, patterns, k);
    }

    /** The pattern dealt to {@code neuron} of {@code layer}: 0..rank-1, or the neuron's position without a rank. */
    public int patternOf(int layer, int neuron) {
        return patterns[layer][neuron];
    }

    @Override
    public int[] errorsOf(int layer, int neuron) {
        return errors[layer][neuron].clone();
    }

}
