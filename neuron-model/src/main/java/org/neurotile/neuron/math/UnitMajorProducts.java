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
                VectorLanes.dotsFlat(w, columns, from, to, byExample(x, columns, count), 0, count, out, from * count,
                        count);
            }
            return;
        }
        float[] lanes = new float[Precision.LANES * count]; // lane q of example m at q count + m
        for (int i = from; i < to; i++) {
            java.util.Arrays.fill(lanes, 0f);
            int base = i * columns;
            for (int j = 0; j < columns; j++) {
                float weight = w[base + j];
                int lane = (j % Precision.LANES) * count;
                int at = j * count;
                for (int m = 0; m < count; m++) {
                    lanes[lane + m] += weight * x[at + m];
                }
            }
            for (int m = 0; m < count; m++) {
                out[i * count + m] = ((lanes[m] + lanes[count + m]) + (lanes[2 * count + m] + lanes[3 * count + m]))
                        + ((lanes[4 * count + m] + lanes[5 * count + m])
                        + (lanes[6 * count + m] + lanes[7 * count + m]));
            }
        }
    }

    /** out[j count + m] = sum over rows i in order of delta[i count + m] w[i columns + j], columns from..to-1. */
    static void transposedProducts(float[] w, int rows, int columns, int from, int to, float[] delta, int count,
                                   float[] out, boolean vector) {
        if (to <= from) {
            return;
        }
        if (vector) { // delta stored by unit is the left operand as it stands; the sums come out by example
            int width = to - from;
            float[] sums = new float[count * width];
            VectorLanes.accumulate(sums, 0, width, delta, 0, count, w, from, columns, 0, count, width, rows);
            for (int j = from; j < to; j++) {
                int at = j * count;
                for (int m = 0; m < count; m++) {
                    out[at + m] = sums[m * width + j - from];
                }
            }
            return;
        }
        java.util.Arrays.fill(out, from * count, to * count, 0f);
        for (int i = 0; i < rows; i++) {
            int base = i * columns;
            int d = i * count;
            for (int j = from; j < to; j++) {
                float weight = w[base + j];
                int at = j * count;
                for (int m = 0; m < count; m++) {
                    out[at + m] += delta[d + m] * weight;
                }
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
        float[] byExample = byExample(x, columns, count);
        if (vector) { // four rows by sixteen weights at a time, each sum kept in a register over the examples
            int width = to - from;
            float[] deltaByExample = new float[count * width];
            for (int i = from; i < to; i++) {
                for (int m = 0; m < count; m++) {
                    deltaByExample[m * width + i - from] = delta[i * count + m];
                }
            }
            VectorLanes.accumulate(g, 0, columns, deltaByExample, -from, width, byExample, 0, columns, from, to, columns,
                    count);
        } else {
            float[] row = new float[columns]; // at offset 0 beside the inputs, a loop the JIT vectorises
            for (int i = from; i < to; i++) {
                int base = i * columns;
                System.arraycopy(g, base, row, 0, columns);
                for (int m = 0; m < count; m++) {
                    float d = delta[i * count + m];
                    int at = m * columns;
                    for (int j = 0; j < columns; j++) {
                        row[j] += d * byExample[at + j];
                    }
                }
                System.arraycopy(row, 0, g, base, columns);
            }
        }
        for (int i = from; i < to; i++) {
            float bias = (float) gb[i];
            for (int m = 0; m < count; m++) {
                bias += delta[i * count + m];
            }
            gb[i] = bias;
        }
    }

    /** The matrix stored by example: example m's n values at m n. */
    private static float[] byExample(float[] matrix, int n, int count) {
        float[] byExample = new float[n * count];
        for (int first = 0; first < n; first += 64) { // 64 units' values stay in the cache for every example
            int last = Math.min(n, first + 64);
            for (int m = 0; m < count; m++) {
                int at = m * n;
                for (int j = first; j < last; j++) {
                    byExample[at + j] = matrix[j * count + m];
                }
            }
        }
        return byExample;
    }
}
