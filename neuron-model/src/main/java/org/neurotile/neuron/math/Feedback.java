package org.neurotile.neuron.math;

import org.neurotile.neuron.chip.ErrorAssignment;
import org.neurotile.neuron.chip.FeedbackBlocks;
import org.neurotile.neuron.chip.FeedbackPropagation;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.workloads.NetworkSpec;

/**
 * The fixed feedback matrices of the feedback-alignment family, in dense form: B_l is
 * n_l x n_{source(l)}, row-major, where source(l) is the layer whose delta layer l receives (L:
 * the output error e). Sparse and sign feedback are dense matrices with zeros or entries of +-1.
 * Only hidden layers that compute a delta hold a matrix.
 */
public final class Feedback {
    /** The source of a layer whose delta is bp's, from the layer above (feedback propagation). */
    public static final int BACKPROP = -1;

    final int[] source;
    final double[][] matrices;

    private Feedback(int[] source, double[][] matrices) {
        this.source = source;
        this.matrices = matrices;
    }

    /** Given matrices: {@code source[l]} the layer layer l feeds back (0: none), {@code matrices[l]} B_l. */
    static Feedback of(int[] source, double[][] matrices) {
        return new Feedback(source.clone(), matrices.clone());
    }

    /**
     * Dense feedback per block (dfa: one block; fa: blocks of one layer), each entry uniform in
     * [-1/sqrt(n_source), 1/sqrt(n_source)] from the stream {@code feedback.layer[l]}.
     */
    public static Feedback dense(NetworkSpec network, FeedbackBlocks blocks, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        Feedback feedback = empty(network, blocks);
        for (int l = 1; l < network.layerCount(); l++) {
            if (feedback.source[l] != 0) {
                int columns = network.neurons(feedback.source[l]);
                feedback.matrices[l] = Model.uniform(streams.stream("feedback.layer[" + l + "]"),
                        network.neurons(l) * columns, 1 / Math.sqrt(columns));
            }
        }
        return feedback;
    }

    /**
     * Feedback propagation: layers from the source s up use bp ({@link #BACKPROP}); each trained
     * layer below holds a dense B_l of n_l x n_s, uniform in [-1/sqrt(n_s), 1/sqrt(n_s)] from the
     * stream {@code feedback.layer[l]}.
     */
    public static Feedback feedbackPropagation(NetworkSpec network, FeedbackPropagation rule, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        int layers = network.layerCount();
        int source = rule.sourceLayer();
        int[] sources = new int[layers + 1];
        double[][] matrices = new double[layers + 1][];
        for (int l = 1; l < layers; l++) {
            if (rule.usesBackprop(l)) {
                sources[l] = BACKPROP;
            } else if (rule.holdsFeedback(network, l)) {
                int columns = network.neurons(source);
                sources[l] = source;
                matrices[l] = Model.uniform(streams.stream("feedback.layer[" + l + "]"),
                        network.neurons(l) * columns, 1 / Math.sqrt(columns));
            }
        }
        return new Feedback(sources, matrices);
    }

    /**
     * Sparse dfa: neuron i of layer l feeds back the errors {@code errors.errorsOf(l, i)}, each weight
     * uniform in [-1/sqrt(k), 1/sqrt(k)].
     */
    public static Feedback sparse(NetworkSpec network, ErrorAssignment errors, int k, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        Feedback feedback = empty(network, FeedbackBlocks.directFeedback(network.layerCount()));
        int outputs = network.outputs();
        for (int l = 1; l < network.layerCount(); l++) {
            if (feedback.source[l] == 0) {
                continue;
            }
            double[] matrix = new double[network.neurons(l) * outputs];
            var random = streams.stream("feedback.layer[" + l + "]");
            for (int i = 0; i < network.neurons(l); i++) {
                for (int j : errors.errorsOf(l, i)) {
                    matrix[i * outputs + j] = (2 * random.nextDouble() - 1) / Math.sqrt(k);
                }
            }
            feedback.matrices[l] = matrix;
        }
        return feedback;
    }

    /** Binary dfa: the signs (+1 or -1; 0 maps to +1) of dense random dfa feedback. */
    public static Feedback signOfRandom(NetworkSpec network, long seed) {
        Feedback dense = dense(network, FeedbackBlocks.directFeedback(network.layerCount()), seed);
        for (double[] matrix : dense.matrices) {
            if (matrix != null) {
                for (int i = 0; i < matrix.length; i++) {
                    matrix[i] = matrix[i] < 0 ? -1 : 1;
                }
            }
        }
        return dense;
    }

    /**
     * Binary dfa with an aligned start: the signs of D_l = (W_L W_{L-1} ... W_{l+1})^T, from the
     * model's (initial) forward weights.
     */
    public static Feedback signOfWeightsProduct(NetworkSpec network, Model initial) {
        Feedback feedback = empty(network, FeedbackBlocks.directFeedback(network.layerCount()));
        int layers = network.layerCount();
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
            if (feedback.source[l] != 0) {
                double[] signs = new double[columns * outputs];
                for (int i = 0; i < columns; i++) {
                    for (int j = 0; j < outputs; j++) {
                        signs[i * outputs + j] = product[j * columns + i] < 0 ? -1 : 1;
                    }
                }
                feedback.matrices[l] = signs;
            }
        }
        return feedback;
    }

    /** The same feedback with every entry rounded to the precision (signs and zeros are exact). */
    public Feedback rounded(Precision precision) {
        double[][] copies = new double[matrices.length][];
        for (int l = 0; l < matrices.length; l++) {
            if (matrices[l] != null) {
                copies[l] = matrices[l].clone();
                for (int k = 0; k < copies[l].length; k++) {
                    copies[l][k] = precision.round(copies[l][k]);
                }
            }
        }
        return new Feedback(source.clone(), copies);
    }

    /** The dense form of B_l (a copy), or null where layer l holds none. */
    public double[] matrix(int layer) {
        return matrices[layer] == null ? null : matrices[layer].clone();
    }

    /**
     * The layer whose delta layer {@code layer} receives (L: e), 0 where it holds no feedback,
     * {@link #BACKPROP} where its delta is bp's.
     */
    public int sourceOf(int layer) {
        return source[layer];
    }

    /** Zero matrices where the blocks give a layer feedback: the start of learned feedback. */
    static Feedback zero(NetworkSpec network, FeedbackBlocks blocks) {
        Feedback feedback = empty(network, blocks);
        for (int l = 1; l < network.layerCount(); l++) {
            if (feedback.source[l] != 0) {
                feedback.matrices[l] = new double[network.neurons(l) * network.neurons(feedback.source[l])];
            }
        }
        return feedback;
    }

    private static Feedback empty(NetworkSpec network, FeedbackBlocks blocks) {
        int layers = network.layerCount();
        boolean[] delta = blocks.computesDelta(network);
        int[] source = new int[layers + 1];
        for (int l = 1; l < layers; l++) {
            source[l] = delta[l] ? blocks.sourceOf(l) : 0;
        }
        return new Feedback(source, new double[layers + 1][]);
    }
}
