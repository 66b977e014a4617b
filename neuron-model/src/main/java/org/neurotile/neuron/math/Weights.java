package org.neurotile.neuron.math;

/**
 * A layer's weight matrix, row-major, stored in its precision: float32 weights take four bytes
 * each, which halves the memory traffic of a step on large layers. The kernels follow
 * {@link Precision}: eight-lane dot products, every product and sum rounded to the precision.
 */
public sealed interface Weights permits Weights.Single, Weights.Double {

    static Weights of(Precision precision, double[] values) {
        return precision == Precision.FLOAT32 ? Single.of(values) : new Double(values.clone());
    }

    /** Like {@link #of}, but float64 values are used in place rather than copied (read-only use). */
    static Weights view(Precision precision, double[] values) {
        return precision == Precision.FLOAT32 ? Single.of(values) : new Double(values);
    }

    public int length();

    public double get(int k);

    public void set(int k, double value);

    /** sum over j < n of w[base + j] * x[j], in {@link Precision#LANES} lanes. */
    public double dot(int base, double[] x, int n);

    /** y[j] += a * w[base + j] for j < n. */
    public void addScaledTo(double[] y, double a, int base, int n);

    /** w[base + j] -= a * x[j] for j < n. */
    public void subtractScaled(int base, double a, double[] x, int n);

    /** As {@link #subtractScaled}, each weight that changes stored in {@code q}'s weight format. */
    public void subtractScaled(int base, double a, double[] x, int n, Quantization q);

    public double[] toDoubles();

    Weights copy();

    /** float32 storage; products are formed in double (exact for float32 operands) and rounded once. */
    record Single(float[] w) implements Weights {
        static Single of(double[] values) {
            float[] w = new float[values.length];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) values[k];
            }
            return new Single(w);
        }

        @Override
        public int length() {
            return w.length;
        }

        @Override
        public double get(int k) {
            return w[k];
        }

        @Override
        public void set(int k, double value) {
            w[k] = (float) value;
        }

        @Override
        public double dot(int base, double[] x, int n) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int j = 0;
            for (; j + Precision.LANES <= n; j += Precision.LANES) {
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
        public void addScaledTo(double[] y, double a, int base, int n) {
            for (int j = 0; j < n; j++) {
                y[j] = (float) (y[j] + (double) (float) (a * w[base + j]));
            }
        }

        @Override
        public void subtractScaled(int base, double a, double[] x, int n) {
            for (int j = 0; j < n; j++) {
                w[base + j] = (float) (w[base + j] - (double) (float) (a * x[j]));
            }
        }

        @Override
        public void subtractScaled(int base, double a, double[] x, int n, Quantization q) {
            if (q.formats().weights() instanceof FixedPoint fixed) {
                FixedPointUpdates.subtractScaled(w, base, a, x, n, fixed, q.noise());
                return;
            }
            for (int j = 0; j < n; j++) {
                double change = (float) (a * x[j]);
                if (change != 0) {
                    w[base + j] = (float) q.weight((float) (w[base + j] - change));
                }
            }
        }

        @Override
        public double[] toDoubles() {
            double[] values = new double[w.length];
            for (int k = 0; k < w.length; k++) {
                values[k] = w[k];
            }
            return values;
        }

        @Override
        public Weights copy() {
            return new Single(w.clone());
        }
    }

    /** float64 storage. */
    record Double(double[] w) implements Weights {
        @Override
        public int length() {
            return w.length;
        }

        @Override
        public double get(int k) {
            return w[k];
        }

        @Override
        public void set(int k, double value) {
            w[k] = value;
        }

        @Override
        public double dot(int base, double[] x, int n) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int j = 0;
            for (; j + Precision.LANES <= n; j += Precision.LANES) {
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
        public void addScaledTo(double[] y, double a, int base, int n) {
            for (int j = 0; j < n; j++) {
                y[j] += a * w[base + j];
            }
        }

        @Override
        public void subtractScaled(int base, double a, double[] x, int n) {
            for (int j = 0; j < n; j++) {
                w[base + j] -= a * x[j];
            }
        }

        @Override
        public void subtractScaled(int base, double a, double[] x, int n, Quantization q) {
            for (int j = 0; j < n; j++) {
                double change = a * x[j];
                if (change != 0) {
                    w[base + j] = q.weight(w[base + j] - change);
                }
            }
        }

        @Override
        public double[] toDoubles() {
            return w.clone();
        }

        @Override
        public Weights copy() {
            return new Double(w.clone());
        }
    }
}
