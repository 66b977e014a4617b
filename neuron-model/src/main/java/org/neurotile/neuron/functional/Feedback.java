package org.neurotile.neuron.functional;

import org.neurotile.neuron.math.Precision;

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
    public static Feedback of(int[] source, double[][] matrices) {
        return new Feedback(source.clone(), matrices.clone());
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

    /** B_l itself (not a copy), for rules that learn their feedback; null where layer l holds none. */
    public double[] liveMatrix(int layer) {
        return matrices[layer];
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
}
