package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The flat products, with the Vector API and with plain loops, give the bits of the plain sums they
 * stand for: the eight-lane dot product of {@link Weights.Single#dot} and the in-order
 * accumulation, on shapes that fill the kernels' blocks and leave every kind of remainder.
 */
class FlatProductsTest {

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextInt(15) == 0 ? 0f : (float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(-12, 6)));
        }
        return v;
    }

    @Property(tries = 60)
    void dotsAreTheEightLaneDotProductsOfWeights(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = 1 + random.nextInt(7);
        int columns = 1 + random.nextInt(40);
        int count = 1 + random.nextInt(11);
        int from = random.nextInt(rows);
        int to = from + 1 + random.nextInt(rows - from);
        int xBase = random.nextInt(5);
        int outBase = random.nextInt(3);
        int ldo = count + random.nextInt(3);
        float[] w = values(random, rows * columns);
        float[] x = values(random, xBase + count * columns);
        double[] weights = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            weights[k] = w[k];
        }
        Weights single = Weights.of(Precision.FLOAT32, weights);
        float[] expected = new float[outBase + (to - from) * ldo];
        for (int i = from; i < to; i++) {
            for (int c = 0; c < count; c++) {
                double[] column = new double[columns];
                for (int j = 0; j < columns; j++) {
                    column[j] = x[xBase + c * columns + j];
                }
                expected[outBase + (i - from) * ldo + c] = (float) single.dot(i * columns, column, columns);
            }
        }
        for (boolean vector : new boolean[] {true, false}) {
            float[] out = new float[expected.length];
            FlatProducts.dots(w, columns, from, to, x, xBase, count, out, outBase, ldo, vector);
            assertArrayEquals(expected, out, "vector " + vector);
        }
    }

    @Property(tries = 60)
    void transposedDotsAreTheEightLaneDotProductsOfWeights(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = 1 + random.nextInt(5);
        int columns = 1 + random.nextInt(40);
        int count = 1 + random.nextInt(27);
        int from = random.nextInt(rows);
        int to = from + 1 + random.nextInt(rows - from);
        int xBase = random.nextInt(5);
        int ldx = count + random.nextInt(4);
        int outBase = random.nextInt(3);
        int ldo = count + random.nextInt(3);
        float[] w = values(random, rows * columns);
        float[] x = values(random, xBase + columns * ldx);
        double[] weights = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            weights[k] = w[k];
        }
        Weights single = Weights.of(Precision.FLOAT32, weights);
        float[] expected = new float[outBase + (to - from) * ldo];
        for (int i = from; i < to; i++) {
            for (int c = 0; c < count; c++) {
                double[] column = new double[columns];
                for (int j = 0; j < columns; j++) {
                    column[j] = x[xBase + j * ldx + c];
                }
                expected[outBase + (i - from) * ldo + c] = (float) single.dot(i * columns, column, columns);
            }
        }
        for (boolean vector : new boolean[] {true, false}) {
            float[] out = new float[expected.length];
            FlatProducts.dotsTransposed(w, columns, from, to, x, xBase, ldx, count, out, outBase, ldo, vector);
            assertArrayEquals(expected, out, "vector " + vector);
        }
    }

    @Property(tries = 60)
    void accumulateAddsEachProductInOrder(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = 1 + random.nextInt(13);
        int width = 1 + random.nextInt(40);
        int depth = 1 + random.nextInt(30);
        int from = random.nextInt(rows);
        int to = from + 1 + random.nextInt(rows - from);
        int lda = rows + random.nextInt(3);
        int ldb = width + random.nextInt(3);
        int ldc = width + random.nextInt(3);
        int aBase = random.nextInt(4);
        int bBase = random.nextInt(4);
        int cBase = random.nextInt(4);
        float[] a = values(random, aBase + depth * lda);
        float[] b = values(random, bBase + depth * ldb);
        float[] start = values(random, cBase + rows * ldc);
        float[] expected = start.clone();
        for (int r = from; r < to; r++) {
            for (int t = 0; t < width; t++) {
                float sum = expected[cBase + r * ldc + t];
                for (int k = 0; k < depth; k++) {
                    sum = (float) (sum + (double) (float) ((double) a[aBase + k * lda + r] * b[bBase + k * ldb + t]));
                }
                expected[cBase + r * ldc + t] = sum;
            }
        }
        for (boolean vector : new boolean[] {true, false}) {
            float[] c = start.clone();
            FlatProducts.accumulate(c, cBase, ldc, a, aBase, lda, b, bBase, ldb, from, to, width, depth, vector);
            assertArrayEquals(expected, c, "vector " + vector);
        }
    }
}
