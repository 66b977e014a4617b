package org.neurotile.neuron.math;

import java.util.Arrays;

/**
 * The products of a minibatch as matrix-matrix products, with the same bits as the per-example
 * loops of {@link Weights}: each sum keeps its documented order, and only the order in which
 * independent sums are computed changes, so that a weight is loaded once per block of examples
 * rather than once per example.
 *
 * <p>float32 weights use float arithmetic: a float multiply or add of float32 operands equals the
 * double operation rounded to float32 (the product is exact in double; the sum is innocuous to
 * round twice, see {@link Precision}), and Java never fuses them into a multiply-add, so the JIT
 * can vectorise the loops without changing a bit. The values handed in must be float32 values, as
 * every value of a float32 step is.
 *
 * <p>Every method works on a range of rows (or columns) so that threads can share a product
 * without sharing a sum.
 */
public final class BlockedProducts {
    /** Examples whose products share each weight load. */
    public static final int EXAMPLE_BLOCK = 32;

    /**
     * Rows shorter than this take eight examples at a time, each lane a vector
     * ({@link FlatProducts#dotsTransposed}): a feedback matrix times a batch of output errors.
     */
    private static final int SHORT_ROWS = 32;

    /**
     * Below this many multiply-adds a call takes the plain loops even where the JVM has the Vector
     * API: until the JIT has compiled a Vector API kernel it runs through the API's fallback code,
     * which allocates a vector per operation, and a kernel called once per example or step on a
     * small product (dfa's B e on a dense network: 4,000 multiply-adds an example, 128,000 a step
     * of 32) is compiled late and spent much of a first epoch there; plain loops on so little work
     * cost little more once compiled.
     */
    private static final long SMALL_PRODUCT_MACS = 1L << 18;

    /**
     * Whether the JVM runs with the incubating Vector API ({@code --add-modules jdk.incubator.vector},
     * as the {@code neurotile} script starts it): then {@link VectorLanes} computes the float32 dot
     * products, several times faster, with the same bits; without it, plain loops do.
     */
    public static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private BlockedProducts() {
    }

    /**
     * out[m][i] = sum over j of w[i * columns + j] x[m][j] for rows {@code from..to-1} and examples
     * {@code m < count}, each sum in {@link Precision#LANES} lanes as {@link Weights#dot} sums.
     */
    public static void dots(Weights w, int columns, int from, int to, double[][] x, int count, double[][] out) {
        dots(w, columns, from, to, x, count, out, VECTOR_API);
    }

    /** {@link #dots} with the Vector API ({@code vector}, only where the JVM has it) or with plain loops. */
    public static void dots(Weights w, int columns, int from, int to, double[][] x, int count, double[][] out,
                     boolean vector) {
        for (int start = 0; start < count; start += EXAMPLE_BLOCK) {
            int block = Math.min(EXAMPLE_BLOCK, count - start);
            if (w instanceof Weights.Single single) {
                dotsSingle(single.w(), columns, from, to, x, start, block, out, vector);
            } else {
                dotsDouble((Weights.Double) w, columns, from, to, x, start, block, out);
            }
        }
    }

    private static void dotsSingle(float[] w, int columns, int from, int to, double[][] x, int start, int block,
                                   double[][] out, boolean vector) {
        float[][] xs = new float[block][];
        for (int m = 0; m < block; m++) {
            xs[m] = floats(x[start + m], columns);
        }
        if (vector && columns >= SHORT_ROWS) {
            VectorLanes.dots(w, columns, from, to, xs, block, out, start);
            return;
        }
        if (vector && (long) (to - from) * columns * block >= SMALL_PRODUCT_MACS) {
            shortDots(w, columns, from, to, xs, start, block, out);
            return;
        }
        for (int i = from; i < to; i++) { // the row stays in the first-level cache for the block's examples
            for (int m = 0; m < block; m++) {
                out[start + m][i] = dot(w, i * columns, xs[m], columns);
            }
        }
    }

    private static void shortDots(float[] w, int columns, int from, int to, float[][] xs, int start, int block,
                                  double[][] out) {
        float[] columnsByExample = new float[columns * block];
        for (int m = 0; m < block; m++) {
            for (int j = 0; j < columns; j++) {
                columnsByExample[j * block + m] = xs[m][j];
            }
        }
        int chunk = 64;
        float[] sums = new float[chunk * block];
        for (int first = from; first < to; first += chunk) {
            int last = Math.min(to, first + chunk);
            VectorLanes.dotsTransposed(w, columns, first, last, columnsByExample, 0, block, block, sums, 0, block);
            for (int i = first; i < last; i++) {
                for (int m = 0; m < block; m++) {
                    out[start + m][i] = sums[(i - first) * block + m];
                }
            }
        }
    }

