package org.neurotile.neuron.layers;

import org.neurotile.workloads.Activation;

/**
 * f(a) and f'(a) with ReLU's bits but without a branch: on a map of mixed signs the branch of
 * {@link Activation#apply} is mispredicted about every other value, which cost more than the rest
 * of the element-wise work. Other activations are {@link Activation}'s own.
 */
final class Relu {
    private static final long ONE = Double.doubleToRawLongBits(1.0);
    private static final long INFINITY = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    private Relu() {
    }

    /** All ones where a > 0 (a positive number, +infinity included), else 0 (zeros, negatives, NaN). */
    static long positive(double a) {
        long t = Double.doubleToRawLongBits(a) - 1; // 0..INFINITY-1 exactly for the positive numbers
        return ((t - INFINITY) & ~t) >> 63;
    }

    /** f(a): a where a > 0, else +0.0, as {@link Activation#RELU} gives it. */
    static double apply(Activation f, double a) {
        return f == Activation.RELU ? Double.longBitsToDouble(Double.doubleToRawLongBits(a) & positive(a)) : f.apply(a);
    }

    /** f'(a): 1.0 where a > 0, else +0.0, as {@link Activation#RELU} gives it. */
    static double derivative(Activation f, double a) {
        return f == Activation.RELU ? Double.longBitsToDouble(ONE & positive(a)) : f.derivative(a);
    }
}
