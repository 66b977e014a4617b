package org.neurotile.neuron.train;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.workloads.NetworkSpec;

/**
 * How well a rule aligns with backpropagation, as the papers measure it.
 *
 * <ul>
 *   <li>Update angle: between the rule's update of W_l, delta_l h_{l-1}^T, and bp's on the same
 *   example with the same weights. Both share h_{l-1}, so it is the angle between the two deltas
 *   (with the bias update, the delta itself, the same). Averaged over an epoch's examples.</li>
 *   <li>Feedback angle: between B_l and the product of the forward weights it stands in for,
 *   (W_s ... W_{l+1})^T with s the layer whose delta B_l feeds back (s = L: e), activation
 *   derivatives left out. Measured at the end of an epoch.</li>
 * </ul>
 * Angles are in degrees, 0 for perfect alignment, 90 for none.
 */
public final class Alignment {
    private final NetworkSpec network;
    private final double[] angleSum;
    private final long[] examples;

    Alignment(NetworkSpec network) {
        this.network = network;
        this.angleSum = new double[network.layerCount() + 1];
        this.examples = new long[network.layerCount() + 1];
    }

    /** Adds one example's angle per hidden layer that has both deltas. */
    void add(double[][] rule, double[][] bp) {
        for (int l = 1; l < network.layerCount(); l++) {
            if (rule[l] != null && bp[l] != null && network.layer(l).trainable()) {
                double angle = angleDegrees(rule[l], bp[l]);
                if (!Double.isNaN(angle)) {
                    angleSum[l] += angle;
                    examples[l]++;
                }
            }
        }
    }

    /** The mean update angle per hidden layer since the last reset. */
    Map<Integer, Double> meanUpdateAngles() {
        Map<Integer, Double> angles = new TreeMap<>();
        for (int l = 1; l < network.layerCount(); l++) {
            if (examples[l] > 0) {
                angles.put(l, angleSum[l] / examples[l]);
            }
        }
        return angles;
    }

    void reset() {
        Arrays.fill(angleSum, 0);
        Arrays.fill(examples, 0);
    }

    /** The feedback angle of every layer that has a feedback matrix. */
    static Map<Integer, Double> feedbackAngles(Model model, Optional<Feedback> feedback) {
        Map<Integer, Double> angles = new TreeMap<>();
        if (feedback.isEmpty()) {
            return angles;
        }
        NetworkSpec network = model.network();
        for (int l = 1; l < network.layerCount(); l++) {
            double[] b = feedback.get().matrix(l);
            if (b == null) {
                continue;
            }
            int source = feedback.get().sourceOf(l);
            // P = W_s W_{s-1} ... W_{l+1}: n_s x n_l, row-major.
            double[] product = model.weights(source);
            int rows = network.neurons(source);
            for (int m = source - 1; m > l; m--) {
                product = multiply(product, rows, network.neurons(m), model.weights(m), network.neurons(m - 1));
            }
            int columns = network.neurons(l);
            double[] transposed = new double[columns * rows]; // n_l x n_s, as B_l
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    transposed[c * rows + r] = product[r * columns + c];
                }
            }
            angles.put(l, angleDegrees(b, transposed));
        }
        return angles;
    }

    /** (rows x inner) times (inner x columns). */
    private static double[] multiply(double[] a, int rows, int inner, double[] b, int columns) {
        double[] product = new double[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < inner; k++) {
                double x = a[r * inner + k];
                for (int c = 0; c < columns; c++) {
                    product[r * columns + c] += x * b[k * columns + c];
                }
            }
        }
        return product;
    }

    /** The angle between two vectors in degrees; NaN if either is zero. */
    public static double angleDegrees(double[] a, double[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            return Double.NaN;
        }
        double cos = Math.max(-1, Math.min(1, dot / Math.sqrt(aa * bb)));
        return Math.toDegrees(Math.acos(cos));
    }
}
