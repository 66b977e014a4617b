package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector relu steps give the bits of the scalar ones, at every batch size (whole vectors and
 * the tail) and on the values where a relu can go wrong: NaN, both zeros, the infinities.
 */
class FloatActivationsTest {
    private static final float[] SPECIAL = {Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, 1f, -1f};

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = random.nextInt(4) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (float) random.nextGaussian();
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 16, 32, 33})
    void addingBiasesAndReluHasTheBitsOfTheScalarLoop(int count) {
        assertTrue(BlockedProducts.VECTOR_API, "the tests run with the Vector API module");
        SplittableRandom random = new SplittableRandom(count);
        int units = 5;
        float[] a = values(random, units * count);
        float[] c = values(random, units);
        float[] expectedA = a.clone();
        float[] expectedH = new float[a.length];
        for (int i = 0; i < units; i++) {
            for (int k = i * count; k < (i + 1) * count; k++) {
                float sum = expectedA[k] + c[i];
                expectedA[k] = sum;
                expectedH[k] = sum > 0f ? sum : 0f;
            }
        }
        float[] h = new float[a.length];
        FloatActivations.addBiasRelu(a, h, c, units, count);
        for (int k = 0; k < a.length; k++) {
            assertEquals(Float.floatToRawIntBits(expectedA[k]), Float.floatToRawIntBits(a[k]), "sum " + k);
            assertEquals(Float.floatToRawIntBits(expectedH[k]), Float.floatToRawIntBits(h[k]), "relu " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 16, 33, 4097})
    void timesTheReluDerivativeHasTheBitsOfTheScalarLoop(int n) {
        SplittableRandom random = new SplittableRandom(n);
        float[] a = values(random, n);
        float[] d = values(random, n);
        float[] expected = d.clone();
        for (int k = 0; k < n; k++) {
            expected[k] *= a[k] > 0f ? 1f : 0f;
        }
        FloatActivations.timesReluDerivative(d, a, n);
        for (int k = 0; k < n; k++) {
            assertEquals(Float.floatToRawIntBits(expected[k]), Float.floatToRawIntBits(d[k]), "delta " + k);
        }
    }
}
