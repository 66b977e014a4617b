package org.neurotile.neuron.math;

/**
 * The optimizers' updates of float32 weights (a fixed-point weight format then stores them with
 * {@link FixedPointUpdates}) and of their float32 state, in float arithmetic: each float multiply,
 * add, division and sqrt of float32 values equals the double operation rounded to float32 (see
 * {@link Precision}), so these give the bits of the step's documented rounding of every result. Each weight's update is independent of the others';
 * with the Vector API ({@link BlockedProducts#VECTOR_API}) whole vectors of weights are updated at
 * once ({@link UpdateLanes}), with the same bits.
 */
public final class FloatUpdates {
    private FloatUpdates() {
    }

    /** g[j] = d x[j] for j below n: a dense row's gradient. */
    public static void products(float[] g, float d, float[] x, int n) {
        int j = BlockedProducts.VECTOR_API ? vectorProducts(g, d, x, n) : 0;
        for (; j < n; j++) {
            g[j] = d * x[j];
        }
    }

    /** Momentum: v = mu v + g; w -= rate v, for weights base..base+n-1 with gradients g[0..n-1]. */
    public static void momentum(float[] w, float[] v, int base, float[] g, int n, float mu, float rate) {
        int j = BlockedProducts.VECTOR_API ? vectorMomentum(w, v, base, g, n, mu, rate) : 0;
        for (; j < n; j++) {
            int k = base + j;
            float velocity = mu * v[k] + g[j];
            v[k] = velocity;
            w[k] -= rate * velocity;
        }
    }

    /**
     * w[k] -= rate v[k] for k in from..to-1, the bits of {@link Weights.Single#subtractScaled}: momentum's
     * step from its velocity.
     */
    public static void subtractScaled(float[] w, float rate, float[] v, int from, int to) {
        for (int k = from; k < to; k++) {
            w[k] -= rate * v[k];
        }
    }

    /** w[k] -= rate (gamma a[k] + rest b[k]) for k in from..to-1: split momentum's step from its two velocities. */
    public static void subtractMixed(float[] w, float rate, float gamma, float[] a, float rest, float[] b, int from,
                                     int to) {
        for (int k = from; k < to; k++) {
            w[k] -= rate * (gamma * a[k] + rest * b[k]);
        }
    }

    /**
     * Split momentum's feedback step: vDfa = mu vDfa + g; w -= rate (gamma vDfa + rest vBp), for
     * weights base..base+n-1 with gradients g[0..n-1].
     */
    public static void splitMomentum(float[] w, float[] vBp, float[] vDfa, int base, float[] g, int n, float mu,
                                     float rate, float gamma, float rest) {
        int j = BlockedProducts.VECTOR_API ? vectorSplitMomentum(w, vBp, vDfa, base, g, n, mu, rate, gamma, rest) : 0;
        for (; j < n; j++) {
            int k = base + j;
            float velocity = mu * vDfa[k] + g[j];
            vDfa[k] = velocity;
            w[k] -= rate * (gamma * velocity + rest * vBp[k]);
        }
    }

    /**
     * Adam: m = b1 m + c1 g; v = b2 v + c2 (g g); w -= rate (m / (sqrt(v) + eps)), for weights
     * base..base+n-1 with gradients g[0..n-1].
     */
    public static void adam(float[] w, float[] m, float[] v, int base, float[] g, int n, float b1, float b2,
                            float c1, float c2, float eps, float rate) {
        int j = BlockedProducts.VECTOR_API ? vectorAdam(w, m, v, base, g, n, b1, b2, c1, c2, eps, rate) : 0;
        for (; j < n; j++) {
            int k = base + j;
            float gradient = g[j];
            float mean = b1 * m[k] + c1 * gradient;
            float variance = b2 * v[k] + c2 * (gradient * gradient);
            m[k] = mean;
            v[k] = variance;
            w[k] -= rate * (mean / ((float) Math.sqrt(variance) + eps));
        }
    }

    // Each vector kernel in a method of its own, so that UpdateLanes (and the incubating module) is
    // loaded only when the JVM has the module.

    private static int vectorProducts(float[] g, float d, float[] x, int n) {
        UpdateLanes.products(g, d, x, n);
        return UpdateLanes.covered(n);
    }

    private static int vectorMomentum(float[] w, float[] v, int base, float[] g, int n, float mu, float rate) {
        UpdateLanes.momentum(w, v, base, g, n, mu, rate);
        return UpdateLanes.covered(n);
    }

    private static int vectorSplitMomentum(float[] w, float[] vBp, float[] vDfa, int base, float[] g, int n, float mu,
                                           float rate, float gamma, float rest) {
        UpdateLanes.splitMomentum(w, vBp, vDfa, base, g, n, mu, rate, gamma, rest);
        return UpdateLanes.covered(n);
    }

    private static int vectorAdam(float[] w, float[] m, float[] v, int base, float[] g, int n, float b1, float b2,
                                  float c1, float c2, float eps, float rate) {
        UpdateLanes.adam(w, m, v, base, g, n, b1, b2, c1, c2, eps, rate);
        return UpdateLanes.covered(n);
    }
}
