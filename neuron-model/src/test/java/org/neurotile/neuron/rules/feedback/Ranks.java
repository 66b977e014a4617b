package org.neurotile.neuron.rules.feedback;

/** Numerical rank by Gaussian elimination with full pivoting. */
final class Ranks {
    private Ranks() {
    }

    /** The rank of a row-major {@code rows x columns} matrix: pivots above 1e-9 times the largest entry. */
    static int of(double[] matrix, int rows, int columns) {
        double[][] a = new double[rows][columns];
        double largest = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                a[r][c] = matrix[r * columns + c];
                largest = Math.max(largest, Math.abs(a[r][c]));
            }
        }
        double tolerance = 1e-9 * Math.max(largest, Double.MIN_NORMAL);
        int rank = 0;
        boolean[] usedRow = new boolean[rows];
        boolean[] usedColumn = new boolean[columns];
        while (rank < Math.min(rows, columns)) {
            int pr = -1;
            int pc = -1;
            double best = tolerance;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (!usedRow[r] && !usedColumn[c] && Math.abs(a[r][c]) > best) {
                        best = Math.abs(a[r][c]);
                        pr = r;
                        pc = c;
                    }
                }
            }
            if (pr < 0) {
                break;
            }
            usedRow[pr] = true;
            usedColumn[pc] = true;
            for (int r = 0; r < rows; r++) {
                if (!usedRow[r]) {
                    double factor = a[r][pc] / a[pr][pc];
                    for (int c = 0; c < columns; c++) {
                        a[r][c] -= factor * a[pr][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
