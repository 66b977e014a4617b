package org.neurotile.neuron.math;

/**
 * Storing the optimizers' updated float32 weights in a fixed-point weight format: the bits of
 * {@link FixedPoint#quantize} for every weight, and the draws of stochastic rounding made one per
 * quantized weight in ascending order, as the per-weight path makes them. With the Vector API
 * ({@link BlockedProducts#VECTOR_API}) whole vectors of weights are rounded at once
 * ({@link FixedPointLanes}), the draws of stochastic rounding computed from their numbers (the
 * noise is counter-based); without the module one loop takes the weights one by one.
 */
public final class FixedPointUpdates {
    private FixedPointUpdates() {
    }

    /**
     * Stores w[base..base+n-1] in {@code format}, in ascending order: the optimizers' (momentum,
     * split momentum, Adam) updated run, every weight of which is quantized as it is written back.
     */
    public static void quantize(float[] w, int base, int n, FixedPoint format, RoundingNoise noise) {
        quantize(w, base, n, format, noise, BlockedProducts.VECTOR_API);
    }

    /** {@link #quantize} with the Vector API ({@code vector}, only where the JVM has it) or with plain loops. */
    public static void quantize(float[] w, int base, int n, FixedPoint format, RoundingNoise noise, boolean vector) {
        int j = 0;
        if (vector) {
            j = format.rounding() == Rounding.NEAREST ? vectorNearest(w, base, n, format)
                    : vectorStochastic(w, base, n, format, noise);
        }
        for (; j < n; j++) {
            w[base + j] = (float) format.quantize(w[base + j], noise);
        }
    }

    /**
     * SGD's w[base + j] -= a x[j] for j below n, as {@link Weights.Single#subtractScaled} does it: the
     * change rounded to float32, and each weight whose change is not zero stored in {@code format}
     * (a weight whose change is zero is left alone and draws nothing).
     */
    public static void subtractScaled(float[] w, int base, double a, double[] x, int n, FixedPoint format,
                                      RoundingNoise noise) {
        subtractScaled(w, base, a, x, n, format, noise, BlockedProducts.VECTOR_API);
    }

    /** {@link #subtractScaled} with the Vector API ({@code vector}, only where the JVM has it) or with plain loops. */
    public static void subtractScaled(float[] w, int base, double a, double[] x, int n, FixedPoint format,
                                      RoundingNoise noise, boolean vector) {
        int j = vector ? vectorSubtractScaled(w, base, a, x, n, format, noise) : 0;
        for (; j < n; j++) {
            double change = (float) (a * x[j]);
            if (change != 0) {
                w[base + j] = (float) format.quantize((float) (w[base + j] - change), noise);
            }
        }
    }

    // Each vector kernel in a method of its own, so that FixedPointLanes (and the incubating module) is
    // loaded only when the JVM has the module.

    private static int vectorNearest(float[] w, int base, int n, FixedPoint format) {
        FixedPointLanes.nearest(w, base, n, format);
        return FixedPointLanes.covered(n);
    }

    private static int vectorStochastic(float[] w, int base, int n, FixedPoint format, RoundingNoise noise) {
        return FixedPointLanes.stochastic(w, base, n, format, noise);
    }

    private static int vectorSubtractScaled(float[] w, int base, double a, double[] x, int n, FixedPoint format,
                                            RoundingNoise noise) {
        if (format.rounding() == Rounding.NEAREST) {
            FixedPointLanes.subtractScaledNearest(w, base, a, x, n, format);
        } else {
            FixedPointLanes.subtractScaledStochastic(w, base, a, x, n, format, noise);
        }
        return FixedPointLanes.coveredByHalves(n);
    }
}
