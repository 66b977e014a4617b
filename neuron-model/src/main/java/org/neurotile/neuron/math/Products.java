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

    /** Whether every sum keeps the documented order (the bits do not depend on the machine). */
    boolean fixedOrder();

    /** What computes the products, for the run's configuration and the user. */
    String implementation();
}
