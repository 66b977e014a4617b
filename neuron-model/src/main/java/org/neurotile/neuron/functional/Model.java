package org.neurotile.neuron.functional;

import org.apache.commons.rng.UniformRandomProvider;
import org.neurotile.neuron.layers.ConvKernel;
import org.neurotile.neuron.layers.LayerKernel;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.sim.random.RandomStreams;
import org.neurotile.workloads.LayerShape;
import org.neurotile.workloads.NetworkSpec;

/**
 * The values of a network: W_l (n_l x n_{l-1}, row-major: row i is neuron i's incoming weights;
 * a convolution's kernels OIHW, then its residual projection) and c_l per layer (one per output
 * unit, or per output channel of a convolution), in float64. Layers are numbered from 1 as in the spec; index 0 is unused.
 */
public final class Model {
    private final NetworkSpec network;
    private final Precision precision;
    private final LayerKernels kernels;
    final Weights[] weights;
    final double[][] biases;

    private Model(NetworkSpec network, Precision precision, LayerKernels kernels, Weights[] weights,
                  double[][] biases) {
        this.network = network;
        this.precision = precision;
        this.kernels = kernels;
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * The default initialisation ({@link WeightInit#DEFAULT}): W_l uniform in [-bound, bound] from
     * the stream {@code weights.layer[l]}, biases zero.
     */
    public static Model initial(NetworkSpec network, long seed) {
        return initial(network, seed, Precision.FLOAT64);
    }

    /** As {@link #initial(NetworkSpec, long)}, each weight rounded to the precision. */
    public static Model initial(NetworkSpec network, long seed, Precision precision) {
        return initial(network, seed, precision, WeightInit.DEFAULT);
    }

    /**
     * W_l uniform in [-bound, bound] with {@code init}'s bound for the layer, drawn from the stream
     * {@code weights.layer[l]} (the same draws whatever the convention), each weight rounded to the
     * precision; biases as the kernel starts them (zero, or a batch normalisation's scale and running
     * variance one).
     */
    public static Model initial(NetworkSpec network, long seed, Precision precision, WeightInit init) {
        RandomStreams streams = new RandomStreams(seed);
        LayerKernels kernels = LayerKernels.of(network);
        int layers = network.layerCount();
        Weights[] weights = new Weights[layers + 1];
        double[][] biases = new double[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            LayerKernel kernel = kernels.layer(l);
            LayerShape shape = kernel.shape();
            double bound = init.bound(shape, network.layer(l).activation());
            int count = (int) shape.weights();
            double[] values = bound == 0 ? new double[count]
                    : uniform(streams.stream("weights.layer[" + l + "]"), count, bound);
            if (bound != 0 && kernel instanceof ConvKernel conv && conv.projectionWeights() > 0) {
                rescaleProjection(values, conv, init, bound);
            }
            weights[l] = Weights.of(precision, values);
            biases[l] = kernel.initialBiases();
        }
        return new Model(network, precision, kernels, weights, biases);
    }

    /**
     * A residual projection's weights (after the kernels) drawn with the kernels' bound, rescaled to
     * its own: fan-in C_from, fan-out C_out, as a 1 x 1 convolution.
     */
    private static void rescaleProjection(double[] values, ConvKernel conv, WeightInit init, double bound) {
        int from = conv.added().orElseThrow().channels();
        int to = conv.layer().channels();
        double own = init.bound(new LayerShape(from, to, (long) from * to, (long) from * to, from, to),
                conv.layer().activation());
        double scale = own / bound;
        for (int k = values.length - conv.projectionWeights(); k < values.length; k++) {
            values[k] *= scale;
        }
    }

    /** Stores every weight and bias in {@code q}'s weight format (at initialisation). */
    public void quantizeWeights(Quantization q) {
        if (!q.weightsQuantized()) {
            return;
        }
        for (int l = 1; l < weights.length; l++) {
            for (int k = 0; k < weights[l].length(); k++) {
                weights[l].set(k, q.weight(weights[l].get(k)));
            }
            for (int i = 0; i < biases[l].length; i++) {
                biases[l][i] = q.weight(biases[l][i]);
            }
        }
    }

    /** {@code count} values uniform in [-bound, bound] from {@code random}, in draw order. */
    public static double[] uniform(UniformRandomProvider random, int count, double bound) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = (2 * random.nextDouble() - 1) * bound;
        }
        return values;
    }

    public NetworkSpec network() {
        return network;
    }

    public Precision precision() {
        return precision;
    }

    /** The longest run of gradients any layer's kernel hands over at once: the scratch an optimizer needs. */
    public int widestGradientRun() {
        int widest = 0;
        for (int l = 1; l <= network.layerCount(); l++) {
            widest = Math.max(widest, kernels.layer(l).gradientRunLength());
        }
        return widest;
    }

    /** The kernel of layer l, which computes it. */
    public LayerKernel kernel(int layer) {
        return kernels.layer(layer);
    }

    public Model copy() {
        Weights[] w = new Weights[weights.length];
        double[][] c = new double[biases.length][];
        for (int l = 1; l < weights.length; l++) {
            w[l] = weights[l].copy();
            c[l] = biases[l].clone();
        }
        return new Model(network, precision, kernels, w, c);
    }

    /** W_l[row][column]. */
    public double weight(int layer, int row, int column) {
        return weights[layer].get(row * network.neurons(layer - 1) + column);
    }

    /** W_l itself (not a copy), for arithmetic outside this package. */
    public Weights liveWeights(int layer) {
        return weights[layer];
    }

    /** c_l itself, not a copy: for code that updates the biases in place. */
    public double[] liveBiases(int layer) {
        return biases[layer];
    }

    /** A copy of W_l, row-major. */
    public double[] weights(int layer) {
        return weights[layer].toDoubles();
    }

    /** A copy of c_l. */
    public double[] biases(int layer) {
        return biases[layer].clone();
    }
}
