package org.neurotile.neuron.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Storing float32 weights in a fixed-point format with the JDK's Vector API (incubating on Java
 * 17), used by {@link FixedPointUpdates} when the JVM has the module. Each lane gives the bits of
 * {@link FixedPoint#quantize}:
 *
 * <ul>
 *   <li>nearest rounding, in float lanes: the value in steps (value times 2^F, exact in float until
 *   it overflows to an infinity, which saturates alike) is clamped to the format's range first
 *   (rounding is monotone, so clamping before or after gives the same step), then rounded to the
 *   nearest integer, a tie to the even one, by adding and subtracting 1.5 * 2^23 (exact for the at
 *   most 2^15 steps of a format), the sign of a zero restored from the value's, and scaled back
 *   (exact);</li>
 *   <li>stochastic rounding, four weights at a time in double lanes with the format's own
 *   arithmetic, each weight with the draw the per-weight loop would give it (the draws made 64 at a
 *   time in one plain loop of SplitMix64: long lanes of it were not compiled into the kernel in
 *   every caller on Java 17, and ran many times slower).</li>
 * </ul>
 *
 * A NaN stays NaN through max, min and the arithmetic. Compiled on its own, as {@link VectorLanes} is.
 */
final class FixedPointLanes {
    // 256 bits, as VectorLanes and UpdateLanes (the 512-bit species ran unintrinsified on Java 17)
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_256;
    // SGD's gradients are doubles: four at a time, rounded to four floats
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> HALF = FloatVector.SPECIES_128;
    private static final float ROUNDER = 0x1.8p23f;
    private static final double DOUBLE_ROUNDER = 0x1.8p52;
    private static final int SIGN = 0x8000_0000;

    private FixedPointLanes() {
    }

    /** The number of leading values {@link #nearest} covers; {@link FixedPointUpdates} does the rest. */
    static int covered(int n) {
        return LANES.loopBound(n);
    }

    /** The number of leading values the kernels on four weights at a time cover. */
    static int coveredByHalves(int n) {
        return HALF.loopBound(n);
    }

    /** w[base + j] rounded to the nearest value of {@code format}, for j below {@link #covered}(n). */
    static void nearest(float[] w, int base, int n, FixedPoint format) {
        FloatVector scale = FloatVector.broadcast(LANES, Math.scalb(1f, format.fractionBits()));
        FloatVector unscale = FloatVector.broadcast(LANES, Math.scalb(1f, -format.fractionBits()));
        FloatVector low = FloatVector.broadcast(LANES, -(float) (1 << (format.bits() - 1)));
        FloatVector high = FloatVector.broadcast(LANES, (float) ((1 << (format.bits() - 1)) - 1));
        FloatVector rounder = FloatVector.broadcast(LANES, ROUNDER);
        for (int j = 0, end = covered(n); j < end; j += LANES.length()) {
            int k = base + j;
            FloatVector steps = FloatVector.fromArray(LANES, w, k).mul(scale).max(low).min(high);
            FloatVector rounded = steps.add(rounder).sub(rounder);
            IntVector sign = steps.reinterpretAsInts().and(SIGN);
            rounded.reinterpretAsInts().or(sign).reinterpretAsFloats().mul(unscale).intoArray(w, k);
        }
    }

    /**
     * w[base + j] rounded stochastically to {@code format} for j below {@link #coveredByHalves}(n),
     * each with the noise's next draw in turn; returns how many it rounded (the noise counts their
     * draws as made).
     */
    static int stochastic(float[] w, int base, int n, FixedPoint format, RoundingNoise noise) {
        int end = coveredByHalves(n);
        Draws draws = new Draws(noise);
        for (int j = 0; j < end; j += HALF.length()) {
            int k = base + j;
            roundStochastic(FloatVector.fromArray(HALF, w, k), draws.next(), draws.offset(), format).intoArray(w, k);
        }
        return end;
    }

    /**
     * SGD's w[base + j] -= a x[j] for j below {@link #coveredByHalves}(n) under stochastic rounding:
     * the change a x[j] rounded to float32, and each weight whose change is not zero rounded with the
     * noise's next draw, in order. Four weights whose changes are all non-zero are rounded together;
     * four with some zero changes are rounded one by one, as the plain loop does.
     */
    static void subtractScaledStochastic(float[] w, int base, double a, double[] x, int n, FixedPoint format,
                                         RoundingNoise noise) {
        DoubleVector rate = DoubleVector.broadcast(DOUBLES, a);
        Draws draws = new Draws(noise);
        for (int j = 0, end = coveredByHalves(n); j < end; j += HALF.length()) {
            int k = base + j;
            FloatVector change = (FloatVector) rate.mul(DoubleVector.fromArray(DOUBLES, x, j))
                    .convertShape(VectorOperators.D2F, HALF, 0);
            VectorMask<Float> changed = change.compare(VectorOperators.NE, 0f);
            if (changed.allTrue()) {
                roundStochastic(FloatVector.fromArray(HALF, w, k).sub(change), draws.next(), draws.offset(), format)
                        .intoArray(w, k);
            } else if (changed.anyTrue()) {
                oneByOne(w, base, a, x, j, format, noise);
            }
        }
    }

    /** SGD's stochastic step of weights base + j .. base + j + 3, one after another, as the plain loop takes it. */
    private static void oneByOne(float[] w, int base, double a, double[] x, int j, FixedPoint format,
                                 RoundingNoise noise) {
        for (int i = j; i < j + HALF.length(); i++) {
            double change = (float) (a * x[i]);
            if (change != 0) {
                w[base + i] = (float) format.quantize((float) (w[base + i] - change), noise);
            }
        }
    }

    /**
     * The noise's next draws four at a time, made a window of {@link #WINDOW} at a time in one loop
     * ({@link RoundingNoise#uniforms}); {@link #next} counts its four as made. Draws the caller makes
     * itself in between ({@link FixedPoint#quantize}) are skipped: the window follows the noise's count.
     */
    private static final class Draws {
        private static final int WINDOW = 64;
        private final RoundingNoise noise;
        private final double[] uniforms = new double[WINDOW];
        private long first = Long.MIN_VALUE; // the draw number of uniforms[0]
        private int offset;

        Draws(RoundingNoise noise) {
            this.noise = noise;
        }

        /** The uniforms of the next four draws, at {@link #offset}; they are counted as made. */
        double[] next() {
            long number = noise.draws() + 1;
            if (number < first || number + HALF.length() > first + WINDOW) {
                first = number;
                noise.uniforms(first, uniforms, WINDOW);
            }
            offset = (int) (number - first);
            noise.advance(HALF.length());
            return uniforms;
        }

        /** Where the four of the last {@link #next} start. */
        int offset() {
            return offset;
        }
    }

    /**
     * Four values rounded stochastically to {@code format} with the uniforms {@code u[offset ..
     * offset + 3]}: widened to
     * double, the arithmetic of {@link FixedPoint#quantize} on them. The steps are clamped to the
     * range before the floor is taken (|steps| then stays far below 2^51, where adding and
     * subtracting 1.5 * 2^52 rounds to an integer), which changes the fraction only of values that
     * saturate either way.
     */
    private static FloatVector roundStochastic(FloatVector value, double[] u, int offset, FixedPoint format) {
        int limit = 1 << (format.bits() - 1);
        DoubleVector rounder = DoubleVector.broadcast(DOUBLES, DOUBLE_ROUNDER);
        DoubleVector one = DoubleVector.broadcast(DOUBLES, 1.0);
        DoubleVector steps = ((DoubleVector) value.convertShape(VectorOperators.F2D, DOUBLES, 0))
                .mul(Double.longBitsToDouble((1023L + format.fractionBits()) << 52))
                .max(-limit).min(limit - 1);
        DoubleVector nearest = steps.add(rounder).sub(rounder);
        DoubleVector floor = nearest.sub(one, nearest.compare(VectorOperators.GT, steps));
        DoubleVector uniform = DoubleVector.fromArray(DOUBLES, u, offset);
        DoubleVector rounded = floor.add(one, uniform.compare(VectorOperators.LT, steps.sub(floor)));
        return rounded.mul(Double.longBitsToDouble((1023L - format.fractionBits()) << 52))
                .convertShape(VectorOperators.D2F, HALF, 0).reinterpretAsFloats();
    }

    /**
     * SGD's w[base + j] -= a x[j] for j below {@link #coveredByHalves}(n): the change a x[j] rounded
     * to float32, and each weight whose change is not zero rounded to the nearest value of
     * {@code format}.
     */
    static void subtractScaledNearest(float[] w, int base, double a, double[] x, int n, FixedPoint format) {
        DoubleVector rate = DoubleVector.broadcast(DOUBLES, a);
        FloatVector scale = FloatVector.broadcast(HALF, Math.scalb(1f, format.fractionBits()));
        FloatVector unscale = FloatVector.broadcast(HALF, Math.scalb(1f, -format.fractionBits()));
        FloatVector low = FloatVector.broadcast(HALF, -(float) (1 << (format.bits() - 1)));
        FloatVector high = FloatVector.broadcast(HALF, (float) ((1 << (format.bits() - 1)) - 1));
        FloatVector rounder = FloatVector.broadcast(HALF, ROUNDER);
        for (int j = 0, end = coveredByHalves(n); j < end; j += HALF.length()) {
            int k = base + j;
            FloatVector change = (FloatVector) rate.mul(DoubleVector.fromArray(DOUBLES, x, j))
                    .convertShape(VectorOperators.D2F, HALF, 0);
            FloatVector weights = FloatVector.fromArray(HALF, w, k);
            FloatVector steps = weights.sub(change).mul(scale).max(low).min(high);
            FloatVector rounded = steps.add(rounder).sub(rounder);
            IntVector sign = steps.reinterpretAsInts().and(SIGN);
            FloatVector quantized = rounded.reinterpretAsInts().or(sign).reinterpretAsFloats().mul(unscale);
            VectorMask<Float> changed = change.compare(VectorOperators.NE, 0f);
            weights.blend(quantized, changed).intoArray(w, k);
        }
    }
}
