package org.neurotile.neuron.math;

/** A run's number formats with the noise its stochastic rounding draws from. */
public final class Quantization {
    private final NumberFormats formats;
    private final RoundingNoise noise;

    public Quantization(NumberFormats formats, RoundingNoise noise) {
        this.formats = formats;
        this.noise = noise;
    }

    /** No quantization. */
    public static Quantization none() {
        return new Quantization(NumberFormats.FLOAT32, new RoundingNoise(0));
    }

    public NumberFormats formats() {
        return formats;
    }

    public RoundingNoise noise() {
        return noise;
    }

    public boolean weightsQuantized() {
        return formats.weights().quantizes();
    }

    /**
     * Whether rounding an activation or an error draws from the noise: then the values of a step
     * must be rounded one example after another, in the order the draws were made.
     */
    public boolean roundingDrawsNoise() {
        return stochastic(formats.activations()) || stochastic(formats.errors());
    }

    private static boolean stochastic(NumberFormat format) {
        return format instanceof FixedPoint fixed && fixed.rounding() == Rounding.STOCHASTIC;
    }

    /** {@code value} stored in the weight format. */
    public double weight(double value) {
        return formats.weights().quantize(value, noise);
    }

    public double activation(double value) {
        return formats.activations().quantize(value, noise);
    }

    public double error(double value) {
        return formats.errors().quantize(value, noise);
    }

    /** The values as sent in the error format (a copy, or the array itself where nothing changes). */
    public double[] errors(double[] values) {
        if (!formats.errors().quantizes()) {
            return values;
        }
        double[] sent = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            sent[i] = error(values[i]);
        }
        return sent;
    }
}
