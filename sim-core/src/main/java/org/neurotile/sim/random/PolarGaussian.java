package org.neurotile.sim.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Marsaglia's polar method with {@link StrictMath#log}: unlike {@code Math.log}, which may be a
 * platform intrinsic, it gives bit-identical values on every JVM.
 */
public final class PolarGaussian {
    private final UniformRandomProvider random;
    private double spare;
    private boolean hasSpare;

    public PolarGaussian(UniformRandomProvider random) {
        this.random = random;
    }

    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        final double scale = Math.sqrt(-2.0 * StrictMath.log(s) / s);
        spare = v * scale;
        hasSpare = true;
        return u * scale;
    }
}
