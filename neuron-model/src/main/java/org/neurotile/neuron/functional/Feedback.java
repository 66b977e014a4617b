package org.neurotile.neuron.functional;

import java.util.Arrays;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Weights;

/**
 * The fixed feedback of the feedback-alignment family: B_l maps the delta of source(l), the layer
 * whose delta layer l receives (L: the output error e), to layer l's n_l outputs. A layer holds
 * either a dense matrix (n_l x n_{source(l)}, row-major; sparse and sign feedback are dense
 * matrices with zeros or entries of +-1) or a convolution of the source's delta map
 * ({@link ConvFeedback}). Only hidden layers that compute a delta hold feedback.
 */
public final class Feedback {
    /** The source of a layer whose delta is bp's, from the layer above (feedback propagation). */
    public static final int BACKPROP = -1;

    final int[] source;
    final double[][] matrices;
    final ConvFeedback[] convolutions;
    // B_l as float32 weights for a minibatch's products, made on first use (a step's conversion of
    // B_l took longer than its product); a layer whose matrix a rule has taken to learn is live and
    // converted on every use
    private final Weights[] float32;
    private final boolean[] live;

    private Feedback(int[] source, double[][] matrices, ConvFeedback[] convolutions) {
        this.source = source;
        this.matrices = matrices;
        this.convolutions = convolutions;
        this.float32 = new Weights[matrices.length];
        this.live = new boolean[matrices.length];
    }

    /** Given matrices: {@code source[l]} the layer layer l feeds back (0: none), {@code matrices[l]} B_l. */
    public static Feedback of(int[] source, double[][] matrices) {
        return new Feedback(source.clone(), matrices.clone(), new ConvFeedback[matrices.length]);
    }

    /**
     * Given matrices and convolutions: layer l holds {@code matrices[l]} or {@code convolutions[l]}
     * (not both), or neither where it feeds back nothing.
     */
    public static Feedback of(int[] source, double[][] matrices, ConvFeedback[] convolutions) {
        if (convolutions.length != matrices.length) {
            throw new IllegalArgumentException("matrices and convolutions for " + matrices.length + " and "
                    + convolutions.length + " layers");
        }
        for (int l = 0; l < matrices.length; l++) {
            if (matrices[l] != null && convolutions[l] != null) {
                throw new IllegalArgumentException("layer " + l + " holds both a matrix and a convolution");
            }
        }
        return new Feedback(source.clone(), matrices.clone(), convolutions.clone());
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
        ConvFeedback[] convolved = new ConvFeedback[convolutions.length];
        for (int l = 0; l < convolutions.length; l++) {
            convolved[l] = convolutions[l] == null ? null : convolutions[l].rounded(precision);
        }
        return new Feedback(source.clone(), copies, convolved);
    }

    /** B_l itself (not a copy), for rules that learn their feedback; null where layer l holds none. */
    public double[] liveMatrix(int layer) {
        live[layer] = true;
        return matrices[layer];
    }

    /** B_l as float32 weights (its entries rounded to float32): made once, unless a rule learns B_l. */
    Weights float32(int layer) {
        if (live[layer] || float32[layer] == null) {
            float32[layer] = Weights.view(Precision.FLOAT32, matrices[layer]);
        }
        return float32[layer];
    }

    /** After B's matrices were written in place (a checkpoint's learned feedback): every view is made anew. */
    void matricesWritten() {
        Arrays.fill(float32, null);
    }

    /** The convolution B_l is, or null where layer l holds none or a dense matrix. */
    public ConvFeedback convolution(int layer) {
        return convolutions[layer];
    }

    /** The dense form of B_l (a copy), or null where layer l holds none or a convolution. */
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
}
