package org.neurotile.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The minibatch forward product with the JDK's Vector API (incubating on Java 17): a 256-bit float
 * vector holds exactly the eight lanes of the documented summation order (lane q sums the columns
 * j = q mod 8), so the products and sums are those of the per-example loops; one row against four
 * examples at a time, so each weight vector is loaded once per four examples.
 */
final class VectorDots {
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_256;

    private VectorDots() {
    }

    /** out[m][i] = the eight-lane dot product of row i of w and x[m], for m below count (a multiple of 4). */
    static void dots(float[] w, int rows, int columns, float[][] x, int count, float[][] out) {
        int full = columns - columns % 8;
        float[] lanes = new float[8];
        for (int i = 0; i < rows; i++) {
            int base = i * columns;
            for (int m = 0; m < count; m += 4) {
                float[] x0 = x[m];
                float[] x1 = x[m + 1];
                float[] x2 = x[m + 2];
                float[] x3 = x[m + 3];
                FloatVector s0 = FloatVector.zero(LANES);
                FloatVector s1 = FloatVector.zero(LANES);
                FloatVector s2 = FloatVector.zero(LANES);
                FloatVector s3 = FloatVector.zero(LANES);
                for (int j = 0; j < full; j += 8) {
                    FloatVector weights = FloatVector.fromArray(LANES, w, base + j);
                    s0 = s0.add(weights.mul(FloatVector.fromArray(LANES, x0, j)));
                    s1 = s1.add(weights.mul(FloatVector.fromArray(LANES, x1, j)));
                    s2 = s2.add(weights.mul(FloatVector.fromArray(LANES, x2, j)));
                    s3 = s3.add(weights.mul(FloatVector.fromArray(LANES, x3, j)));
                }
                out[m][i] = combine(s0, lanes, w, base, x0, full, columns);
                out[m + 1][i] = combine(s1, lanes, w, base, x1, full, columns);
                out[m + 2][i] = combine(s2, lanes, w, base, x2, full, columns);
                out[m + 3][i] = combine(s3, lanes, w, base, x3, full, columns);
            }
        }
    }

    /** The columns past the last full eight into their lanes, then ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)). */
    private static float combine(FloatVector sums, float[] lanes, float[] w, int base, float[] x, int full,
                                 int columns) {
        sums.intoArray(lanes, 0);
        for (int j = full; j < columns; j++) {
            lanes[j - full] += w[base + j] * x[j];
        }
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }
}
