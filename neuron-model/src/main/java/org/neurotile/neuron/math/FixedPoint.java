package org.neurotile.neuron.math;

/**
 * A two's-complement fixed-point word of {@code bits} bits, {@code fractionBits} of them after the
 * binary point: the values k 2^-fractionBits for k in [-2^(bits-1), 2^(bits-1) - 1]. Quantizing
 * saturates at the ends (an infinity too) and keeps a NaN, so that divergence is still detected.
 * Every value fits a float32 exactly.
 */
public record FixedPoint(int bits, int fractionBits, Rounding rounding) implements NumberFormat {
    public FixedPoint {
        if (bits != 8 && bits != 16) {
            throw new IllegalArgumentException("bits must be 8 or 16, got " + bits);
        }
        if (fractionBits < 0 || fractionBits >= bits) {
            throw new IllegalArgumentException("fractionBits must be in 0.." + (bits - 1) + ", got " + fractionBits);
        }
    }

    @Override
    public String spec() {
        return "fixed" + bits + ":frac=" + fractionBits
                + (rounding == Rounding.NEAREST ? "" : ",rounding=" + rounding.id());
    }

    @Override
    public boolean quantizes() {
        return true;
    }

    @Override
    public int wordBytes(int floatWordBytes) {
        return bits / 8;
    }

    /** The distance between neighbouring values, 2^-fractionBits. */
    public double step() {
        return Math.scalb(1.0, -fractionBits);
    }

    /** The largest value. */
    public double max() {
        return Math.scalb((double) ((1 << (bits - 1)) - 1), -fractionBits);
    }

    /** The smallest (most negative) value. */
    public double min() {
        return Math.scalb((double) -(1 << (bits - 1)), -fractionBits);
    }

    @Override
    public double quantize(double value, RoundingNoise noise) {
        // powers of two built from their bits: scaling and unscaling are exact and need no division
        double scaled = value * Double.longBitsToDouble((1023L + fractionBits) << 52);
        double steps;
        if (rounding == Rounding.NEAREST) {
            steps = Math.rint(scaled);
        } else {
            double floor = Math.floor(scaled);
            // up when u < scaled - floor (exact below 2^52; above, it saturates), without a branch that
            // mispredicts half the time: the sign of u - (scaled - floor) is that of the exact difference
            steps = floor + (Double.doubleToRawLongBits(noise.nextUniform() - (scaled - floor)) >>> 63);
        }
        double limit = 1 << (bits - 1);
        if (steps >= limit) {
            steps = limit - 1;
        } else if (steps < -limit) {
            steps = -limit;
        }
        return steps * Double.longBitsToDouble((1023L - fractionBits) << 52); // a NaN stays NaN
    }
}
