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
            for (; m < count; m++) {
                out[start + m][i] = dot(w, base, x[m], columns, lanes);
            }
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
        sums.intoArray(lanes, 0);
        for (int j = full; j < n; j++) {
            lanes[j - full] += w[base + j] * x[j];
        }
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }
}
