package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The blocked products give the bits of the per-example loops of {@link Weights} on random data:
 * shapes with columns that are not a multiple of the lanes, batches below and above a block, values
 * over many binades with zeros and signed zeros.
 */
class BlockedProductsTest {
    // the last: short rows with enough work for the vector kernels (BlockedProducts.SMALL_PRODUCT_MACS)
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 7, 2}, {5, 8, 33}, {17, 29, 31}, {40, 100, 32}, {9, 65, 70},
        {27000, 10, 9}};

    private static double value(SplittableRandom random, Precision p) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return 0.0;
        }
        if (kind == 1) {
            return -0.0;
        }
        return p.round(random.nextGaussian() * Math.scalb(1.0, random.nextInt(-12, 6)));
    }

    private static double[] values(SplittableRandom random, Precision p, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = value(random, p);
        }
        return v;
    }

    private static double[][] values(SplittableRandom random, Precision p, int count, int n) {
        double[][] v = new double[count][];
        for (int m = 0; m < count; m++) {
            v[m] = values(random, p, n);
        }
        return v;
    }

    private static void assertSameBits(double expected, double actual, String where) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                where + ": " + expected + " vs " + actual);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void dotsOfABatchHaveTheBitsOfOneDotPerExample(Precision p) {
        SplittableRandom random = new SplittableRandom(11);
        for (int[] shape : SHAPES) {
            int rows = shape[0], columns = shape[1], count = shape[2];
            Weights w = Weights.of(p, values(random, p, rows * columns));
            double[][] x = values(random, p, count, columns);
            for (boolean vector : new boolean[] {false, BlockedProducts.VECTOR_API}) {
                double[][] out = new double[count][rows];
                BlockedProducts.dots(w, columns, 0, rows, x, count, out, vector);
                for (int m = 0; m < count; m++) {
                    for (int i = 0; i < rows; i++) {
                        assertSameBits(w.dot(i * columns, x[m], columns), out[m][i],
                                (vector ? "vector lanes, " : "") + "example " + m + " row " + i);
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theTestsRunTheVectorApiKernels() {
        org.junit.jupiter.api.Assertions.assertTrue(BlockedProducts.VECTOR_API, "surefire adds the incubating module");
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void dotsOfARangeOfRowsLeaveTheOtherRows(Precision p) {
        SplittableRandom random = new SplittableRandom(12);
        Weights w = Weights.of(p, values(random, p, 6 * 9));
        double[][] x = values(random, p, 3, 9);
        double[][] out = new double[3][6];
        BlockedProducts.dots(w, 9, 2, 5, x, 3, out);
        for (int m = 0; m < 3; m++) {
            for (int i = 0; i < 6; i++) {
                assertSameBits(i >= 2 && i < 5 ? w.dot(i * 9, x[m], 9) : 0.0, out[m][i], "row " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void dotsOfOneExampleHaveTheBitsOfWeightsDot(Precision p) {
        SplittableRandom random = new SplittableRandom(17);
        for (int[] shape : SHAPES) {
            int rows = shape[0] * shape[2], columns = shape[1];
            double[] w = values(random, p, rows * columns);
            double[] x = values(random, p, columns);
            double[] out = new double[rows];
            BlockedProducts.dotsOfOne(w, rows, columns, x, out, p);
            Weights weights = Weights.of(p, w);
            for (int i = 0; i < rows; i++) {
                assertSameBits(weights.dot(i * columns, x, columns), out[i], "row " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void transposedProductsHaveTheBitsOfAddScaledToRowByRow(Precision p) {
        SplittableRandom random = new SplittableRandom(13);
        for (int[] shape : SHAPES) {
            int rows = shape[0], columns = shape[1], count = shape[2];
            Weights w = Weights.of(p, values(random, p, rows * columns));
            double[][] delta = values(random, p, count, rows);
            for (boolean vector : new boolean[] {true, false}) {
                double[][] out = new double[count][columns];
                int split = columns / 3; // two column ranges, as two threads would compute them
                BlockedProducts.transposedProducts(w, rows, columns, 0, split, delta, count, out, vector);
                BlockedProducts.transposedProducts(w, rows, columns, split, columns, delta, count, out, vector);
                for (int m = 0; m < count; m++) {
                    double[] expected = new double[columns];
                    for (int i = 0; i < rows; i++) {
                        w.addScaledTo(expected, delta[m][i], i * columns, columns);
                    }
                    for (int j = 0; j < columns; j++) {
                        assertSameBits(expected[j], out[m][j], "example " + m + " column " + j + " vector " + vector);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void outerProductsHaveTheBitsOfTheExamplesAddedOneByOne(Precision p) {
        SplittableRandom random = new SplittableRandom(14);
        for (int[] shape : SHAPES) {
            int rows = shape[0], columns = shape[1], count = shape[2];
            double[][] delta = values(random, p, count, rows);
            double[][] x = values(random, p, count, columns);
            double[] start = values(random, p, rows * columns);
            double[] startBias = values(random, p, rows);
            double[] expected = start.clone();
            double[] expectedBias = startBias.clone();
            for (int m = 0; m < count; m++) {
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < columns; j++) {
                        int k = i * columns + j;
                        expected[k] = p.round(expected[k] + p.round(delta[m][i] * x[m][j]));
                    }
                    expectedBias[i] = p.round(expectedBias[i] + delta[m][i]);
                }
            }
            double[] g = start.clone();
            double[] gb = startBias.clone();
            BlockedProducts.addOuterProducts(g, gb, columns, 0, rows / 2, delta, x, count, p);
            BlockedProducts.addOuterProducts(g, gb, columns, rows / 2, rows, delta, x, count, p);
            for (int k = 0; k < g.length; k++) {
                assertSameBits(expected[k], g[k], "weight " + k);
            }
            for (int i = 0; i < rows; i++) {
                assertSameBits(expectedBias[i], gb[i], "bias " + i);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void float32SumsHaveTheBitsOfTheFloat64HeldSums() {
        Precision p = Precision.FLOAT32;
        SplittableRandom random = new SplittableRandom(16);
        for (int[] shape : SHAPES) {
            int rows = shape[0], columns = shape[1], count = shape[2];
            double[][] delta = values(random, p, count, rows);
            double[][] x = values(random, p, count, columns);
            double[] expected = values(random, p, rows * columns);
            double[] expectedBias = values(random, p, rows);
            float[] g = new float[expected.length];
            for (int k = 0; k < g.length; k++) {
                g[k] = (float) expected[k];
            }
            double[] gb = expectedBias.clone();
            BlockedProducts.addOuterProducts(expected, expectedBias, columns, 0, rows, delta, x, count, p);
            BlockedProducts.addOuterProducts(g, gb, columns, 0, rows / 2, delta, x, count);
            BlockedProducts.addOuterProducts(g, gb, columns, rows / 2, rows, delta, x, count);
            for (int k = 0; k < g.length; k++) {
                assertSameBits(expected[k], g[k], "weight " + k);
            }
            for (int i = 0; i < rows; i++) {
                assertSameBits(expectedBias[i], gb[i], "bias " + i);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void floatDotsAndUpdatesHaveTheBitsOfTheFloat32Weights() {
        SplittableRandom random = new SplittableRandom(15);
        for (int[] shape : SHAPES) {
            int columns = shape[1];
            double[] start = values(random, Precision.FLOAT32, columns);
            double[] x = values(random, Precision.FLOAT32, columns);
            double a = value(random, Precision.FLOAT32);
            Weights expected = Weights.of(Precision.FLOAT32, start);
            assertSameBits(expected.dot(0, x, columns),
                    BlockedProducts.dot(BlockedProducts.floats(start, columns), 0, BlockedProducts.floats(x, columns),
                            columns), "the dot product");
            expected.subtractScaled(0, a, x, columns);
            float[] whole = BlockedProducts.floats(start, columns);
            FloatUpdates.subtractScaled(whole, (float) a, BlockedProducts.floats(x, columns), 0, columns);
            float[] rows = new float[3 * columns]; // the middle row updated, the others left alone
            System.arraycopy(BlockedProducts.floats(start, columns), 0, rows, columns, columns);
            java.util.Arrays.fill(rows, 0, columns, 7f);
            java.util.Arrays.fill(rows, 2 * columns, 3 * columns, 7f);
            BlockedProducts.subtractScaled(rows, columns, (float) a, BlockedProducts.floats(x, columns), columns,
                    new float[columns]);
            for (int j = 0; j < columns; j++) {
                assertSameBits(expected.get(j), whole[j], "weight " + j);
                assertSameBits(expected.get(j), rows[columns + j], "weight " + j + " of a row");
                assertSameBits(7f, rows[j], "the row above");
                assertSameBits(7f, rows[2 * columns + j], "the row below");
            }
        }
    }
}
