package org.neurotile.neuron.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The products of {@link UnitMajorProducts} with the Vector API, on matrices stored by unit. A
 * vector holds the same sum of {@link #WIDTH} consecutive examples (the dot products and transposed
 * products) or of consecutive weights of a row (the gradient sums): its lanes are independent sums,
 * each with the order and the float multiply-then-add of the plain loops, so the bits do not depend
 * on the vector's width. A dot product's eight lanes (columns j = q mod 8) are eight such vectors,
 * combined as ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)). Examples past the last full vector go through
 * the same kernels on a copy padded with zeros, whose extra lanes are dropped.
 */
final class UnitMajorLanes {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int WIDTH = SPECIES.length();

    private UnitMajorLanes() {
    }

    /** out[i count + m] = the eight-lane dot product of row i of w and example m of x, rows from..to-1. */
    static void dots(float[] w, int columns, int from, int to, float[] x, int count, float[] out) {
        int wide = count - count % WIDTH;
        for (int m = 0; m < wide; m += WIDTH) {
            dots(w, columns, from, to, x, m, count, out, from * count + m, count);
        }
        int left = count - wide;
        if (left > 0 && to > from) {
            float[] padded = padded(x, columns, count, wide);
            float[] sums = new float[(to - from) * WIDTH];
            dots(w, columns, from, to, padded, 0, WIDTH, sums, 0, WIDTH);
            unpad(sums, to - from, out, from * count + wide, count, left);
        }
    }

    /** Rows from..to-1 against the examples of x at xAt (unit j's at xAt + j ldx), out at outAt + (i - from) ldo. */
    private static void dots(float[] w, int columns, int from, int to, float[] x, int xAt, int ldx, float[] out,
                             int outAt, int ldo) {
        int i = from;
        for (; i + 2 <= to; i += 2) {
            dotsOfTwoRows(w, i * columns, columns, x, xAt, ldx, out, outAt + (i - from) * ldo, ldo);
        }
        if (i < to) {
            dotsOfOneRow(w, i * columns, columns, x, xAt, ldx, out, outAt + (i - from) * ldo);
        }
    }

