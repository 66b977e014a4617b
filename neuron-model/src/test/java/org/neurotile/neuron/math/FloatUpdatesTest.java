package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The float updates give the bits of the documented step, every result computed in double and
 * rounded to float32, for lengths that are and are not whole vectors and from an offset, on values
 * over many binades with zeros and signed zeros.
 */
class FloatUpdatesTest {
    private static final double MU = 0.9;
    private static final double RATE = 0.0123;

    private static float value(SplittableRandom random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return 0f;
        }
        if (kind == 1) {
            return -0f;
        }
        return (float) (random.nextGaussian() * Math.scalb(1.0, random.nextInt(-12, 6)));
    }

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = value(random);
        }
        return v;
    }

    private static float[] positive(SplittableRandom random, int n) {
        float[] v = values(random, n);
        for (int k = 0; k < n; k++) {
            v[k] = Math.abs(v[k]);
        }
        return v;
    }

    private static double r(double value) {
        return (float) value;
    }

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Float.floatToRawIntBits(expected[k]), Float.floatToRawIntBits(actual[k]),
                    what + " " + k + ": " + expected[k] + " vs " + actual[k]);
        }
    }

    @Property(tries = 60)
    void productsAreTheRoundedProducts(@ForAll @IntRange(min = 0, max = 70) int n, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float d = value(random);
        float[] x = values(random, n);
        float[] g = new float[n];
        FloatUpdates.products(g, d, x, n);
        float[] expected = new float[n];
        for (int j = 0; j < n; j++) {
            expected[j] = (float) r((double) d * x[j]);
        }
        assertSameBits(expected, g, "g");
    }

    @Property(tries = 60)
    void momentumRoundsEveryResult(@ForAll @IntRange(min = 0, max = 70) int n,
                                   @ForAll @IntRange(min = 0, max = 9) int base, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] w = values(random, base + n);
        float[] v = values(random, base + n);
        float[] g = values(random, n);
        float[] wExpected = w.clone();
        float[] vExpected = v.clone();
        for (int j = 0; j < n; j++) {
            int k = base + j;
            vExpected[k] = (float) r(r(r(MU) * vExpected[k]) + g[j]);
            wExpected[k] = (float) r(wExpected[k] - r(r(RATE) * vExpected[k]));
        }
        FloatUpdates.momentum(w, v, base, g, n, (float) MU, (float) RATE);
        assertSameBits(vExpected, v, "v");
        assertSameBits(wExpected, w, "w");
    }

    @Property(tries = 60)
    void splitMomentumRoundsEveryResult(@ForAll @IntRange(min = 0, max = 70) int n,
                                        @ForAll @IntRange(min = 0, max = 9) int base, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double gamma = r(0.3);
        double rest = r(1 - gamma);
        float[] w = values(random, base + n);
        float[] vBp = values(random, base + n);
        float[] vDfa = values(random, base + n);
        float[] g = values(random, n);
        float[] wExpected = w.clone();
        float[] vExpected = vDfa.clone();
        for (int j = 0; j < n; j++) {
            int k = base + j;
            vExpected[k] = (float) r(r(r(MU) * vExpected[k]) + g[j]);
            double direction = r(r(gamma * vExpected[k]) + r(rest * vBp[k]));
            wExpected[k] = (float) r(wExpected[k] - r(r(RATE) * direction));
        }
        FloatUpdates.splitMomentum(w, vBp, vDfa, base, g, n, (float) MU, (float) RATE, (float) gamma, (float) rest);
        assertSameBits(vExpected, vDfa, "v_dfa");
        assertSameBits(wExpected, w, "w");
    }

    @Property(tries = 60)
    void adamRoundsEveryResult(@ForAll @IntRange(min = 0, max = 70) int n,
                               @ForAll @IntRange(min = 0, max = 9) int base, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double b1 = r(0.9);
        double b2 = r(0.999);
        double c1 = r(1 - b1);
        double c2 = r(1 - b2);
        double eps = r(1e-8);
        float[] w = values(random, base + n);
        float[] m = values(random, base + n);
        float[] v = positive(random, base + n);
        float[] g = values(random, n);
        float[] wExpected = w.clone();
        float[] mExpected = m.clone();
        float[] vExpected = v.clone();
        for (int j = 0; j < n; j++) {
            int k = base + j;
            mExpected[k] = (float) r(r(b1 * mExpected[k]) + r(c1 * g[j]));
            vExpected[k] = (float) r(r(b2 * vExpected[k]) + r(c2 * r((double) g[j] * g[j])));
            double change = r(r(RATE) * r(mExpected[k] / r(r(Math.sqrt(vExpected[k])) + eps)));
            wExpected[k] = (float) r(wExpected[k] - change);
        }
        FloatUpdates.adam(w, m, v, base, g, n, (float) b1, (float) b2, (float) c1, (float) c2, (float) eps,
                (float) RATE);
        assertSameBits(mExpected, m, "m");
        assertSameBits(vExpected, v, "v");
        assertSameBits(wExpected, w, "w");
    }
}
