package org.neurotile.neuron.train;

import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Precision;

/**
 * Gradient clipping per example: when the global L2 norm of an example's weight and bias gradients
 * (every trained layer's, biases only when they are trained) is above the bound, each delta is
 * scaled by bound / norm (rounded to the model's precision), which scales every gradient by the
 * same factor, for any kind of layer. Counts the examples it clipped since the last {@link #take}.
 */
final class GradientClip {
    private final double bound;
    private final boolean biases;
    private final double[] scratch;
    private long clipped;

    GradientClip(Model model, double bound, boolean biases) {
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("the clipping bound must be positive and finite, got " + bound);
        }
        this.bound = bound;
        this.biases = biases;
        scratch = new double[model.widestGradientRun()];
    }

    /** The deltas to apply: {@code deltas} itself when the gradient's norm is within the bound, else scaled copies. */
    double[][] clip(Model model, ForwardPass pass, double[][] deltas) {
        double norm = Math.sqrt(squaredNorm(model, pass, deltas));
        if (!(norm > bound)) {
            return deltas;
        }
        clipped++;
        Precision p = model.precision();
        double scale = bound / norm;
        double[][] scaled = new double[deltas.length][];
        for (int l = 1; l < deltas.length; l++) {
            if (deltas[l] != null) {
                scaled[l] = new double[deltas[l].length];
                for (int i = 0; i < deltas[l].length; i++) {
                    scaled[l][i] = p.round(deltas[l][i] * scale);
                }
            }
        }
        return scaled;
    }

    /** The examples clipped since the last call. */
    long take() {
        long count = clipped;
        clipped = 0;
        return count;
    }

    private double squaredNorm(Model model, ForwardPass pass, double[][] deltas) {
        double[] sum = {0};
        for (int l = 1; l < deltas.length; l++) {
            if (deltas[l] == null || !model.network().layer(l).trainable()) {
                continue;
            }
            model.kernel(l).gradientRuns(deltas[l], pass.liveInput(l), model.precision(), scratch,
                    (first, g, n, unit, gb) -> {
                        for (int j = 0; j < n; j++) {
                            sum[0] += g[j] * g[j];
                        }
                        if (biases && unit >= 0) {
                            sum[0] += gb * gb;
                        }
                    });
        }
        return sum[0];
    }
}
