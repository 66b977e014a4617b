package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BLAS products compute what the fixed-order ones compute, up to float32 rounding in another
 * order: on random float32 data, one example and a batch, whole and split into ranges of rows.
 * Both the BLAS that loads here (the system's where one is installed) and netlib's Java fallback.
 */
class BlasProductsTest {
    private static final Products BLAS = BlasProducts.load();

    static List<Products> blases() {
        return List.of(BLAS, BlasProducts.javaBlas());
    }
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 7, 2}, {5, 8, 1}, {17, 29, 31}, {40, 100, 32}, {9, 65, 70}};

    private static double[] floats(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) random.nextGaussian();
        }
        return v;
    }

    private static double[][] floats(SplittableRandom random, int count, int n) {
        double[][] v = new double[count][];
        for (int m = 0; m < count; m++) {
            v[m] = floats(random, n);
        }
        return v;
    }

    /** Within a few float32 units of a sum of n unit-scale products. */
    private static void assertClose(double expected, double actual, int n, String where) {
        assertEquals(expected, actual, 1e-6 * n + 1e-6, where);
    }

    @Test
    void saysWhatComputesTheProductsAndThatTheirOrderIsNotFixed() {
        assertFalse(BLAS.fixedOrder());
        assertTrue(Products.FIXED_ORDER.fixedOrder());
        String what = BLAS.implementation();
        assertTrue(what.startsWith("native BLAS /") || what.contains("no native BLAS loaded"), what);
        assertTrue(BlasProducts.javaBlas().implementation().contains("no native BLAS loaded; Debian: apt-get install "
                + "libopenblas0"), "the fallback says what to install");
    }

    @ParameterizedTest
    @MethodSource("blases")
    void dotsAgreeWithTheFixedOrder(Products blas) {
        SplittableRandom random = new SplittableRandom(1);
        for (int[] shape : SHAPES) {
            int rows = shape[0], columns = shape[1], count = shape[2];
            Weights w = Weights.of(Precision.FLOAT32, floats(random, rows * columns));
            double[][] x = floats(random, count, columns);
            double[][] expected = new double[count][rows];
            double[][] actual = new double[count][rows];
            Products.FIXED_ORDER.dots(w, columns, 0, rows, x, count, expected);
            blas.dots(w, columns, 0, rows / 2, x, count, actual);
            blas.dots(w, columns, rows / 2, rows, x, count, actual);
            for (int m = 0; m < count; m++) {
                for (int i = 0; i < rows; i++) {
                    assertClose(expected[m][i], actual[m][i], columns, "example " + m + ", row " + i);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("blases")
    void transposedProductsAgreeWithTheFixedOrder(Products blas) {
        SplittableRandom random = new SplittableRandom(2);
        for (int[] shape : SHAPES) {
            int rows = shape[0], columns = shape[1], count = shape[2];
            Weights w = Weights.of(Precision.FLOAT32, floats(random, rows * columns));
            double[][] delta = floats(random, count, rows);
            double[][] expected = new double[count][columns];
            double[][] actual = new double[count][columns];
            Products.FIXED_ORDER.transposedProducts(w, rows, columns, 0, columns, delta, count, expected);
            blas.transposedProducts(w, rows, columns, 0, columns / 2, delta, count, actual);
            blas.transposedProducts(w, rows, columns, columns / 2, columns, delta, count, actual);
            for (int m = 0; m < count; m++) {
                for (int j = 0; j < columns; j++) {
                    assertClose(expected[m][j], actual[m][j], rows, "example " + m + ", column " + j);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("blases")
    void outerProductsAddToTheSumsAsTheFixedOrderDoes(Products blas) {
        SplittableRandom random = new SplittableRandom(3);
        for (int[] shape : SHAPES) {
            int rows = shape[0], columns = shape[1], count = shape[2];
            double[][] delta = floats(random, count, rows);
            double[][] x = floats(random, count, columns);
            double[] start = floats(random, rows * columns);
            float[] expected = new float[start.length];
            float[] actual = new float[start.length];
            for (int k = 0; k < start.length; k++) {
                expected[k] = (float) start[k];
                actual[k] = (float) start[k];
            }
            double[] expectedBias = floats(random, rows);
            double[] actualBias = expectedBias.clone();
            Products.FIXED_ORDER.addOuterProducts(expected, expectedBias, columns, 0, rows, delta, x, count);
            blas.addOuterProducts(actual, actualBias, columns, 0, rows / 2, delta, x, count);
            blas.addOuterProducts(actual, actualBias, columns, rows / 2, rows, delta, x, count);
            for (int k = 0; k < start.length; k++) {
                assertClose(expected[k], actual[k], count, "weight " + k);
            }
            for (int i = 0; i < rows; i++) {
                assertEquals(expectedBias[i], actualBias[i], "bias " + i + " is summed in the examples' order");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("blases")
    void scaledOuterProductsScaleTheTargetAndAddTheScaledSums(Products blas) {
        SplittableRandom random = new SplittableRandom(4);
        for (int[] shape : SHAPES) {
            int rows = shape[0], columns = shape[1], count = shape[2];
            float[] delta = toFloats(floats(random, rows * count)); // by unit: delta[i count + m]
            float[] x = toFloats(floats(random, columns * count));
            float[] target = toFloats(floats(random, rows * columns));
            float[] actual = target.clone();
            float beta = 0.9f, alpha = -0.25f;
            blas.scaledOuterProducts(actual, beta, alpha, columns, 0, rows / 2, delta, x, count);
            blas.scaledOuterProducts(actual, beta, alpha, columns, rows / 2, rows, delta, x, count);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    double sum = 0;
                    for (int m = 0; m < count; m++) {
                        sum += (double) delta[i * count + m] * x[j * count + m];
                    }
                    int k = i * columns + j;
                    assertClose(beta * (double) target[k] + alpha * sum, actual[k], count, "weight " + k);
                }
            }
        }
    }

    private static float[] toFloats(double[] values) {
        float[] result = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            result[k] = (float) values[k];
        }
        return result;
    }
}
