package org.neurotile.neuron.math;

/**
 * The fixed-order float32 products of {@link Products}' float methods, on matrices stored by unit
 * (example m of unit j at j count + m) in place: the sums of {@link BlockedProducts}, each in its
 * documented order, without the conversion to and from rows by example. A dot product sums in
 * eight lanes, lane q taking the columns j = q mod 8 in order, combined as
 * ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)); a transposed product sums the rows in order from zero; a
 * gradient sum adds the examples in order to the sum it holds. With the Vector API
 * ({@code vector}, only where the JVM has it) {@link VectorLanes}' kernels compute them, the dot
 * products on the inputs stored by example and the others as a sum over the rows or the examples
 * kept in a register ({@link VectorLanes#accumulate}), with a transposed copy of one operand or of
 * the result, small beside the product; else plain loops do, with the same bits.
 */
final class UnitMajorProducts {
    private UnitMajorProducts() {
    }

    /** out[i count + m] = sum over j of w[i columns + j] x[j count + m], rows from..to-1, in eight lanes. */
    static void dots(float[] w, int columns, int from, int to, float[] x, int count, float[] out, boolean vector) {
        if (vector) { // by example: a row's weights and an example's inputs are vectors of consecutive columns
            if (to > from) {
                VectorLanes.dotsFlat(w, columns, from, to, byExample(x, 0, columns, count), 0, count, out,
                        from * count, count);
            }
            return;
        }
        float[][] xs = examples(x, columns, count);
        for (int i = from; i < to; i++) { // the row stays in the first-level cache for the examples
            for (int m = 0; m < count; m++) {
                out[i * count + m] = BlockedProducts.dot(w, i * columns, xs[m], columns);
            }
        }
    }

    /** out[j count + m] = sum over rows i in order of delta[i count + m] w[i columns + j], columns from..to-1. */
    static void transposedProducts(float[] w, int rows, int columns, int from, int to, float[] delta, int count,
                                   float[] out, boolean vector) {
        if (to <= from) {
            return;
        }
        int width = to - from;
        float[] sums = new float[count * width]; // by example: example m's at m width
        if (vector) { // delta stored by unit is the left operand as it stands
            VectorLanes.accumulate(sums, 0, width, delta, 0, count, w, from, columns, 0, count, width, rows);
        } else {
            for (int i = 0; i < rows; i++) {
                int base = i * columns + from;
                for (int m = 0; m < count; m++) {
                    float d = delta[i * count + m];
                    int offset = m * width;
                    for (int j = 0; j < width; j++) {
                        sums[offset + j] += d * w[base + j];
                    }
                }
            }
        }
        for (int j = from; j < to; j++) {
            int at = j * count;
            for (int m = 0; m < count; m++) {
                out[at + m] = sums[m * width + j - from];
            }
        }
    }

    /**
     * g[i columns + j] += delta[i count + m] x[j count + m] and gb[i] += delta[i count + m], for the
     * examples m in order, rows from..to-1, in float arithmetic.
     */
    static void addOuterProducts(float[] g, double[] gb, int columns, int from, int to, float[] delta, float[] x,
                                 int count, boolean vector) {
        if (to <= from) {
            return;
        }
        if (vector) { // four rows by sixteen weights at a time, each sum kept in a register over the examples
            VectorLanes.accumulate(g, 0, columns, byExample(delta, from, to, count), -from, to - from,
                    byExample(x, 0, columns, count), 0, columns, from, to, columns, count);
        } else {
            float[][] xs = examples(x, columns, count);
            float[] row = new float[columns];
            for (int i = from; i < to; i++) {
                int base = i * columns;
                System.arraycopy(g, base, row, 0, columns);
                for (int m = 0; m < count; m++) {
                    float d = delta[i * count + m];
                    float[] input = xs[m];
                    for (int j = 0; j < columns; j++) { // row and input at offset 0: a loop the JIT vectorises
                        row[j] += d * input[j];
                    }
                }
                System.arraycopy(row, 0, g, base, columns);
            }
        }
        Products.addBiasSums(gb, from, to, delta, count);
    }

    /** Each example's n values as an array of its own. */
    private static float[][] examples(float[] matrix, int n, int count) {
        float[][] examples = new float[count][n];
        for (int j = 0; j < n; j++) {
            for (int m = 0; m < count; m++) {
                examples[m][j] = matrix[j * count + m];
            }
        }
        return examples;
    }

    /** Units from..to-1 of the matrix stored by example: example m's values at m (to - from). */
    private static float[] byExample(float[] matrix, int from, int to, int count) {
        int n = to - from;
        float[] byExample = new float[n * count];
        for (int first = from; first < to; first += 64) { // 64 units' values stay in the cache for every example
            int last = Math.min(to, first + 64);
            for (int m = 0; m < count; m++) {
                int at = m * n - from;
                for (int j = first; j < last; j++) {
                    byExample[at + j] = matrix[j * count + m];
                }
            }
        }
        return byExample;
    }
}
