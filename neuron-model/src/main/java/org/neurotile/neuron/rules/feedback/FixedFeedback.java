package org.neurotile.neuron.rules.feedback;

import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.workloads.NetworkSpec;

/**
 * The feedback matrices of the fixed-feedback rules (fa, dfa, sdfa, ssdfa, binary dfa, blocked
 * dfa), each layer's B_l drawn from the stream {@code feedback.layer[l]}.
 */
public final class FixedFeedback {
    private FixedFeedback() {
    }

    /**
     * Dense feedback per block (dfa: one block; fa: blocks of one layer), each entry uniform in
     * [-1/sqrt(n_source), 1/sqrt(n_source)].
     */
    public static Feedback dense(NetworkSpec network, FeedbackBlocks blocks, long seed) {
        return drawn(network, blocks, seed, (l, source, random) -> {
            int columns = network.neurons(source);
            return Model.uniform(random, network.neurons(l) * columns, 1 / Math.sqrt(columns));
        });
    }

    /**
     * Sparse dfa: neuron i of layer l feeds back the errors {@code errors.errorsOf(l, i)}, each weight
     * uniform in [-1/sqrt(k), 1/sqrt(k)].
     */
    public static Feedback sparse(NetworkSpec network, ErrorAssignment errors, int k, long seed) {
        int outputs = network.outputs();
        return drawn(network, FeedbackBlocks.directFeedback(network.layerCount()), seed, (l, source, random) -> {
            double[] matrix = new double[network.neurons(l) * outputs];
            for (int i = 0; i < network.neurons(l); i++) {
                for (int j : errors.errorsOf(l, i)) {
                    matrix[i * outputs + j] = (2 * random.nextDouble() - 1) / Math.sqrt(k);
                }
            }
            return matrix;
        });
    }

    /**
     * Sparse dfa of rank r: B_l = M o (U V), with V (r x n_L) uniform in [-1/sqrt(k), 1/sqrt(k)], U
     * (n_l x r) holding in row i only a random sign at the pattern dealt to neuron i, and M the mask
     * of the errors each neuron uses. The neurons of a pattern share one row up to its sign, so B_l
     * has rank r (the patterns' rows are independent for r <= n_L), and every entry has the
     * distribution of {@link #sparse}'s. V then U are drawn from {@code feedback.layer[l]}.
     */
    public static Feedback lowRank(NetworkSpec network, BalancedErrorAssignment errors, int rank, long seed) {
        int outputs = network.outputs();
        return drawn(network, FeedbackBlocks.directFeedback(network.layerCount()), seed, (l, source, random) -> {
            int k = errors.errorsOf(l, 0).length;
            double[] v = Model.uniform(random, rank * outputs, 1 / Math.sqrt(k));
            double[] matrix = new double[network.neurons(l) * outputs];
            for (int i = 0; i < network.neurons(l); i++) {
                double sign = random.nextBoolean() ? 1 : -1;
                int pattern = errors.patternOf(l, i);
                for (int j : errors.errorsOf(l, i)) {
                    matrix[i * outputs + j] = sign * v[pattern * outputs + j];
                }
            }
            return matrix;
        });
    }

    /** Binary dfa: the signs (+1 or -1; 0 maps to +1) of dense random dfa feedback. */
    public static Feedback signOfRandom(NetworkSpec network, long seed) {
        Feedback dense = dense(network, FeedbackBlocks.directFeedback(network.layerCount()), seed);
        double[][] matrices = new double[network.layerCount() + 1][];
        for (int l = 1; l < matrices.length; l++) {
            double[] matrix = dense.matrix(l);
            if (matrix != null) {
                for (int i = 0; i < matrix.length; i++) {
                    matrix[i] = matrix[i] < 0 ? -1 : 1;
                }
            }
            matrices[l] = matrix;
        }
        return Feedback.of(sources(network, FeedbackBlocks.directFeedback(network.layerCount())), matrices);
    }

    /**
     * Binary dfa with an aligned start: the signs of D_l = (W_L W_{L-1} ... W_{l+1})^T, from the
     * model's (initial) forward weights.
     */
    public static Feedback signOfWeightsProduct(NetworkSpec network, Model initial) {
        int[] source = sources(network, FeedbackBlocks.directFeedback(network.layerCount()));
        int layers = network.layerCount();
        double[][] matrices = new double[layers + 1][];
        int outputs = network.outputs();
        double[] product = initial.weights(layers); // n_L x n_{L-1}: W_L
        for (int l = layers - 1; l >= 1; l--) {
            int columns = network.neurons(l);
            if (l < layers - 1) {
                double[] next = new double[outputs * columns];
                int inner = network.neurons(l + 1);
                double[] w = initial.weights(l + 1);
                for (int r = 0; r < outputs; r++) {
                    for (int k = 0; k < inner; k++) {
                        double p = product[r * inner + k];
                        for (int c = 0; c < columns; c++) {
                            next[r * columns + c] += p * w[k * columns + c];
                        }
                    }
                }
                product = next;
            }
            if (source[l] != 0) {
                double[] signs = new double[columns * outputs];
                for (int i = 0; i < columns; i++) {
                    for (int j = 0; j < outputs; j++) {
                        signs[i * outputs + j] = product[j * columns + i] < 0 ? -1 : 1;
                    }
                }
                matrices[l] = signs;
            }
        }
        return Feedback.of(source, matrices);
    }

    /** Zero matrices where the blocks give a layer feedback: the start of learned feedback. */
    public static Feedback zero(NetworkSpec network, FeedbackBlocks blocks) {
        int[] source = sources(network, blocks);
        double[][] matrices = new double[network.layerCount() + 1][];
        for (int l = 1; l < network.layerCount(); l++) {
            if (source[l] != 0) {
                matrices[l] = new double[network.neurons(l) * network.neurons(source[l])];
            }
        }
        return Feedback.of(source, matrices);
    }

    /** Draws one layer's B_l from its own stream, given the layer whose delta it feeds back. */
    @FunctionalInterface
    private interface LayerDraw {
        double[] matrix(int layer, int source, UniformRandomProvider random);
    }

    /** B_l for every layer the blocks give feedback, each drawn from the stream {@code feedback.layer[l]}. */
    private static Feedback drawn(NetworkSpec network, FeedbackBlocks blocks, long seed, LayerDraw draw) {
        RandomStreams streams = new RandomStreams(seed);
        int[] source = sources(network, blocks);
        double[][] matrices = new double[network.layerCount() + 1][];
        for (int l = 1; l < network.layerCount(); l++) {
            if (source[l] != 0) {
                matrices[l] = draw.matrix(l, source[l], streams.stream("feedback.layer[" + l + "]"));
            }
        }
        return Feedback.of(source, matrices);
    }

    /** Per layer, the layer whose delta it receives where the blocks give it a delta, else 0. */
    private static int[] sources(NetworkSpec network, FeedbackBlocks blocks) {
        int layers = network.layerCount();
        boolean[] delta = blocks.computesDelta(network);
        int[] source = new int[layers + 1];
        for (int l = 1; l < layers; l++) {
            source[l] = delta[l] ? blocks.sourceOf(l) : 0;
        }
        return source;
    }
}
