package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Storing updated weights in a fixed-point format gives the bits of {@link FixedPoint#quantize} for
 * every weight and makes the same draws in the same order, with the Vector API and with plain loops,
 * for lengths that are and are not whole vectors and from an offset; values include the format's
 * ends and beyond, infinities, NaN, signed zeros, ties and tiny values.
 */
class FixedPointUpdatesTest {
    private static final long KEY = 0x5eed;
    private static final boolean[] BOTH = {true, false};

    private static FixedPoint format(SplittableRandom random) {
        int bits = random.nextBoolean() ? 8 : 16;
        return new FixedPoint(bits, random.nextInt(bits), random.nextBoolean() ? Rounding.NEAREST : Rounding.STOCHASTIC);
    }

    /** A value near the format's steps and range, or one of its edge cases. */
    private static float value(SplittableRandom random, FixedPoint format) {
        double step = format.step();
        switch (random.nextInt(16)) {
            case 0:
                return random.nextBoolean() ? 0f : -0f;
            case 1: // a tie between two steps
                return (float) ((random.nextInt(-40, 40) + 0.5) * step);
            case 2: // at or just beyond an end
                return (float) (random.nextBoolean() ? format.max() + random.nextInt(3) * step / 2
                        : format.min() - random.nextInt(3) * step / 2);
            case 3:
                return (float) (random.nextBoolean() ? 1e30 : -1e30) * random.nextInt(1, 4);
            case 4:
                return random.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
            case 5:
                return Float.NaN;
            case 6: // far below a step, of either sign
                return (float) (random.nextGaussian() * step * Math.scalb(1.0, -random.nextInt(1, 60)));
            case 7: // a value of the format
                return (float) (random.nextInt(-128, 128) * step);
            default:
                return (float) (random.nextGaussian() * format.max() * Math.scalb(1.0, -random.nextInt(0, 12)));
        }
    }

    private static float[] values(SplittableRandom random, FixedPoint format, int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = value(random, format);
        }
        return v;
    }

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Float.floatToIntBits(expected[k]), Float.floatToIntBits(actual[k]),
                    what + " " + k + ": " + expected[k] + " vs " + actual[k]);
        }
    }

    /** What the per-weight step stored: each weight of the run quantized in turn. */
    private static float[] quantizedOneByOne(float[] w, int base, int n, FixedPoint format, RoundingNoise noise) {
        float[] expected = w.clone();
        for (int j = 0; j < n; j++) {
            expected[base + j] = (float) format.quantize(w[base + j], noise);
        }
        return expected;
    }

    @Property(tries = 300)
    void quantizeGivesTheFormatsBitsAndDraws(@ForAll @IntRange(min = 0, max = 70) int n,
                                             @ForAll @IntRange(min = 0, max = 9) int base, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FixedPoint format = format(random);
        float[] w = values(random, format, base + n);
        RoundingNoise expectedNoise = new RoundingNoise(KEY);
        float[] expected = quantizedOneByOne(w, base, n, format, expectedNoise);
        for (boolean vector : BOTH) {
            float[] actual = w.clone();
            RoundingNoise noise = new RoundingNoise(KEY);
            FixedPointUpdates.quantize(actual, base, n, format, noise, vector);
            assertSameBits(expected, actual, format.spec() + (vector ? " vector" : " plain") + ", w");
            assertEquals(expectedNoise.draws(), noise.draws(), "draws");
        }
    }

    @Property(tries = 300)
    void subtractScaledGivesThePerWeightBitsAndDraws(@ForAll @IntRange(min = 0, max = 70) int n,
                                                     @ForAll @IntRange(min = 0, max = 9) int base, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FixedPoint format = format(random);
        float[] w = values(random, format, base + n);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = random.nextInt(8) == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : value(random, format);
        }
        double a = random.nextInt(10) == 0 ? 0.0 : (float) (random.nextGaussian() * Math.scalb(1.0, -random.nextInt(12)));
        RoundingNoise expectedNoise = new RoundingNoise(KEY);
        float[] expected = w.clone();
        for (int j = 0; j < n; j++) { // Weights.Single's loop before the fixed-point kernels
            double change = (float) (a * x[j]);
            if (change != 0) {
                expected[base + j] = (float) format.quantize((float) (w[base + j] - change), expectedNoise);
            }
        }
        for (boolean vector : BOTH) {
            float[] actual = w.clone();
            RoundingNoise noise = new RoundingNoise(KEY);
            FixedPointUpdates.subtractScaled(actual, base, a, x, n, format, noise, vector);
            assertSameBits(expected, actual, format.spec() + (vector ? " vector" : " plain") + ", w");
            assertEquals(expectedNoise.draws(), noise.draws(), "draws");
        }
    }

    private static float[] nearest(float[] w, FixedPoint format, boolean vector) {
        float[] rounded = w.clone();
        FixedPointUpdates.quantize(rounded, 0, rounded.length, format, new RoundingNoise(KEY), vector);
        return rounded;
    }

    @Test
    void aZeroStepKeepsTheSignOfTheValue() {
        FixedPoint format = new FixedPoint(8, 5, Rounding.NEAREST);
        float[] w = {-0f, -1e-9f, -0.015625f, -1e-30f, 0f, 1e-9f, 0.015625f, 1e-30f};
        float[] expected = {-0f, -0f, -0f, -0f, 0f, 0f, 0f, 0f};
        for (boolean vector : BOTH) {
            assertSameBits(expected, nearest(w, format, vector), vector ? "vector" : "plain");
        }
    }

    @Test
    void aTieGoesToTheEvenStep() {
        FixedPoint format = new FixedPoint(8, 2, Rounding.NEAREST);
        float[] w = {-0.625f, -0.375f, -0.125f, 0.125f, 0.375f, 0.625f, 0.875f, 1.125f};
        float[] expected = {-0.5f, -0.5f, -0f, 0f, 0.5f, 0.5f, 1f, 1f};
        for (boolean vector : BOTH) {
            assertSameBits(expected, nearest(w, format, vector), vector ? "vector" : "plain");
        }
    }

    @Test
    void valuesBeyondTheRangeSaturateAndNaNStays() {
        FixedPoint format = new FixedPoint(16, 13, Rounding.NEAREST);
        float max = (float) format.max();
        float min = (float) format.min();
        float[] w = {max + 1e-4f, 3.99995f, Float.POSITIVE_INFINITY, 3e38f, min - 1e-4f, -4.00005f,
            Float.NEGATIVE_INFINITY, Float.NaN};
        float[] expected = {max, max, max, max, min, min, min, Float.NaN};
        for (boolean vector : BOTH) {
            assertSameBits(expected, nearest(w, format, vector), vector ? "vector" : "plain");
        }
    }

    @Test
    void aWeightWhoseChangeIsZeroIsLeftAlone() {
        FixedPoint format = new FixedPoint(16, 13, Rounding.STOCHASTIC);
        FixedPoint nearest = new FixedPoint(16, 13, Rounding.NEAREST);
        float[] w = {-0f, 0.1f, -0f, 0.1f, 0.25f, -0f, 1e-3f, 2f};
        double[] x = {-0.0, 0.0, 0.0, -0.0, 1e-300, 0.0, 0.0, -0.0};
        for (FixedPoint f : new FixedPoint[] {format, nearest}) {
            for (boolean vector : BOTH) {
                float[] actual = w.clone();
                RoundingNoise noise = new RoundingNoise(KEY);
                FixedPointUpdates.subtractScaled(actual, 0, 1.0, x, x.length, f, noise, vector);
                assertSameBits(w, actual, f.spec() + (vector ? " vector" : " plain"));
                assertEquals(0, noise.draws());
            }
        }
    }
}