    /** Two rows (at base and base + columns) share each load of x: sixteen sums, eight lanes each. */
    private static void dotsOfTwoRows(float[] w, int base, int columns, float[] x, int xAt, int ldx, float[] out,
                                      int outAt, int ldo) {
        FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        FloatVector b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0, b6 = a0, b7 = a0;
        int next = base + columns;
        int full = columns - columns % 8;
        int j = 0;
        for (; j < full; j += 8) {
            int at = xAt + j * ldx;
            FloatVector v = FloatVector.fromArray(SPECIES, x, at);
            a0 = a0.add(v.mul(w[base + j]));
            b0 = b0.add(v.mul(w[next + j]));
            v = FloatVector.fromArray(SPECIES, x, at + ldx);
            a1 = a1.add(v.mul(w[base + j + 1]));
            b1 = b1.add(v.mul(w[next + j + 1]));
            v = FloatVector.fromArray(SPECIES, x, at + 2 * ldx);
            a2 = a2.add(v.mul(w[base + j + 2]));
            b2 = b2.add(v.mul(w[next + j + 2]));
            v = FloatVector.fromArray(SPECIES, x, at + 3 * ldx);
            a3 = a3.add(v.mul(w[base + j + 3]));
            b3 = b3.add(v.mul(w[next + j + 3]));
            v = FloatVector.fromArray(SPECIES, x, at + 4 * ldx);
            a4 = a4.add(v.mul(w[base + j + 4]));
            b4 = b4.add(v.mul(w[next + j + 4]));
            v = FloatVector.fromArray(SPECIES, x, at + 5 * ldx);
            a5 = a5.add(v.mul(w[base + j + 5]));
            b5 = b5.add(v.mul(w[next + j + 5]));
            v = FloatVector.fromArray(SPECIES, x, at + 6 * ldx);
            a6 = a6.add(v.mul(w[base + j + 6]));
            b6 = b6.add(v.mul(w[next + j + 6]));
            v = FloatVector.fromArray(SPECIES, x, at + 7 * ldx);
            a7 = a7.add(v.mul(w[base + j + 7]));
            b7 = b7.add(v.mul(w[next + j + 7]));
        }
        int at = xAt + j * ldx;
        int left = columns - j;
        if (left > 0) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, at);
            a0 = a0.add(v.mul(w[base + j]));
            b0 = b0.add(v.mul(w[next + j]));
        }
        if (left > 1) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, at + ldx);
            a1 = a1.add(v.mul(w[base + j + 1]));
            b1 = b1.add(v.mul(w[next + j + 1]));
        }
        if (left > 2) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, at + 2 * ldx);
            a2 = a2.add(v.mul(w[base + j + 2]));
            b2 = b2.add(v.mul(w[next + j + 2]));
        }
        if (left > 3) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, at + 3 * ldx);
            a3 = a3.add(v.mul(w[base + j + 3]));
            b3 = b3.add(v.mul(w[next + j + 3]));
        }
        if (left > 4) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, at + 4 * ldx);
            a4 = a4.add(v.mul(w[base + j + 4]));
            b4 = b4.add(v.mul(w[next + j + 4]));
        }
        if (left > 5) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, at + 5 * ldx);
            a5 = a5.add(v.mul(w[base + j + 5]));
            b5 = b5.add(v.mul(w[next + j + 5]));
        }
        if (left > 6) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, at + 6 * ldx);
            a6 = a6.add(v.mul(w[base + j + 6]));
            b6 = b6.add(v.mul(w[next + j + 6]));
        }
        combine(a0, a1, a2, a3, a4, a5, a6, a7).intoArray(out, outAt);
        combine(b0, b1, b2, b3, b4, b5, b6, b7).intoArray(out, outAt + ldo);
    }

    /** One row at base: eight lanes. */
    private static void dotsOfOneRow(float[] w, int base, int columns, float[] x, int xAt, int ldx, float[] out,
                                     int outAt) {
        FloatVector a0 = FloatVector.zero(SPECIES), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        int full = columns - columns % 8;
        int j = 0;
        for (; j < full; j += 8) {
            int at = xAt + j * ldx;
            a0 = a0.add(FloatVector.fromArray(SPECIES, x, at).mul(w[base + j]));
            a1 = a1.add(FloatVector.fromArray(SPECIES, x, at + ldx).mul(w[base + j + 1]));
            a2 = a2.add(FloatVector.fromArray(SPECIES, x, at + 2 * ldx).mul(w[base + j + 2]));
            a3 = a3.add(FloatVector.fromArray(SPECIES, x, at + 3 * ldx).mul(w[base + j + 3]));
            a4 = a4.add(FloatVector.fromArray(SPECIES, x, at + 4 * ldx).mul(w[base + j + 4]));
            a5 = a5.add(FloatVector.fromArray(SPECIES, x, at + 5 * ldx).mul(w[base + j + 5]));
            a6 = a6.add(FloatVector.fromArray(SPECIES, x, at + 6 * ldx).mul(w[base + j + 6]));
            a7 = a7.add(FloatVector.fromArray(SPECIES, x, at + 7 * ldx).mul(w[base + j + 7]));
        }
        int at = xAt + j * ldx;
        int left = columns - j;
        if (left > 0) {
            a0 = a0.add(FloatVector.fromArray(SPECIES, x, at).mul(w[base + j]));
        }
        if (left > 1) {
            a1 = a1.add(FloatVector.fromArray(SPECIES, x, at + ldx).mul(w[base + j + 1]));
        }
        if (left > 2) {
            a2 = a2.add(FloatVector.fromArray(SPECIES, x, at + 2 * ldx).mul(w[base + j + 2]));
        }
        if (left > 3) {
            a3 = a3.add(FloatVector.fromArray(SPECIES, x, at + 3 * ldx).mul(w[base + j + 3]));
        }
        if (left > 4) {
            a4 = a4.add(FloatVector.fromArray(SPECIES, x, at + 4 * ldx).mul(w[base + j + 4]));
        }
        if (left > 5) {
            a5 = a5.add(FloatVector.fromArray(SPECIES, x, at + 5 * ldx).mul(w[base + j + 5]));
        }
        if (left > 6) {
            a6 = a6.add(FloatVector.fromArray(SPECIES, x, at + 6 * ldx).mul(w[base + j + 6]));
        }
        combine(a0, a1, a2, a3, a4, a5, a6, a7).intoArray(out, outAt);
    }

    private static FloatVector combine(FloatVector s0, FloatVector s1, FloatVector s2, FloatVector s3,
                                       FloatVector s4, FloatVector s5, FloatVector s6, FloatVector s7) {
        return s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7)));
    }

    /**
     * out[j count + m] = sum over rows i in order of delta[i count + m] w[i columns + j], columns
     * from..to-1.
     */
    static void transposedProducts(float[] w, int rows, int columns, int from, int to, float[] delta, int count,
                                   float[] out) {
        int wide = count - count % WIDTH;
        int m = 0;
        for (; m + 2 * WIDTH <= wide; m += 2 * WIDTH) {
            transposedProducts(w, rows, columns, from, to, delta, m, count, out, from * count + m, count, true);
        }
        if (m < wide) {
            transposedProducts(w, rows, columns, from, to, delta, m, count, out, from * count + m, count, false);
        }
        int left = count - wide;
        if (left > 0 && to > from) {
            float[] padded = padded(delta, rows, count, wide);
            float[] sums = new float[(to - from) * WIDTH];
            transposedProducts(w, rows, columns, from, to, padded, 0, WIDTH, sums, 0, WIDTH, false);
            unpad(sums, to - from, out, from * count + wide, count, left);
        }
    }

    /**
     * Columns from..to-1 for the examples of delta at dAt (row i's at dAt + i ldd), one vector of
     * examples or two ({@code pair}), out at outAt + (j - from) ldo.
     */
    private static void transposedProducts(float[] w, int rows, int columns, int from, int to, float[] delta,
                                           int dAt, int ldd, float[] out, int outAt, int ldo, boolean pair) {
        int j = from;
        for (; j + 4 <= to; j += 4) {
            int at = outAt + (j - from) * ldo;
            if (pair) {
                fourColumnsTwoVectors(w, rows, columns, j, delta, dAt, ldd, out, at, ldo);
            } else {
                fourColumns(w, rows, columns, j, delta, dAt, ldd, out, at, ldo);
            }
        }
        for (; j < to; j++) {
            int at = outAt + (j - from) * ldo;
            oneColumn(w, rows, columns, j, delta, dAt, ldd, out, at);
            if (pair) {
                oneColumn(w, rows, columns, j, delta, dAt + WIDTH, ldd, out, at + WIDTH);
            }
        }
    }

    private static void fourColumnsTwoVectors(float[] w, int rows, int columns, int j, float[] delta, int dAt,
                                              int ldd, float[] out, int outAt, int ldo) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int i = 0; i < rows; i++) {
            int d = dAt + i * ldd;
            int k = i * columns + j;
            FloatVector d0 = FloatVector.fromArray(SPECIES, delta, d);
            FloatVector d1 = FloatVector.fromArray(SPECIES, delta, d + WIDTH);
            float v = w[k];
            c00 = c00.add(d0.mul(v));
            c01 = c01.add(d1.mul(v));
            v = w[k + 1];
            c10 = c10.add(d0.mul(v));
            c11 = c11.add(d1.mul(v));
            v = w[k + 2];
            c20 = c20.add(d0.mul(v));
            c21 = c21.add(d1.mul(v));
            v = w[k + 3];
            c30 = c30.add(d0.mul(v));
            c31 = c31.add(d1.mul(v));
        }
        c00.intoArray(out, outAt);
        c01.intoArray(out, outAt + WIDTH);
        c10.intoArray(out, outAt + ldo);
        c11.intoArray(out, outAt + ldo + WIDTH);
        c20.intoArray(out, outAt + 2 * ldo);
        c21.intoArray(out, outAt + 2 * ldo + WIDTH);
        c30.intoArray(out, outAt + 3 * ldo);
        c31.intoArray(out, outAt + 3 * ldo + WIDTH);
    }

    private static void fourColumns(float[] w, int rows, int columns, int j, float[] delta, int dAt, int ldd,
                                    float[] out, int outAt, int ldo) {
        FloatVector c0 = FloatVector.zero(SPECIES), c1 = c0, c2 = c0, c3 = c0;
        for (int i = 0; i < rows; i++) {
            int k = i * columns + j;
            FloatVector d = FloatVector.fromArray(SPECIES, delta, dAt + i * ldd);
            c0 = c0.add(d.mul(w[k]));
            c1 = c1.add(d.mul(w[k + 1]));
            c2 = c2.add(d.mul(w[k + 2]));
            c3 = c3.add(d.mul(w[k + 3]));
        }
        c0.intoArray(out, outAt);
        c1.intoArray(out, outAt + ldo);
        c2.intoArray(out, outAt + 2 * ldo);
        c3.intoArray(out, outAt + 3 * ldo);
    }

    private static void oneColumn(float[] w, int rows, int columns, int j, float[] delta, int dAt, int ldd,
                                  float[] out, int outAt) {
        FloatVector c = FloatVector.zero(SPECIES);
        for (int i = 0; i < rows; i++) {
            c = c.add(FloatVector.fromArray(SPECIES, delta, dAt + i * ldd).mul(w[i * columns + j]));
        }
        c.intoArray(out, outAt);
    }

    /**
     * g[i columns + j] += delta[i count + m] xByExample[m columns + j] for the examples m in order,
     * rows from..to-1: the vectors run along a row's weights, four rows by two vectors at a time,
     * each sum kept in a register over the examples; the weights past the last full vector of a row
     * take the plain loop.
     */
    static void addOuterProducts(float[] g, int columns, int from, int to, float[] delta, float[] xByExample,
                                 int count) {
        int wide = columns - columns % WIDTH;
        int j = 0;
        for (; j + 2 * WIDTH <= wide; j += 2 * WIDTH) { // a panel of the inputs stays in the cache for every row
            int i = from;
            for (; i + 4 <= to; i += 4) {
                fourRowsTwoVectors(g, columns, i, j, delta, xByExample, count);
            }
            for (; i < to; i++) {
                oneRow(g, columns, i, j, delta, xByExample, count);
                oneRow(g, columns, i, j + WIDTH, delta, xByExample, count);
            }
        }
        if (j < wide) {
            for (int i = from; i < to; i++) {
                oneRow(g, columns, i, j, delta, xByExample, count);
            }
        }
        for (int i = from; i < to; i++) {
            for (int k = wide; k < columns; k++) {
                float sum = g[i * columns + k];
                for (int m = 0; m < count; m++) {
                    sum += delta[i * count + m] * xByExample[m * columns + k];
                }
                g[i * columns + k] = sum;
            }
        }
    }

    private static void fourRowsTwoVectors(float[] g, int columns, int i, int j, float[] delta, float[] xs,
                                           int count) {
        int at = i * columns + j;
        FloatVector g00 = FloatVector.fromArray(SPECIES, g, at);
        FloatVector g01 = FloatVector.fromArray(SPECIES, g, at + WIDTH);
        FloatVector g10 = FloatVector.fromArray(SPECIES, g, at + columns);
        FloatVector g11 = FloatVector.fromArray(SPECIES, g, at + columns + WIDTH);
        FloatVector g20 = FloatVector.fromArray(SPECIES, g, at + 2 * columns);
        FloatVector g21 = FloatVector.fromArray(SPECIES, g, at + 2 * columns + WIDTH);
        FloatVector g30 = FloatVector.fromArray(SPECIES, g, at + 3 * columns);
        FloatVector g31 = FloatVector.fromArray(SPECIES, g, at + 3 * columns + WIDTH);
        int d = i * count;
        for (int m = 0; m < count; m++) {
            int k = m * columns + j;
            FloatVector x0 = FloatVector.fromArray(SPECIES, xs, k);
            FloatVector x1 = FloatVector.fromArray(SPECIES, xs, k + WIDTH);
            float v = delta[d + m];
            g00 = g00.add(x0.mul(v));
            g01 = g01.add(x1.mul(v));
            v = delta[d + count + m];
            g10 = g10.add(x0.mul(v));
            g11 = g11.add(x1.mul(v));
            v = delta[d + 2 * count + m];
            g20 = g20.add(x0.mul(v));
            g21 = g21.add(x1.mul(v));
            v = delta[d + 3 * count + m];
            g30 = g30.add(x0.mul(v));
            g31 = g31.add(x1.mul(v));
        }
        g00.intoArray(g, at);
        g01.intoArray(g, at + WIDTH);
        g10.intoArray(g, at + columns);
        g11.intoArray(g, at + columns + WIDTH);
        g20.intoArray(g, at + 2 * columns);
        g21.intoArray(g, at + 2 * columns + WIDTH);
        g30.intoArray(g, at + 3 * columns);
        g31.intoArray(g, at + 3 * columns + WIDTH);
    }

    private static void oneRow(float[] g, int columns, int i, int j, float[] delta, float[] xs, int count) {
        int at = i * columns + j;
        int d = i * count;
        FloatVector s = FloatVector.fromArray(SPECIES, g, at);
        for (int m = 0; m < count; m++) {
            s = s.add(FloatVector.fromArray(SPECIES, xs, m * columns + j).mul(delta[d + m]));
        }
        s.intoArray(g, at);
    }

    /** The n units of a matrix stored by unit, examples wide..count-1, each unit's padded with zeros to a vector. */
    private static float[] padded(float[] matrix, int n, int count, int wide) {
        float[] padded = new float[n * WIDTH];
        int left = count - wide;
        for (int j = 0; j < n; j++) {
            System.arraycopy(matrix, j * count + wide, padded, j * WIDTH, left);
        }
        return padded;
    }

    /** The first {@code left} examples of each of n padded units into out at outAt, unit k's at outAt + k count. */
    private static void unpad(float[] padded, int n, float[] out, int outAt, int count, int left) {
        for (int k = 0; k < n; k++) {
            System.arraycopy(padded, k * WIDTH, out, outAt + k * count, left);
        }
    }
}
