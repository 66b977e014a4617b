package org.neurotile.neuron.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 dot products with the JDK's Vector API (incubating on Java 17), used by
 * {@link BlockedProducts} when the JVM runs with {@code --add-modules jdk.incubator.vector}: a
 * 256-bit vector of eight floats is exactly the eight lanes of the documented order (lane q sums
 * the columns j = q mod 8, a multiply then an add per column, never fused), so the bits are those
 * of the scalar loops. Compiled on its own (see the module's pom): nothing else may name the
 * incubating module, so that the rest runs on a JVM without it.
 */
final class VectorLanes {
    private static final VectorSpecies<Float> EIGHT = FloatVector.SPECIES_256;

    private VectorLanes() {
    }

    /** out[start + m][i] = the eight-lane dot product of row i of w and x[m], rows from..to-1, m below count. */
    static void dots(float[] w, int columns, int from, int to, float[][] x, int count, double[][] out, int start) {
        int full = columns - columns % 8;
        float[] lanes = new float[8];
        for (int i = from; i < to; i++) {
            int base = i * columns;
            int m = 0;
            for (; m + 4 <= count; m += 4) { // each weight vector loaded once for four examples
                float[] x0 = x[m];
                float[] x1 = x[m + 1];
                float[] x2 = x[m + 2];
                float[] x3 = x[m + 3];
                FloatVector s0 = FloatVector.zero(EIGHT);
                FloatVector s1 = FloatVector.zero(EIGHT);
                FloatVector s2 = FloatVector.zero(EIGHT);
                FloatVector s3 = FloatVector.zero(EIGHT);
                for (int j = 0; j < full; j += 8) {
                    FloatVector weights = FloatVector.fromArray(EIGHT, w, base + j);
                    s0 = s0.add(weights.mul(FloatVector.fromArray(EIGHT, x0, j)));
                    s1 = s1.add(weights.mul(FloatVector.fromArray(EIGHT, x1, j)));
                    s2 = s2.add(weights.mul(FloatVector.fromArray(EIGHT, x2, j)));
                    s3 = s3.add(weights.mul(FloatVector.fromArray(EIGHT, x3, j)));
                }
                out[start + m][i] = combine(s0, lanes, w, base, x0, full, columns);
                out[start + m + 1][i] = combine(s1, lanes, w, base, x1, full, columns);
                out[start + m + 2][i] = combine(s2, lanes, w, base, x2, full, columns);
                out[start + m + 3][i] = combine(s3, lanes, w, base, x3, full, columns);
            }
        }
        for (int m = count - count % 4; m < count; m++) {
            rowsOfOne(w, columns, from, to, x[m], out[start + m], lanes);
        }
    }

    /**
     * out[i] = the eight-lane dot product of row i of w and x, rows from..to-1: four rows at a time,
     * so that four sums advance together instead of one waiting on its own adds.
     */
    private static void rowsOfOne(float[] w, int columns, int from, int to, float[] x, double[] out, float[] lanes) {
        int full = columns - columns % 8;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            int b0 = i * columns;
            int b1 = b0 + columns;
            int b2 = b1 + columns;
            int b3 = b2 + columns;
            FloatVector s0 = FloatVector.zero(EIGHT);
            FloatVector s1 = FloatVector.zero(EIGHT);
            FloatVector s2 = FloatVector.zero(EIGHT);
            FloatVector s3 = FloatVector.zero(EIGHT);
            for (int j = 0; j < full; j += 8) {
                FloatVector v = FloatVector.fromArray(EIGHT, x, j);
                s0 = s0.add(FloatVector.fromArray(EIGHT, w, b0 + j).mul(v));
                s1 = s1.add(FloatVector.fromArray(EIGHT, w, b1 + j).mul(v));
                s2 = s2.add(FloatVector.fromArray(EIGHT, w, b2 + j).mul(v));
                s3 = s3.add(FloatVector.fromArray(EIGHT, w, b3 + j).mul(v));
            }
            out[i] = combine(s0, lanes, w, b0, x, full, columns);
            out[i + 1] = combine(s1, lanes, w, b1, x, full, columns);
            out[i + 2] = combine(s2, lanes, w, b2, x, full, columns);
            out[i + 3] = combine(s3, lanes, w, b3, x, full, columns);
        }
        for (; i < to; i++) {
            out[i] = dot(w, i * columns, x, columns, lanes);
        }
    }

    /** The eight-lane dot product of w[base..base+n-1] and x[0..n-1]; {@code lanes} is scratch of eight. */
    static float dot(float[] w, int base, float[] x, int n, float[] lanes) {
        int full = n - n % 8;
        FloatVector s = FloatVector.zero(EIGHT);
        for (int j = 0; j < full; j += 8) {
            s = s.add(FloatVector.fromArray(EIGHT, w, base + j).mul(FloatVector.fromArray(EIGHT, x, j)));
        }
        return combine(s, lanes, w, base, x, full, n);
    }

    /** The columns past the last full eight into their lanes, then ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)). */
    private static float combine(FloatVector sums, float[] lanes, float[] w, int base, float[] x, int full, int n) {
        return combine(sums, lanes, w, base, x, 0, full, n);
    }

    /** {@link #combine} with x starting at {@code xBase}. */
    private static float combine(FloatVector sums, float[] lanes, float[] w, int base, float[] x, int xBase, int full,
                                 int n) {
        sums.intoArray(lanes, 0);
        for (int j = full; j < n; j++) {
            lanes[j - full] += w[base + j] * x[xBase + j];
        }
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }

    /**
     * out[outBase + (i - from) ldo + c] = the eight-lane dot product of row i of w (at i columns)
     * and column c of x (at xBase + c columns), for rows from..to-1 and c below count: two rows
     * against four columns at a time, each sum in the lanes and order of {@link #dot}.
     */
    static void dotsFlat(float[] w, int columns, int from, int to, float[] x, int xBase, int count, float[] out,
                         int outBase, int ldo) {
        int full = columns - columns % 8;
        float[] lanes = new float[8];
        int i = from;
        for (; i + 2 <= to; i += 2) {
            int b0 = i * columns;
            int b1 = b0 + columns;
            int o0 = outBase + (i - from) * ldo;
            int o1 = o0 + ldo;
            int c = 0;
            for (; c + 4 <= count; c += 4) {
                int x0 = xBase + c * columns;
                int x1 = x0 + columns;
                int x2 = x1 + columns;
                int x3 = x2 + columns;
                FloatVector s00 = FloatVector.zero(EIGHT);
                FloatVector s01 = FloatVector.zero(EIGHT);
                FloatVector s02 = FloatVector.zero(EIGHT);
                FloatVector s03 = FloatVector.zero(EIGHT);
                FloatVector s10 = FloatVector.zero(EIGHT);
                FloatVector s11 = FloatVector.zero(EIGHT);
                FloatVector s12 = FloatVector.zero(EIGHT);
                FloatVector s13 = FloatVector.zero(EIGHT);
                for (int j = 0; j < full; j += 8) {
                    FloatVector w0 = FloatVector.fromArray(EIGHT, w, b0 + j);
                    FloatVector w1 = FloatVector.fromArray(EIGHT, w, b1 + j);
                    FloatVector v = FloatVector.fromArray(EIGHT, x, x0 + j);
                    s00 = s00.add(w0.mul(v));
                    s10 = s10.add(w1.mul(v));
                    v = FloatVector.fromArray(EIGHT, x, x1 + j);
                    s01 = s01.add(w0.mul(v));
                    s11 = s11.add(w1.mul(v));
                    v = FloatVector.fromArray(EIGHT, x, x2 + j);
                    s02 = s02.add(w0.mul(v));
                    s12 = s12.add(w1.mul(v));
                    v = FloatVector.fromArray(EIGHT, x, x3 + j);
                    s03 = s03.add(w0.mul(v));
                    s13 = s13.add(w1.mul(v));
                }
                out[o0 + c] = combine(s00, lanes, w, b0, x, x0, full, columns);
                out[o0 + c + 1] = combine(s01, lanes, w, b0, x, x1, full, columns);
                out[o0 + c + 2] = combine(s02, lanes, w, b0, x, x2, full, columns);
                out[o0 + c + 3] = combine(s03, lanes, w, b0, x, x3, full, columns);
                out[o1 + c] = combine(s10, lanes, w, b1, x, x0, full, columns);
                out[o1 + c + 1] = combine(s11, lanes, w, b1, x, x1, full, columns);
                out[o1 + c + 2] = combine(s12, lanes, w, b1, x, x2, full, columns);
                out[o1 + c + 3] = combine(s13, lanes, w, b1, x, x3, full, columns);
            }
            for (; c < count; c++) {
                out[o0 + c] = dotAt(w, b0, x, xBase + c * columns, columns, lanes);
                out[o1 + c] = dotAt(w, b1, x, xBase + c * columns, columns, lanes);
            }
        }
        for (; i < to; i++) {
            int o0 = outBase + (i - from) * ldo;
            for (int c = 0; c < count; c++) {
                out[o0 + c] = dotAt(w, i * columns, x, xBase + c * columns, columns, lanes);
            }
        }
    }

    /**
     * out[outBase + (i - from) ldo + c] = the eight-lane dot product of row i of w (at i columns)
     * and column c of x, stored transposed (x[xBase + j ldx + c]), for rows from..to-1 and c below
     * count. Eight columns at a time: lane q of eight columns is one vector, so the lanes combine
     * as ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)) without leaving the registers.
     */
    static void dotsTransposed(float[] w, int columns, int from, int to, float[] x, int xBase, int ldx, int count,
                               float[] out, int outBase, int ldo) {
        int wide = count - count % 8;
        int full = columns - columns % 8;
        for (int c = 0; c < wide; c += 8) { // eight columns of x stay in the cache for every row
            int at = xBase + c;
            for (int i = from; i < to; i++) {
                int base = i * columns;
                FloatVector s0 = FloatVector.zero(EIGHT);
                FloatVector s1 = FloatVector.zero(EIGHT);
                FloatVector s2 = FloatVector.zero(EIGHT);
                FloatVector s3 = FloatVector.zero(EIGHT);
                FloatVector s4 = FloatVector.zero(EIGHT);
                FloatVector s5 = FloatVector.zero(EIGHT);
                FloatVector s6 = FloatVector.zero(EIGHT);
                FloatVector s7 = FloatVector.zero(EIGHT);
                int j = 0;
                for (; j < full; j += 8) {
                    int row = at + j * ldx;
                    s0 = s0.add(FloatVector.broadcast(EIGHT, w[base + j]).mul(FloatVector.fromArray(EIGHT, x, row)));
                    s1 = s1.add(FloatVector.broadcast(EIGHT, w[base + j + 1])
                            .mul(FloatVector.fromArray(EIGHT, x, row + ldx)));
                    s2 = s2.add(FloatVector.broadcast(EIGHT, w[base + j + 2])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 2 * ldx)));
                    s3 = s3.add(FloatVector.broadcast(EIGHT, w[base + j + 3])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 3 * ldx)));
                    s4 = s4.add(FloatVector.broadcast(EIGHT, w[base + j + 4])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 4 * ldx)));
                    s5 = s5.add(FloatVector.broadcast(EIGHT, w[base + j + 5])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 5 * ldx)));
                    s6 = s6.add(FloatVector.broadcast(EIGHT, w[base + j + 6])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 6 * ldx)));
                    s7 = s7.add(FloatVector.broadcast(EIGHT, w[base + j + 7])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 7 * ldx)));
                }
                int row = at + j * ldx;
                int left = columns - j;
                if (left > 0) {
                    s0 = s0.add(FloatVector.broadcast(EIGHT, w[base + j]).mul(FloatVector.fromArray(EIGHT, x, row)));
                }
                if (left > 1) {
                    s1 = s1.add(FloatVector.broadcast(EIGHT, w[base + j + 1])
                            .mul(FloatVector.fromArray(EIGHT, x, row + ldx)));
                }
                if (left > 2) {
                    s2 = s2.add(FloatVector.broadcast(EIGHT, w[base + j + 2])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 2 * ldx)));
                }
                if (left > 3) {
                    s3 = s3.add(FloatVector.broadcast(EIGHT, w[base + j + 3])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 3 * ldx)));
                }
                if (left > 4) {
                    s4 = s4.add(FloatVector.broadcast(EIGHT, w[base + j + 4])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 4 * ldx)));
                }
                if (left > 5) {
                    s5 = s5.add(FloatVector.broadcast(EIGHT, w[base + j + 5])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 5 * ldx)));
                }
                if (left > 6) {
                    s6 = s6.add(FloatVector.broadcast(EIGHT, w[base + j + 6])
                            .mul(FloatVector.fromArray(EIGHT, x, row + 6 * ldx)));
                }
                s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7)))
                        .intoArray(out, outBase + (i - from) * ldo + c);
            }
        }
        float[] lanes = new float[8];
        for (int i = from; i < to; i++) {
            for (int c = wide; c < count; c++) {
                java.util.Arrays.fill(lanes, 0f);
                for (int j = 0; j < columns; j++) {
                    lanes[j % 8] += w[i * columns + j] * x[xBase + j * ldx + c];
                }
                out[outBase + (i - from) * ldo + c] = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
                        + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
            }
        }
    }

    /** The eight-lane dot product of w[base..base+n-1] and x[xBase..xBase+n-1]. */
    private static float dotAt(float[] w, int base, float[] x, int xBase, int n, float[] lanes) {
        int full = n - n % 8;
        FloatVector s = FloatVector.zero(EIGHT);
        for (int j = 0; j < full; j += 8) {
            s = s.add(FloatVector.fromArray(EIGHT, w, base + j).mul(FloatVector.fromArray(EIGHT, x, xBase + j)));
        }
        return combine(s, lanes, w, base, x, xBase, full, n);
    }

    /**
     * c[cBase + r ldc + t] += a[aBase + k lda + r] b[bBase + k ldb + t] for k = 0..depth-1 in order
     * (a float multiply, then a float add), for r in from..to-1 and t below width: four r against
     * sixteen t at a time, each sum kept in a register over all k; the lanes are independent sums,
     * so every sum has the bits of the plain loop.
     */
    static void accumulate(float[] c, int cBase, int ldc, float[] a, int aBase, int lda, float[] b, int bBase,
                           int ldb, int from, int to, int width, int depth) {
        int wide = width - width % 16;
        int t = 0;
        for (; t < wide; t += 16) { // a panel of b's columns stays in the cache for every r
            int r = from;
            for (; r + 4 <= to; r += 4) {
                accumulate4x16(c, cBase + r * ldc + t, ldc, a, aBase + r, lda, b, bBase + t, ldb, depth);
            }
            accumulatePlain(c, cBase, ldc, a, aBase, lda, b, bBase, ldb, r, to, t, t + 16, depth);
        }
        if (width - t >= 8) {
            int r = from;
            for (; r + 4 <= to; r += 4) {
                accumulate4x8(c, cBase + r * ldc + t, ldc, a, aBase + r, lda, b, bBase + t, ldb, depth);
            }
            accumulatePlain(c, cBase, ldc, a, aBase, lda, b, bBase, ldb, r, to, t, t + 8, depth);
            t += 8;
        }
        accumulatePlain(c, cBase, ldc, a, aBase, lda, b, bBase, ldb, from, to, t, width, depth);
    }

    private static void accumulate4x16(float[] c, int at, int ldc, float[] a, int aAt, int lda, float[] b, int bAt,
                                       int ldb, int depth) {
        FloatVector c00 = FloatVector.fromArray(EIGHT, c, at);
        FloatVector c01 = FloatVector.fromArray(EIGHT, c, at + 8);
        FloatVector c10 = FloatVector.fromArray(EIGHT, c, at + ldc);
        FloatVector c11 = FloatVector.fromArray(EIGHT, c, at + ldc + 8);
        FloatVector c20 = FloatVector.fromArray(EIGHT, c, at + 2 * ldc);
        FloatVector c21 = FloatVector.fromArray(EIGHT, c, at + 2 * ldc + 8);
        FloatVector c30 = FloatVector.fromArray(EIGHT, c, at + 3 * ldc);
        FloatVector c31 = FloatVector.fromArray(EIGHT, c, at + 3 * ldc + 8);
        for (int k = 0; k < depth; k++) {
            int ak = aAt + k * lda;
            int bk = bAt + k * ldb;
            FloatVector b0 = FloatVector.fromArray(EIGHT, b, bk);
            FloatVector b1 = FloatVector.fromArray(EIGHT, b, bk + 8);
            FloatVector d = FloatVector.broadcast(EIGHT, a[ak]);
            c00 = c00.add(d.mul(b0));
            c01 = c01.add(d.mul(b1));
            d = FloatVector.broadcast(EIGHT, a[ak + 1]);
            c10 = c10.add(d.mul(b0));
            c11 = c11.add(d.mul(b1));
            d = FloatVector.broadcast(EIGHT, a[ak + 2]);
            c20 = c20.add(d.mul(b0));
            c21 = c21.add(d.mul(b1));
            d = FloatVector.broadcast(EIGHT, a[ak + 3]);
            c30 = c30.add(d.mul(b0));
            c31 = c31.add(d.mul(b1));
        }
        c00.intoArray(c, at);
        c01.intoArray(c, at + 8);
        c10.intoArray(c, at + ldc);
        c11.intoArray(c, at + ldc + 8);
        c20.intoArray(c, at + 2 * ldc);
        c21.intoArray(c, at + 2 * ldc + 8);
        c30.intoArray(c, at + 3 * ldc);
        c31.intoArray(c, at + 3 * ldc + 8);
    }

    private static void accumulate4x8(float[] c, int at, int ldc, float[] a, int aAt, int lda, float[] b, int bAt,
                                      int ldb, int depth) {
        FloatVector c0 = FloatVector.fromArray(EIGHT, c, at);
        FloatVector c1 = FloatVector.fromArray(EIGHT, c, at + ldc);
        FloatVector c2 = FloatVector.fromArray(EIGHT, c, at + 2 * ldc);
        FloatVector c3 = FloatVector.fromArray(EIGHT, c, at + 3 * ldc);
        for (int k = 0; k < depth; k++) {
            int ak = aAt + k * lda;
            FloatVector b0 = FloatVector.fromArray(EIGHT, b, bAt + k * ldb);
            c0 = c0.add(FloatVector.broadcast(EIGHT, a[ak]).mul(b0));
            c1 = c1.add(FloatVector.broadcast(EIGHT, a[ak + 1]).mul(b0));
            c2 = c2.add(FloatVector.broadcast(EIGHT, a[ak + 2]).mul(b0));
            c3 = c3.add(FloatVector.broadcast(EIGHT, a[ak + 3]).mul(b0));
        }
        c0.intoArray(c, at);
        c1.intoArray(c, at + ldc);
        c2.intoArray(c, at + 2 * ldc);
        c3.intoArray(c, at + 3 * ldc);
    }

    /** The plain loop of {@link #accumulate} over r in from..to-1 and t in tFrom..tTo-1. */
    private static void accumulatePlain(float[] c, int cBase, int ldc, float[] a, int aBase, int lda, float[] b,
                                        int bBase, int ldb, int from, int to, int tFrom, int tTo, int depth) {
        for (int r = from; r < to; r++) {
            for (int t = tFrom; t < tTo; t++) {
                float sum = c[cBase + r * ldc + t];
                for (int k = 0; k < depth; k++) {
                    sum += a[aBase + k * lda + r] * b[bBase + k * ldb + t];
                }
                c[cBase + r * ldc + t] = sum;
            }
        }
    }
}
