package org.neurotile.neuron.math;

/**
 * float32 matrix products on flat row-major arrays, for a convolution's unfolded patches (im2col):
 * the Vector API kernels of {@link VectorLanes} where the JVM has the module
 * ({@link BlockedProducts#VECTOR_API}), else plain loops with the same bits. Every sum keeps the
 * documented order; the kernels only choose which independent sums are computed together. Each
 * method works on a range of rows so that threads can share a product without sharing a sum.
 */
public final class FlatProducts {
    private FlatProducts() {
    }

    /**
     * out[outBase + (i - from) ldo + c] = sum over j of w[i columns + j] x[xBase + c columns + j],
     * rows {@code from..to-1}, columns c below {@code count}, each sum in {@link Precision#LANES}
     * lanes as {@link Weights#dot} sums them.
     */
    public static void dots(float[] w, int columns, int from, int to, float[] x, int xBase, int count, float[] out,
                            int outBase, int ldo) {
        dots(w, columns, from, to, x, xBase, count, out, outBase, ldo, BlockedProducts.VECTOR_API);
    }

    /** {@link #dots} with the Vector API ({@code vector}, only where the JVM has it) or with plain loops. */
    public static void dots(float[] w, int columns, int from, int to, float[] x, int xBase, int count, float[] out,
                            int outBase, int ldo, boolean vector) {
        if (vector) {
            VectorLanes.dotsFlat(w, columns, from, to, x, xBase, count, out, outBase, ldo);
            return;
        }
        for (int i = from; i < to; i++) {
            int row = outBase + (i - from) * ldo;
            for (int c = 0; c < count; c++) {
                out[row + c] = dot(w, i * columns, x, xBase + c * columns, columns);
            }
        }
    }

    /**
     * As {@link #dots} with x stored transposed: out[outBase + (i - from) ldo + c] = sum over j of
     * w[i columns + j] x[xBase + j ldx + c], each sum in the same lanes and order: im2col's patches
     * as rows of taps, or a small matrix times a batch of short vectors.
     */
    public static void dotsTransposed(float[] w, int columns, int from, int to, float[] x, int xBase, int ldx,
                                      int count, float[] out, int outBase, int ldo) {
        dotsTransposed(w, columns, from, to, x, xBase, ldx, count, out, outBase, ldo, BlockedProducts.VECTOR_API);
    }

    /** {@link #dotsTransposed} with the Vector API ({@code vector}, only where the JVM has it) or with plain loops. */
    public static void dotsTransposed(float[] w, int columns, int from, int to, float[] x, int xBase, int ldx,
                                      int count, float[] out, int outBase, int ldo, boolean vector) {
        if (vector) {
            VectorLanes.dotsTransposed(w, columns, from, to, x, xBase, ldx, count, out, outBase, ldo);
            return;
        }
        float[] lanes = new float[Precision.LANES];
        for (int i = from; i < to; i++) {
            int row = outBase + (i - from) * ldo;
            for (int c = 0; c < count; c++) {
                java.util.Arrays.fill(lanes, 0f);
                for (int j = 0; j < columns; j++) {
                    lanes[j % Precision.LANES] += w[i * columns + j] * x[xBase + j * ldx + c];
                }
                out[row + c] = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
                        + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
            }
        }
    }

    /** {@link BlockedProducts#dot} with x starting at {@code xBase}. */
    private static float dot(float[] w, int base, float[] x, int xBase, int n) {
        float[] lanes = new float[Precision.LANES];
        for (int j = 0; j < n; j++) {
            lanes[j % Precision.LANES] += w[base + j] * x[xBase + j];
        }
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }

    /**
     * c[cBase + r ldc + t] += a[aBase + k lda + r] b[bBase + k ldb + t], k = 0..depth-1 in order,
     * each product and sum in float, for r in {@code from..to-1} and t below {@code width}: the
     * weight gradient (r an output channel, k a position, t a tap) and the error through the
     * kernels (r a position, k an output channel, t a tap) alike.
     */
    public static void accumulate(float[] c, int cBase, int ldc, float[] a, int aBase, int lda, float[] b, int bBase,
                                  int ldb, int from, int to, int width, int depth) {
        accumulate(c, cBase, ldc, a, aBase, lda, b, bBase, ldb, from, to, width, depth, BlockedProducts.VECTOR_API);
    }

    /** {@link #accumulate} with the Vector API ({@code vector}, only where the JVM has it) or with plain loops. */
    public static void accumulate(float[] c, int cBase, int ldc, float[] a, int aBase, int lda, float[] b, int bBase,
                                  int ldb, int from, int to, int width, int depth, boolean vector) {
        if (vector) {
            VectorLanes.accumulate(c, cBase, ldc, a, aBase, lda, b, bBase, ldb, from, to, width, depth);
            return;
        }
        for (int r = from; r < to; r++) {
            int row = cBase + r * ldc;
            for (int k = 0; k < depth; k++) {
                float d = a[aBase + k * lda + r];
                int bk = bBase + k * ldb;
                for (int t = 0; t < width; t++) {
                    c[row + t] += d * b[bk + t];
                }
            }
        }
    }
}
