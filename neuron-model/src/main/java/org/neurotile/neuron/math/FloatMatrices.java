package org.neurotile.neuron.math;

/**
 * Float32 matrices of a batch stored by unit (the {@code count} values of unit j at j count, as
 * {@link Products}' float methods take them), and their rows by example as float64 arrays.
 */
final class FloatMatrices {
    private FloatMatrices() {
    }

    /** Each example's n values as a float64 array. */
    static double[][] toRows(float[] matrix, int count, int n) {
        double[][] rows = new double[count][n];
        for (int j = 0; j < n; j++) {
            int base = j * count;
            for (int m = 0; m < count; m++) {
                rows[m][j] = matrix[base + m];
            }
        }
        return rows;
    }

    /** Units {@code from..to-1} of the examples' rows into the matrix. */
    static void fromRows(double[][] rows, int count, int from, int to, float[] matrix) {
        for (int j = from; j < to; j++) {
            int base = j * count;
            for (int m = 0; m < count; m++) {
                matrix[base + m] = (float) rows[m][j];
            }
        }
    }
}
