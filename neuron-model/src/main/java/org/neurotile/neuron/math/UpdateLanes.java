package org.neurotile.neuron.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The optimizers' per-weight float32 updates with the JDK's Vector API (incubating on Java 17),
 * used by {@link FloatUpdates} when the JVM runs with {@code --add-modules jdk.incubator.vector}.
 * Each weight's update is independent of the others, so vectors of any width give the bits of
 * the scalar loops: a multiply then an add, never fused; sqrt and division correctly rounded.
 * Compiled on its own, as {@link VectorLanes} is.
 */
final class UpdateLanes {
    // 256 bits, as VectorLanes: on Java 17 the preferred 512-bit species of an AVX-512 host ran
    // these loops through the API's unintrinsified fallback, many times slower than scalar code
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_256;

    private UpdateLanes() {
    }

    /** The number of leading values the vector loops cover; {@link FloatUpdates} does the rest. */
    static int covered(int n) {
        return LANES.loopBound(n);
    }

    /** g[j] = d x[j] for j below {@link #covered}(n). */
    static void products(float[] g, float d, float[] x, int n) {
        FloatVector scale = FloatVector.broadcast(LANES, d);
        for (int j = 0, end = covered(n); j < end; j += LANES.length()) {
            scale.mul(FloatVector.fromArray(LANES, x, j)).intoArray(g, j);
        }
    }

    /** v = mu v + g; w -= rate v, for weights base + j, j below {@link #covered}(n). */
    static void momentum(float[] w, float[] v, int base, float[] g, int n, float mu, float rate) {
        FloatVector decay = FloatVector.broadcast(LANES, mu);
        FloatVector r = FloatVector.broadcast(LANES, rate);
        for (int j = 0, end = covered(n); j < end; j += LANES.length()) {
            int k = base + j;
            FloatVector velocity = decay.mul(FloatVector.fromArray(LANES, v, k)).add(FloatVector.fromArray(LANES, g, j));
            velocity.intoArray(v, k);
            FloatVector.fromArray(LANES, w, k).sub(r.mul(velocity)).intoArray(w, k);
        }
    }

    /** vDfa = mu vDfa + g; w -= rate (gamma vDfa + rest vBp), for weights base + j, j below {@link #covered}(n). */
    static void splitMomentum(float[] w, float[] vBp, float[] vDfa, int base, float[] g, int n, float mu, float rate,
                              float gamma, float rest) {
        FloatVector decay = FloatVector.broadcast(LANES, mu);
        FloatVector r = FloatVector.broadcast(LANES, rate);
        FloatVector share = FloatVector.broadcast(LANES, gamma);
        FloatVector other = FloatVector.broadcast(LANES, rest);
        for (int j = 0, end = covered(n); j < end; j += LANES.length()) {
            int k = base + j;
            FloatVector velocity = decay.mul(FloatVector.fromArray(LANES, vDfa, k))
                    .add(FloatVector.fromArray(LANES, g, j));
            velocity.intoArray(vDfa, k);
            FloatVector direction = share.mul(velocity).add(other.mul(FloatVector.fromArray(LANES, vBp, k)));
            FloatVector.fromArray(LANES, w, k).sub(r.mul(direction)).intoArray(w, k);
        }
    }

    /**
     * m = b1 m + c1 g; v = b2 v + c2 (g g); w -= rate (m / (sqrt(v) + eps)), for weights base + j,
     * j below {@link #covered}(n).
     */
    static void adam(float[] w, float[] m, float[] v, int base, float[] g, int n, float b1, float b2, float c1,
                     float c2, float eps, float rate) {
        FloatVector decay1 = FloatVector.broadcast(LANES, b1);
        FloatVector decay2 = FloatVector.broadcast(LANES, b2);
        FloatVector keep1 = FloatVector.broadcast(LANES, c1);
        FloatVector keep2 = FloatVector.broadcast(LANES, c2);
        FloatVector epsilon = FloatVector.broadcast(LANES, eps);
        FloatVector r = FloatVector.broadcast(LANES, rate);
        for (int j = 0, end = covered(n); j < end; j += LANES.length()) {
            int k = base + j;
            FloatVector gradient = FloatVector.fromArray(LANES, g, j);
            FloatVector mean = decay1.mul(FloatVector.fromArray(LANES, m, k)).add(keep1.mul(gradient));
            FloatVector variance = decay2.mul(FloatVector.fromArray(LANES, v, k))
                    .add(keep2.mul(gradient.mul(gradient)));
            mean.intoArray(m, k);
            variance.intoArray(v, k);
            FloatVector step = r.mul(mean.div(variance.sqrt().add(epsilon)));
            FloatVector.fromArray(LANES, w, k).sub(step).intoArray(w, k);
        }
    }
}
