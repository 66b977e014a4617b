package org.neurotile.neuron.math;

/**
 * The bias and relu steps of a float32 batch stored by unit (the {@code count} values of unit i at
 * i count): float adds and multiplies, and relu as {@code x > 0 ? x : 0} (0 for NaN and -0), so
 * the bits of the per-example loops. With the Vector API ({@link BlockedProducts#VECTOR_API})
 * whole vectors at once ({@link ActivationLanes}), without a branch on each value's sign.
 */
public final class FloatActivations {
    private FloatActivations() {
    }

    /** a[i count + m] += c[i]; h[i count + m] = relu of it, for units below {@code units}. */
    public static void addBiasRelu(float[] a, float[] h, float[] c, int units, int count) {
        int covered = BlockedProducts.VECTOR_API ? vectorAddBiasRelu(a, h, c, units, count) : 0;
        for (int i = 0; i < units; i++) {
            float bias = c[i];
            for (int k = i * count + covered, end = (i + 1) * count; k < end; k++) {
                float sum = a[k] + bias;
                a[k] = sum;
                h[k] = sum > 0f ? sum : 0f;
            }
        }
    }

    /** d[k] times relu'(a[k]), 1 or 0 (at 0 and NaN too), for k below n: d, or a zero of d's sign, or NaN. */
    public static void timesReluDerivative(float[] d, float[] a, int n) {
        int k = BlockedProducts.VECTOR_API ? vectorTimesReluDerivative(d, a, n) : 0;
        for (; k < n; k++) {
            d[k] *= a[k] > 0f ? 1f : 0f;
        }
    }

    // Each vector kernel in a method of its own, so that ActivationLanes (and the incubating module)
    // is loaded only when the JVM has the module.

    private static int vectorAddBiasRelu(float[] a, float[] h, float[] c, int units, int count) {
        ActivationLanes.addBiasRelu(a, h, c, units, count);
        return ActivationLanes.covered(count);
    }

    private static int vectorTimesReluDerivative(float[] d, float[] a, int n) {
        ActivationLanes.timesReluDerivative(d, a, n);
        return ActivationLanes.covered(n);
    }
}