    /**
     * out[i] = sum over j of w[i columns + j] x[j] for i below {@code rows}, each sum in the lanes of
     * {@link Weights#dot}, w a float64 matrix of float32 values when {@code p} is float32 (a
     * feedback matrix times one example's error), read in place. With the Vector API and at least
     * {@link #SMALL_PRODUCT_MACS} multiply-adds the matrix is read once, transposed, and the rows
     * taken eight at a time with each lane a vector.
     */
    public static void dotsOfOne(double[] w, int rows, int columns, double[] x, double[] out, Precision p) {
        if (p == Precision.FLOAT32 && (!VECTOR_API || (long) rows * columns < SMALL_PRODUCT_MACS)) {
            float[] xs = floats(x, columns);
            float[] lanes = new float[Precision.LANES];
            for (int i = 0; i < rows; i++) {
                out[i] = dotOfFloat32s(w, i * columns, xs, columns, lanes);
            }
            return;
        }
        if (p != Precision.FLOAT32) {
            Weights weights = Weights.view(p, w);
            for (int i = 0; i < rows; i++) {
                out[i] = weights.dot(i * columns, x, columns);
            }
            return;
        }
        float[] byColumn = new float[columns * rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                byColumn[j * rows + i] = (float) w[i * columns + j];
            }
        }
        float[] sums = new float[rows];
        VectorLanes.dotsTransposed(floats(x, columns), columns, 0, 1, byColumn, 0, rows, rows, sums, 0, rows);
        for (int i = 0; i < rows; i++) {
            out[i] = sums[i];
        }
    }

    /** The first {@code n} values as float32 (they are float32 values). */
    public static float[] floats(double[] values, int n) {
        float[] result = new float[n];
        for (int j = 0; j < n; j++) {
            result[j] = (float) values[j];
        }
        return result;
    }

    /** {@link Weights.Single#dot} on float operands: the same lanes, products and sums in float arithmetic. */
    public static float dot(float[] w, int base, float[] x, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (; j + Precision.LANES <= n; j += Precision.LANES) {
            s0 += w[base + j] * x[j];
            s1 += w[base + j + 1] * x[j + 1];
            s2 += w[base + j + 2] * x[j + 2];
            s3 += w[base + j + 3] * x[j + 3];
            s4 += w[base + j + 4] * x[j + 4];
            s5 += w[base + j + 5] * x[j + 5];
            s6 += w[base + j + 6] * x[j + 6];
            s7 += w[base + j + 7] * x[j + 7];
        }
        if (j < n) {
            s0 += w[base + j] * x[j];
        }
        if (j + 1 < n) {
            s1 += w[base + j + 1] * x[j + 1];
        }
        if (j + 2 < n) {
            s2 += w[base + j + 2] * x[j + 2];
        }
        if (j + 3 < n) {
            s3 += w[base + j + 3] * x[j + 3];
        }
        if (j + 4 < n) {
            s4 += w[base + j + 4] * x[j + 4];
        }
        if (j + 5 < n) {
            s5 += w[base + j + 5] * x[j + 5];
        }
        if (j + 6 < n) {
            s6 += w[base + j + 6] * x[j + 6];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * {@link #dot} of a row of a float64 array that holds float32 values (a feedback matrix), read
     * in place: the same lanes, products and sums in float arithmetic; {@code lanes} is scratch.
     */
    private static float dotOfFloat32s(double[] w, int base, float[] x, int n, float[] lanes) {
        Arrays.fill(lanes, 0f);
        for (int j = 0; j < n; j++) {
            lanes[j % Precision.LANES] += (float) w[base + j] * x[j];
        }
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }

    /**
     * w[k] -= a (g[k] factor) and g[k] = 0 for k < n, in float arithmetic: a mean gradient's
     * {@link FloatUpdates#subtractScaled} with the mean taken and the sums
     * cleared in the same pass.
     */
    public static void subtractScaledMean(float[] w, float a, float[] g, float factor, int n) {
        for (int k = 0; k < n; k++) {
            w[k] -= a * (g[k] * factor);
            g[k] = 0f;
        }
    }

    /**
     * {@link Weights.Single#subtractScaled} on float operands: w[base + j] -= a x[j], in float
     * arithmetic, through {@code row} (at least n floats): the JIT vectorises the loop on a row at
     * offset 0 and not w[base + j] -= a x[j], whose two offsets it cannot align, which ran three
     * times slower than the row's two copies and its loop.
     */
    public static void subtractScaled(float[] w, int base, float a, float[] x, int n, float[] row) {
        System.arraycopy(w, base, row, 0, n);
        for (int j = 0; j < n; j++) {
            row[j] -= a * x[j];
        }
        System.arraycopy(row, 0, w, base, n);
    }

    private static void dotsDouble(Weights.Double weights, int columns, int from, int to, double[][] x, int start,
                                   int block, double[][] out) {
        for (int i = from; i < to; i++) {
            for (int m = 0; m < block; m++) {
                out[start + m][i] = weights.dot(i * columns, x[start + m], columns);
            }
        }
    }

    /**
     * out[m][j] = sum over rows i in order of delta[m][i] w[i * columns + j], each product and sum
     * rounded as {@link Weights#addScaledTo} rounds them, for columns {@code from..to-1} and
     * examples {@code m < count}; out starts at zero.
     */
    public static void transposedProducts(Weights w, int rows, int columns, int from, int to, double[][] delta,
                                          int count, double[][] out) {
        transposedProducts(w, rows, columns, from, to, delta, count, out, VECTOR_API);
    }

    /** {@link #transposedProducts} with the Vector API ({@code vector}, only where the JVM has it) or with plain loops. */
    public static void transposedProducts(Weights w, int rows, int columns, int from, int to, double[][] delta,
                                          int count, double[][] out, boolean vector) {
        int width = to - from;
        if (w instanceof Weights.Single single && vector) { // the same sums, sixteen columns by four examples
            float[] byRow = new float[rows * count];
            for (int m = 0; m < count; m++) {
                for (int i = 0; i < rows; i++) {
                    byRow[i * count + m] = (float) delta[m][i];
                }
            }
            float[] sums = new float[count * width];
            VectorLanes.accumulate(sums, 0, width, byRow, 0, count, single.w(), from, columns, 0, count, width, rows);
            for (int m = 0; m < count; m++) {
                for (int j = 0; j < width; j++) {
                    out[m][from + j] = sums[m * width + j];
                }
            }
        } else if (w instanceof Weights.Single single) {
            float[] weights = single.w();
            float[] sums = new float[count * width];
            for (int i = 0; i < rows; i++) {
                int base = i * columns + from;
                for (int m = 0; m < count; m++) {
                    float d = (float) delta[m][i];
                    int offset = m * width;
                    for (int j = 0; j < width; j++) {
                        sums[offset + j] += d * weights[base + j];
                    }
                }
            }
            for (int m = 0; m < count; m++) {
                for (int j = 0; j < width; j++) {
                    out[m][from + j] = sums[m * width + j];
                }
            }
        } else {
            double[] weights = ((Weights.Double) w).w();
            for (int m = 0; m < count; m++) {
                Arrays.fill(out[m], from, to, 0);
            }
            for (int i = 0; i < rows; i++) {
                int base = i * columns;
                for (int m = 0; m < count; m++) {
                    double d = delta[m][i];
                    double[] sum = out[m];
                    for (int j = from; j < to; j++) {
                        sum[j] += d * weights[base + j];
                    }
                }
            }
        }
    }

    /**
     * {@link #addOuterProducts} into float32 sums, in float arithmetic: the same products and sums,
     * each weight's examples in order.
     */
    public static void addOuterProducts(float[] g, double[] gb, int columns, int from, int to, double[][] delta,
                                        double[][] x, int count) {
        float[][] xs = floats(x, count, columns);
        float[] row = new float[columns];
        for (int i = from; i < to; i++) {
            int base = i * columns;
            System.arraycopy(g, base, row, 0, columns);
            gb[i] = addToRow(row, (float) gb[i], delta, i, xs, count, columns);
            System.arraycopy(row, 0, g, base, columns);
        }
    }

    /**
     * Row i's sums: row[j] += delta[m][i] xs[m][j] for the examples in order, in float arithmetic;
     * returns {@code bias} plus the deltas. The row sits at offset 0 beside the inputs at offset 0:
     * the JIT vectorises that loop, and not g[i columns + j] += d x[j], whose two offsets it cannot align.
     */
    private static float addToRow(float[] row, float bias, double[][] delta, int i, float[][] xs, int count,
                                  int columns) {
        for (int m = 0; m < count; m++) {
            float d = (float) delta[m][i];
            float[] input = xs[m];
            for (int j = 0; j < columns; j++) {
                row[j] += d * input[j];
            }
            bias += d;
        }
        return bias;
    }

    private static float[][] floats(double[][] x, int count, int columns) {
        float[][] xs = new float[count][];
        for (int m = 0; m < count; m++) {
            xs[m] = floats(x[m], columns);
        }
        return xs;
    }

    /**
     * The gradient of rows {@code from..to-1}: g[i * columns + j] += delta[m][i] x[m][j] and
     * gb[i] += delta[m][i] for each example m < count in order, each product and sum rounded to
     * the precision.
     */
    public static void addOuterProducts(double[] g, double[] gb, int columns, int from, int to, double[][] delta,
                                        double[][] x, int count, Precision p) {
        if (p == Precision.FLOAT32) { // float64 arrays holding float32 values: a row at a time in float32
            float[][] xs = floats(x, count, columns);
            float[] row = new float[columns];
            for (int i = from; i < to; i++) {
                int base = i * columns;
                for (int j = 0; j < columns; j++) {
                    row[j] = (float) g[base + j];
                }
                gb[i] = addToRow(row, (float) gb[i], delta, i, xs, count, columns);
                for (int j = 0; j < columns; j++) {
                    g[base + j] = row[j];
                }
            }
        } else {
            for (int i = from; i < to; i++) {
                int base = i * columns;
                double bias = gb[i];
                for (int m = 0; m < count; m++) {
                    double d = delta[m][i];
                    double[] input = x[m];
                    for (int j = 0; j < columns; j++) {
                        g[base + j] += d * input[j];
                    }
                    bias += d;
                }
                gb[i] = bias;
            }
        }
    }
}
