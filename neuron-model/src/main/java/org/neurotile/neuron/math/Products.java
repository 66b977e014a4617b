package org.neurotile.neuron.math;

/**
 * The three matrix products of a minibatch's float32 dense layers, over a range of rows (or columns) so
 * that threads can share a product: see {@link BlockedProducts} for what each computes.
 */
public interface Products {
    /** The fixed summation order of {@link BlockedProducts}. */
    Products FIXED_ORDER = new FixedOrderProducts();

    /** out[m][i] = sum over j of w[i columns + j] x[m][j], rows {@code from..to-1}, examples below {@code count}. */
    void dots(Weights w, int columns, int from, int to, double[][] x, int count, double[][] out);

    /** out[m][j] = sum over rows i of delta[m][i] w[i columns + j], columns {@code from..to-1}. */
    void transposedProducts(Weights w, int rows, int columns, int from, int to, double[][] delta, int count,
                            double[][] out);

    /**
     * The float32 gradient sums of rows {@code from..to-1}: g[i columns + j] += sum over m of
     * delta[m][i] x[m][j] and gb[i] += sum of delta[m][i].
     */
    void addOuterProducts(float[] g, double[] gb, int columns, int from, int to, double[][] delta, double[][] x,
                          int count);

    /**
     * {@link #dots} on float32 matrices stored by unit (column-major by example: the {@code count}
     * values of unit j at j count): out[i count + m] = sum over j of w[i columns + j] x[j count + m],
     * rows {@code from..to-1}. A layout in which a BLAS multiplies a batch of 32 at its best speed.
     * By default through {@link #dots}'s arrays, with its bits.
     */
    default void dots(Weights w, int columns, int rows, int from, int to, float[] x, int count, float[] out) {
        double[][] xs = FloatMatrices.toRows(x, count, columns);
        double[][] sums = new double[count][rows];
        dots(w, columns, from, to, xs, count, sums);
        FloatMatrices.fromRows(sums, count, from, to, out);
    }

    /**
     * {@link #transposedProducts} on float32 matrices stored by unit: out[j count + m] = sum over
     * rows i of delta[i count + m] w[i columns + j], columns {@code from..to-1}. By default through
     * {@link #transposedProducts}'s arrays, with its bits.
     */
    default void transposedProducts(Weights w, int rows, int columns, int from, int to, float[] delta, int count,
                                    float[] out) {
        double[][] deltas = FloatMatrices.toRows(delta, count, rows);
        double[][] sums = new double[count][columns];
        transposedProducts(w, rows, columns, from, to, deltas, count, sums);
        FloatMatrices.fromRows(sums, count, from, to, out);
    }

    /**
     * {@link #addOuterProducts} on float32 matrices stored by unit (delta: rows x count, x: columns x
     * count). By default through {@link #addOuterProducts}'s arrays, with its bits.
     */
    default void addOuterProducts(float[] g, double[] gb, int columns, int rows, int from, int to, float[] delta,
                                  float[] x, int count) {
        addOuterProducts(g, gb, columns, from, to, FloatMatrices.toRows(delta, count, rows),
                FloatMatrices.toRows(x, count, columns), count);
    }

    /**
     * w[i columns + j] = beta w[i columns + j] + alpha times the sum over m of delta[i count + m]
     * x[j count + m], rows {@code from..to-1}, without bias sums: an optimizer's step, or its state's
     * update, made in the product itself. Only for products without a fixed order
     * ({@link #fixedOrder} false), whose rounding is the library's.
     */
    default void scaledOuterProducts(float[] w, float beta, float alpha, int columns, int from, int to,
                                     float[] delta, float[] x, int count) {
        throw new UnsupportedOperationException("the fixed order sums the gradient before it is scaled");
    }

    /**
     * C = alpha op(A) op(B) + beta C on column-major matrices, as BLAS's sgemm ({@code transposeA}:
     * op(A) = A^T, an m x k result of a k x m matrix): the products of layers whose loops have no
     * fixed-order kernels here (a convolution's im2col products). Only for products without a fixed
     * order ({@link #fixedOrder} false).
     */
    default void matrixProduct(boolean transposeA, boolean transposeB, int m, int n, int k, float alpha, float[] a,
                               int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c,
                               int cOffset, int ldc) {
        throw new UnsupportedOperationException("the fixed order has its own kernels for each product");
    }

    /**
     * gb[i] += the sum of delta[i count + m] over the examples m in order, in float arithmetic, for
     * units {@code from..to-1} of a matrix stored by unit: the bias sums every implementation makes
     * in that one order.
     */
    static void addBiasSums(double[] gb, int from, int to, float[] delta, int count) {
        for (int i = from; i < to; i++) {
            float bias = (float) gb[i];
            for (int k = i * count, end = k + count; k < end; k++) {
                bias += delta[k];
            }
            gb[i] = bias;
        }
    }

    /** Whether every sum keeps the documented order (the bits do not depend on the machine). */
    boolean fixedOrder();

    /** What computes the products, for the run's configuration and the user. */
    String implementation();
}
