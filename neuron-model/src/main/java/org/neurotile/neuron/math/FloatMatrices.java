package org.neurotile.neuron.math;

/** Float32 matrices stored row-major by example (row m of a count x n matrix at m n), and their double rows. */
final class FloatMatrices {
    private FloatMatrices() {
    }

    /** The matrix's rows as float64 arrays. */
    static double[][] toRows(float[] matrix, int count, int n) {
        double[][] rows = new double[count][n];
        for (int m = 0; m < count; m++) {
            double[] row = rows[m];
            int base = m * n;
            for (int j = 0; j < n; j++) {
                row[j] = matrix[base + j];
            }
        }
        return rows;
    }

    /** Columns {@code from..to-1} of the rows into the matrix (count x n). */
    static void fromRows(double[][] rows, int count, int n, int from, int to, float[] matrix) {
        for (int m = 0; m < count; m++) {
            double[] row = rows[m];
            int base = m * n;
            for (int j = from; j < to; j++) {
                matrix[base + j] = (float) row[j];
            }
        }
    }
}
