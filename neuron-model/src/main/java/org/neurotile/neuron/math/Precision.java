package org.neurotile.neuron.math;

import java.util.Locale;
import org.neurotile.sim.InvalidInputException;

/**
 * The number format of the step's values. FLOAT32 rounds the result of every multiplication,
 * addition and activation to float32, as float32 hardware (or NumPy's float32) would; values are
 * held in double arrays but every one of them is a float32 value. Activations, exp and log are
 * evaluated in float64 and rounded.
 *
 * <p>A dot product sums in {@value #LANES} lanes, as a multiply-accumulate unit with that many
 * accumulators would: lane q adds the products of columns j = q mod {@value #LANES} in order, and the
 * lanes are combined as ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)). The order is fixed, so
 * results are bit-identical run to run; it differs from a left-to-right sum by rounding only.
 *
 * <p>FLOAT32 forms products and updates in double and rounds them, which gives IEEE float32 results
 * exactly: the product of two float32 values is exact in double, and a sum or difference of float32
 * values rounded first to double and then to float equals the float32 sum, since double carries
 * more than twice float's 24 bits plus two (Figueroa, "When is double rounding innocuous?", 1995).
 * On the JVM this is faster than converting each operand to float.
 */
public enum Precision {
    FLOAT32("<f4", "float32") {
        @Override
        public double dot(double[] w, int base, double[] x, int n) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int j = 0;
            for (; j + LANES <= n; j += LANES) {
                s0 += (float) (w[base + j] * x[j]);
                s1 += (float) (w[base + j + 1] * x[j + 1]);
                s2 += (float) (w[base + j + 2] * x[j + 2]);
                s3 += (float) (w[base + j + 3] * x[j + 3]);
                s4 += (float) (w[base + j + 4] * x[j + 4]);
                s5 += (float) (w[base + j + 5] * x[j + 5]);
                s6 += (float) (w[base + j + 6] * x[j + 6]);
                s7 += (float) (w[base + j + 7] * x[j + 7]);
            }
            if (j < n) {
                s0 += (float) (w[base + j] * x[j]);
            }
            if (j + 1 < n) {
                s1 += (float) (w[base + j + 1] * x[j + 1]);
            }
            if (j + 2 < n) {
                s2 += (float) (w[base + j + 2] * x[j + 2]);
            }
            if (j + 3 < n) {
                s3 += (float) (w[base + j + 3] * x[j + 3]);
            }
            if (j + 4 < n) {
                s4 += (float) (w[base + j + 4] * x[j + 4]);
            }
            if (j + 5 < n) {
                s5 += (float) (w[base + j + 5] * x[j + 5]);
            }
            if (j + 6 < n) {
                s6 += (float) (w[base + j + 6] * x[j + 6]);
            }
            return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }

        @Override
        public void axpy(double[] y, double a, double[] x, int base, int n) {
            for (int j = 0; j < n; j++) {
                y[j] = (float) (y[j] + (double) (float) (a * x[base + j]));
            }
        }

        @Override
        public void subtractScaled(double[] y, int base, double a, double[] x, int n) {
            for (int j = 0; j < n; j++) {
                y[base + j] = (float) (y[base + j] - (double) (float) (a * x[j]));
            }
        }
    },
    FLOAT64("<f8", "float64") {
        @Override
        public double dot(double[] w, int base, double[] x, int n) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int j = 0;
            for (; j + LANES <= n; j += LANES) {
                s0 += w[base + j] * x[j];
                s1 += w[base + j + 1] * x[j + 1];
                s2 += w[base + j + 2] * x[j + 2];
                s3 += w[base + j + 3] * x[j + 3];
                s4 += w[base + j + 4] * x[j + 4];
                s5 += w[base + j + 5] * x[j + 5];
                s6 += w[base + j + 6] * x[j + 6];
                s7 += w[base + j + 7] * x[j + 7];
            }
            if (j < n) {
                s0 += w[base + j] * x[j];
            }
            if (j + 1 < n) {
                s1 += w[base + j + 1] * x[j + 1];
            }
            if (j + 2 < n) {
                s2 += w[base + j + 2] * x[j + 2];
            }
            if (j + 3 < n) {
                s3 += w[base + j + 3] * x[j + 3];
            }
            if (j + 4 < n) {
                s4 += w[base + j + 4] * x[j + 4];
            }
            if (j + 5 < n) {
                s5 += w[base + j + 5] * x[j + 5];
            }
            if (j + 6 < n) {
                s6 += w[base + j + 6] * x[j + 6];
            }
            return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }

        @Override
        public void axpy(double[] y, double a, double[] x, int base, int n) {
            for (int j = 0; j < n; j++) {
                y[j] += a * x[base + j];
            }
        }

        @Override
        public void subtractScaled(double[] y, int base, double a, double[] x, int n) {
            for (int j = 0; j < n; j++) {
                y[base + j] -= a * x[j];
            }
        }
    };

    /** The accumulators of a dot product. */
    public static final int LANES = 8;

    private final String dtype;
    private final String numpyName;

    Precision(String dtype, String numpyName) {
        this.dtype = dtype;
        this.numpyName = numpyName;
    }

    public double round(double value) {
        return this == FLOAT32 ? (float) value : value;
    }

    /** sum over j < n of w[base + j] * x[j], in {@value #LANES} lanes (see the class comment). */
    public abstract double dot(double[] w, int base, double[] x, int n);

    /** y[j] += a * x[base + j] for j < n, each product and sum rounded. */
    public abstract void axpy(double[] y, double a, double[] x, int base, int n);

    /** y[base + j] -= a * x[j] for j < n, each product and difference rounded. */
    public abstract void subtractScaled(double[] y, int base, double a, double[] x, int n);

    /** The NumPy dtype string, e.g. {@code <f4}. */
    public String dtype() {
        return dtype;
    }

    public String id() {
        return numpyName;
    }

    public static Precision byName(String name) {
        for (Precision precision : values()) {
            if (precision.id().equals(name.toLowerCase(Locale.ROOT))) {
                return precision;
            }
        }
        throw new InvalidInputException("unknown precision '" + name + "' (valid: float32, float64)");
    }
}
