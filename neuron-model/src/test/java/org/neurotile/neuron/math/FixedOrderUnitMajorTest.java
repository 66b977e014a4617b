package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixed order's products on matrices stored by unit have the bits of the rows-by-example path
 * they replace ({@link Products}' default methods over {@link BlockedProducts}), with and without the
 * Vector API, on float32 values of awkward shapes (columns around the eight lanes and the vector
 * widths; batches below, at and above a block and odd numbers of vectors; some zeros and signed
 * zeros) cut into ranges as threads cut them.
 */
class FixedOrderUnitMajorTest {
    private static final int[] COLUMNS = {1, 7, 8, 9, 31, 33, 784};
    private static final int[] ROWS = {1, 10, 31, 400};
    private static final int[] COUNTS = {1, 2, 13, 16, 32, 33, 48, 64};

    /** Products whose float methods are the interface's defaults: rows by example, then back. */
    private static Products rowsByExample(boolean vector) {
        return new Products() {
            @Override
            public void dots(Weights w, int columns, int from, int to, double[][] x, int count, double[][] out) {
                BlockedProducts.dots(w, columns, from, to, x, count, out, vector);
            }

            @Override
            public void transposedProducts(Weights w, int rows, int columns, int from, int to, double[][] delta,
                                           int count, double[][] out) {
                BlockedProducts.transposedProducts(w, rows, columns, from, to, delta, count, out, vector);
            }

            @Override
            public void addOuterProducts(float[] g, double[] gb, int columns, int from, int to, double[][] delta,
                                         double[][] x, int count) {
                BlockedProducts.addOuterProducts(g, gb, columns, from, to, delta, x, count);
            }

            @Override
            public boolean fixedOrder() {
                return true;
            }

            @Override
            public String implementation() {
                return "rows by example";
            }
        };
    }

    private static float value(SplittableRandom random) {
        int kind = random.nextInt(16);
        if (kind == 0) {
            return 0f;
        }
        if (kind == 1) {
            return -0f;
        }
        return (float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(-8, 4)));
    }

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = value(random);
        }
        return v;
    }

    /** Three ranges of 0..n-1 as three threads would take them (some empty when n is small). */
    private static int[] cuts(int n) {
        return new int[] {0, n / 3, (2 * n) / 3, n};
    }

    private static void assertSameBits(float[] expected, float[] actual, String where) {
        for (int k = 0; k < expected.length; k++) {
            if (Float.floatToRawIntBits(expected[k]) != Float.floatToRawIntBits(actual[k])) {
                assertEquals(expected[k], actual[k], where + ", element " + k + " differs in its bits");
                assertEquals(Float.floatToRawIntBits(expected[k]), Float.floatToRawIntBits(actual[k]),
                        where + ", element " + k + " differs in its bits");
            }
        }
    }

    @Test
    void theTestsRunTheVectorApiKernels() {
        assertTrue(BlockedProducts.VECTOR_API, "surefire adds the incubating module");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void dotsHaveTheBitsOfTheRowsByExamplePath(boolean vector) {
        SplittableRandom random = new SplittableRandom(21);
        for (int columns : COLUMNS) {
            for (int rows : ROWS) {
                for (int count : COUNTS) {
                    Weights w = Weights.of(Precision.FLOAT32, toDoubles(values(random, rows * columns)));
                    float[] x = values(random, columns * count);
                    float[] expected = values(random, rows * count);
                    float[] actual = expected.clone();
                    int[] cuts = cuts(rows);
                    for (int k = 0; k < 3; k++) {
                        rowsByExample(vector).dots(w, columns, rows, cuts[k], cuts[k + 1], x, count, expected);
                        UnitMajorProducts.dots(single(w), columns, cuts[k], cuts[k + 1], x, count, actual,
                                vector && BlockedProducts.VECTOR_API);
                    }
                    assertSameBits(expected, actual, shape(vector, rows, columns, count));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void transposedProductsHaveTheBitsOfTheRowsByExamplePath(boolean vector) {
        SplittableRandom random = new SplittableRandom(22);
        for (int columns : COLUMNS) {
            for (int rows : ROWS) {
                for (int count : COUNTS) {
                    Weights w = Weights.of(Precision.FLOAT32, toDoubles(values(random, rows * columns)));
                    float[] delta = values(random, rows * count);
                    float[] expected = values(random, columns * count);
                    float[] actual = expected.clone();
                    int[] cuts = cuts(columns);
                    for (int k = 0; k < 3; k++) {
                        rowsByExample(vector).transposedProducts(w, rows, columns, cuts[k], cuts[k + 1], delta,
                                count, expected);
                        UnitMajorProducts.transposedProducts(single(w), rows, columns, cuts[k], cuts[k + 1], delta,
                                count, actual, vector && BlockedProducts.VECTOR_API);
                    }
                    assertSameBits(expected, actual, shape(vector, rows, columns, count));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void outerProductsAddToTheSumsWithTheBitsOfTheRowsByExamplePath(boolean vector) {
        SplittableRandom random = new SplittableRandom(23);
        for (int columns : COLUMNS) {
            for (int rows : ROWS) {
                for (int count : COUNTS) {
                    float[] delta = values(random, rows * count);
                    float[] x = values(random, columns * count);
                    float[] expected = values(random, rows * columns);
                    float[] actual = expected.clone();
                    double[] expectedBias = toDoubles(values(random, rows));
                    double[] actualBias = expectedBias.clone();
                    int[] cuts = cuts(rows);
                    for (int k = 0; k < 3; k++) {
                        rowsByExample(vector).addOuterProducts(expected, expectedBias, columns, rows, cuts[k],
                                cuts[k + 1], delta, x, count);
                        UnitMajorProducts.addOuterProducts(actual, actualBias, columns, cuts[k], cuts[k + 1], delta,
                                x, count, vector && BlockedProducts.VECTOR_API);
                    }
                    assertSameBits(expected, actual, shape(vector, rows, columns, count));
                    for (int i = 0; i < rows; i++) {
                        assertEquals(Double.doubleToRawLongBits(expectedBias[i]),
                                Double.doubleToRawLongBits(actualBias[i]),
                                shape(vector, rows, columns, count) + ", bias " + i);
                    }
                }
            }
        }
    }

    @Test
    void theFixedOrderTakesTheUnitMajorKernelsWithTheDefaultPathsBits() {
        SplittableRandom random = new SplittableRandom(24);
        int rows = 31, columns = 33, count = 13;
        Weights w = Weights.of(Precision.FLOAT32, toDoubles(values(random, rows * columns)));
        float[] x = values(random, columns * count);
        float[] expected = new float[rows * count];
        float[] actual = new float[rows * count];
        rowsByExample(BlockedProducts.VECTOR_API).dots(w, columns, rows, 0, rows, x, count, expected);
        Products.FIXED_ORDER.dots(w, columns, rows, 0, rows, x, count, actual);
        assertSameBits(expected, actual, "Products.FIXED_ORDER");
    }

    private static float[] single(Weights w) {
        return ((Weights.Single) w).w();
    }

    private static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            doubles[k] = values[k];
        }
        return doubles;
    }

    private static String shape(boolean vector, int rows, int columns, int count) {
        return (vector ? "Vector API" : "plain loops") + ", rows " + rows + ", columns " + columns + ", count "
                + count;
    }
}
