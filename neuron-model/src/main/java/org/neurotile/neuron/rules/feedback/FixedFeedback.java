package org.neurotile.neuron.rules.feedback;

import java.util.function.IntPredicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.plan.ErrorAssignment;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Dense;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.workloads.NetworkSpec;

/**
 * The feedback matrices of the fixed-feedback rules (fa, dfa, sdfa, ssdfa, binary dfa, blocked
 * dfa), each layer's B_l drawn from the stream {@code feedback.layer[l]}.
 */
public final class FixedFeedback {
    private FixedFeedback() {
    }

    /** {@link #dense(NetworkSpec, FeedbackSources, long, FeedbackInit)} at the spec's scale. */
    public static Feedback dense(NetworkSpec network, FeedbackSources blocks, long seed) {
        return dense(network, blocks, seed, FeedbackInit.UNIFORM);
    }

    /**
     * Dense feedback per block (dfa: one block; fa: blocks of one layer), each entry uniform with
     * {@code init}'s bound for the layer ({@link FeedbackInit#denseBound}).
     */
    public static Feedback dense(NetworkSpec network, FeedbackSources blocks, long seed, FeedbackInit init) {
        return dense(network, blocks, seed, init, 1);
    }

    /**
     * {@link #dense(NetworkSpec, FeedbackSources, long, FeedbackInit)} for the layers from {@code lowest}
     * up only, each drawn as there (its own stream); the layers below hold no feedback.
     */
    public static Feedback dense(NetworkSpec network, FeedbackSources blocks, long seed, FeedbackInit init,
                                 int lowest) {
        return dense(network, blocks, seed, init, l -> l >= lowest);
    }

    /**
     * {@link #dense(NetworkSpec, FeedbackSources, long, FeedbackInit)} for the layers {@code drawn}
     * accepts only, each drawn as there (its own stream); the others hold no feedback.
     */
    public static Feedback dense(NetworkSpec network, FeedbackSources blocks, long seed, FeedbackInit init,
                                 IntPredicate drawn) {
        return drawn(network, blocks, seed, drawn, (l, source, random) -> {
            int columns = deltas(network, source);
            return Model.uniform(random, network.neurons(l) * columns, init.denseBound(network.neurons(l), columns));
        });
    }

    /** {@link #sparse(NetworkSpec, ErrorAssignment, int, long, FeedbackInit)} at the spec's scale. */
    public static Feedback sparse(NetworkSpec network, ErrorAssignment errors, int k, long seed) {
        return sparse(network, errors, k, seed, FeedbackInit.UNIFORM);
    }

    /**
     * Sparse dfa: neuron i of layer l feeds back the errors {@code errors.errorsOf(l, i)}, each weight
     * uniform with {@code init}'s bound ({@link FeedbackInit#sparseBound}).
     */
    public static Feedback sparse(NetworkSpec network, ErrorAssignment errors, int k, long seed, FeedbackInit init) {
        int outputs = network.outputs();
        return drawn(network, FeedbackBlocks.directFeedback(network.layerCount()), seed, (l, source, random) -> {
            double bound = init.sparseBound(network.neurons(l), outputs, k);
            double[] matrix = new double[network.neurons(l) * outputs];
            for (int i = 0; i < network.neurons(l); i++) {
                for (int j : errors.errorsOf(l, i)) {
                    matrix[i * outputs + j] = (2 * random.nextDouble() - 1) * bound;
                }
            }
            return matrix;
        });
    }

    /**
     * Sparse dfa of rank r: B_l = M o (U V), with V (r x n_L) uniform with {@code init}'s sparse bound
     * b, U (n_l x r) holding in row i only a random sign at the pattern dealt to neuron i, and M the
     * mask of the errors each neuron uses. The neurons of a pattern share one row up to its sign, so
     * B_l has rank r (the patterns' rows are independent for r <= n_L). At the spec's scale every
     * entry has the distribution of {@link #sparse}'s; at {@link FeedbackInit#CRAFTON}'s the matrix is
     * then scaled so that the standard deviation of all its entries is b. V then U are drawn from
     * {@code feedback.layer[l]}.
     */
    public static Feedback lowRank(NetworkSpec network, BalancedErrorAssignment errors, int rank, long seed,
                                   FeedbackInit init) {
        int outputs = network.outputs();
        return drawn(network, FeedbackBlocks.directFeedback(network.layerCount()), seed, (l, source, random) -> {
            int k = errors.errorsOf(l, 0).length;
            double bound = init.sparseBound(network.neurons(l), outputs, k);
            double[] v = Model.uniform(random, rank * outputs, bound);
            double[] matrix = new double[network.neurons(l) * outputs];
            for (int i = 0; i < network.neurons(l); i++) {
                double sign = random.nextBoolean() ? 1 : -1;
                int pattern = errors.patternOf(l, i);
                for (int j : errors.errorsOf(l, i)) {
                    matrix[i * outputs + j] = sign * v[pattern * outputs + j];
                }
            }
            return init == FeedbackInit.CRAFTON ? scaledToDeviation(matrix, bound) : matrix;
        });
    }

    /** {@code matrix} times the factor that makes the (population) standard deviation of its entries {@code deviation}. */
    private static double[] scaledToDeviation(double[] matrix, double deviation) {
        double mean = 0;
        for (double x : matrix) {
            mean += x;
        }
        mean /= matrix.length;
        double squares = 0;
        for (double x : matrix) {
            squares += (x - mean) * (x - mean);
        }
        double factor = deviation / Math.sqrt(squares / matrix.length);
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] *= factor;
        }
        return matrix;
    }

    /** Binary dfa: s_l times the signs (0 maps to +1) of dense random dfa feedback. */
    public static Feedback signOfRandom(NetworkSpec network, long seed, SignScale scale) {
        return signOf(network, dense(network, FeedbackBlocks.directFeedback(network.layerCount()), seed), scale);
    }

    /** Binary dfa with an aligned start: s_l times the signs of {@link #weightsProduct} for dfa. */
    public static Feedback signOfWeightsProduct(NetworkSpec network, Model initial, SignScale scale) {
        return signOf(network, weightsProduct(network, FeedbackBlocks.directFeedback(network.layerCount()), initial),
                scale);
    }

    /**
     * Sparse binary dfa, S_l = sign(B_l o M) (the extended-DFA paper's equation 10): +1 or -1 (0 maps
     * to +1) where neuron i uses an error ({@code errors.errorsOf(l, i)}), 0 elsewhere. B_l is
     * {@link #sparse}'s draw, or with {@code alignedStart} {@link #weightsProduct} for dfa.
     */
    public static Feedback sparseSign(NetworkSpec network, ErrorAssignment errors, int k, long seed,
                                      boolean alignedStart, Model initial, SignScale scale) {
        Feedback drawn = alignedStart
                ? weightsProduct(network, FeedbackBlocks.directFeedback(network.layerCount()), initial)
                : sparse(network, errors, k, seed);
        int outputs = network.outputs();
        double[][] matrices = new double[network.layerCount() + 1][];
        for (int l = 1; l < matrices.length; l++) {
            double[] values = drawn.matrix(l);
            if (values == null) {
                continue;
            }
            matrices[l] = new double[values.length];
            double magnitude = scale.magnitude(network.neurons(l), outputs, k);
            for (int i = 0; i < network.neurons(l); i++) {
                for (int j : errors.errorsOf(l, i)) {
                    matrices[l][i * outputs + j] = values[i * outputs + j] < 0 ? -magnitude : magnitude;
                }
            }
        }
        return Feedback.of(sources(network, FeedbackBlocks.directFeedback(network.layerCount())), matrices);
    }

    /**
     * s_l times the signs (0 maps to +1) of dfa feedback {@code feedback}, for each layer that holds a
     * matrix: binary dfa's S_l from a dense draw or an aligned start.
     */
    public static Feedback signOf(NetworkSpec network, Feedback feedback, SignScale scale) {
        double[][] matrices = new double[network.layerCount() + 1][];
        for (int l = 1; l < matrices.length; l++) {
            double[] matrix = feedback.matrix(l);
            if (matrix != null) {
                double magnitude = scale.magnitude(network.neurons(l), network.outputs(), 0);
                for (int i = 0; i < matrix.length; i++) {
                    matrix[i] = matrix[i] < 0 ? -magnitude : magnitude;
                }
            }
            matrices[l] = matrix;
        }
        return Feedback.of(sources(network, FeedbackBlocks.directFeedback(network.layerCount())), matrices);
    }

    /**
     * The aligned start: B_l = (W_s W_{s-1} ... W_{l+1})^T for each layer l the blocks give feedback
     * from layer s, from the model's (initial) forward weights; the products of consecutive layers
     * with one source are built once, from the source down.
     */
    public static Feedback weightsProduct(NetworkSpec network, FeedbackSources blocks, Model initial) {
        return weightsProduct(network, blocks, initial, 1);
    }

    /**
     * {@link #weightsProduct(NetworkSpec, FeedbackSources, Model)} for the layers from {@code lowest}
     * up only (the products reach no layer below it, which may be of any kind); the layers below hold
     * no feedback.
     */
    public static Feedback weightsProduct(NetworkSpec network, FeedbackSources blocks, Model initial, int lowest) {
        for (int l = lowest; l <= network.layerCount(); l++) {
            if (!(network.layer(l) instanceof Dense)) {
                throw new InvalidInputException("feedback init weights-product multiplies dense weight matrices: layer "
                        + l + " of " + network.name() + " is " + network.layer(l).kind()
                        + " (valid on it: the rule's drawn inits)");
            }
        }
        int[] source = sources(network, blocks);
        for (int l = 1; l < lowest; l++) {
            source[l] = 0;
        }
        double[][] matrices = new double[network.layerCount() + 1][];
        double[] product = null; // W_s ... W_{below + 1}: n_s x n_below
        int productSource = 0;
        int below = 0;
        for (int l = network.layerCount() - 1; l >= 1; l--) {
            if (source[l] == 0) {
                continue;
            }
            if (source[l] != productSource || below < l) {
                productSource = source[l];
                product = initial.weights(productSource);
                below = productSource - 1;
            }
            for (; below > l; below--) {
                product = times(product, network.neurons(productSource), initial.weights(below),
                        network.neurons(below), network.neurons(below - 1));
            }
            matrices[l] = transposed(product, network.neurons(productSource), network.neurons(l));
        }
        return Feedback.of(source, matrices);
    }

    /** a (rows x inner) times b (inner x columns), row-major. */
    private static double[] times(double[] a, int rows, double[] b, int inner, int columns) {
        double[] c = new double[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < inner; k++) {
                double p = a[r * inner + k];
                for (int j = 0; j < columns; j++) {
                    c[r * columns + j] += p * b[k * columns + j];
                }
            }
        }
        return c;
    }

    private static double[] transposed(double[] a, int rows, int columns) {
        double[] t = new double[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                t[c * rows + r] = a[r * columns + c];
            }
        }
        return t;
    }

    /** Zero matrices where the blocks give a layer feedback: the start of learned feedback. */
    public static Feedback zero(NetworkSpec network, FeedbackSources blocks) {
        int[] source = sources(network, blocks);
        double[][] matrices = new double[network.layerCount() + 1][];
        for (int l = 1; l < network.layerCount(); l++) {
            if (source[l] != 0) {
                matrices[l] = new double[network.neurons(l) * deltas(network, source[l])];
            }
        }
        return Feedback.of(source, matrices);
    }

    /** The deltas layer {@code source} feeds back: one per sum of its kernel (n_s for a dense layer). */
    public static int deltas(NetworkSpec network, int source) {
        return LayerKernels.of(network, source).sumCount();
    }

    /** Draws one layer's B_l from its own stream, given the layer whose delta it feeds back. */
    @FunctionalInterface
    private interface LayerDraw {
        double[] matrix(int layer, int source, UniformRandomProvider random);
    }

    /** B_l for every layer the blocks give feedback, each drawn from the stream {@code feedback.layer[l]}. */
    private static Feedback drawn(NetworkSpec network, FeedbackSources blocks, long seed, LayerDraw draw) {
        return drawn(network, blocks, seed, l -> true, draw);
    }

    /** As above for the layers {@code drawn} accepts. */
    private static Feedback drawn(NetworkSpec network, FeedbackSources blocks, long seed, IntPredicate drawn,
                                  LayerDraw draw) {
        RandomStreams streams = new RandomStreams(seed);
        int[] source = sources(network, blocks);
        for (int l = 1; l < network.layerCount(); l++) {
            if (!drawn.test(l)) {
                source[l] = 0;
            }
        }
        double[][] matrices = new double[network.layerCount() + 1][];
        for (int l = 1; l < network.layerCount(); l++) {
            if (source[l] != 0) {
                matrices[l] = draw.matrix(l, source[l], streams.stream("feedback.layer[" + l + "]"));
            }
        }
        return Feedback.of(source, matrices);
    }

    /** Per layer, the layer whose delta it receives where the blocks give it a delta, else 0. */
    private static int[] sources(NetworkSpec network, FeedbackSources blocks) {
        int layers = network.layerCount();
        boolean[] delta = blocks.computesDelta(network);
        int[] source = new int[layers + 1];
        for (int l = 1; l < layers; l++) {
            source[l] = delta[l] ? blocks.sourceOf(l) : 0;
        }
        return source;
    }
}
