package org.neurotile.neuron.layers;

import java.util.Arrays;
import org.neurotile.neuron.math.Weights;

/** The kernel rows of one group of a grouped convolution, and the matching columns of a delta. */
final class KernelRows {
    private KernelRows() {
    }

    /** Rows {@code first .. first + rows - 1} of {@code columns} weights each: {@code weights} itself when they start it. */
    static Weights of(Weights weights, int first, int rows, int columns) {
        if (first == 0) {
            return weights;
        }
        int from = first * columns;
        int to = from + rows * columns;
        if (weights instanceof Weights.Single single) {
            return new Weights.Single(Arrays.copyOfRange(single.w(), from, to));
        }
        return new Weights.Double(Arrays.copyOfRange(((Weights.Double) weights).w(), from, to));
    }

    /** values[m][first .. first + count - 1] for every m. */
    static double[][] columns(double[][] values, int first, int count) {
        double[][] result = new double[values.length][];
        for (int m = 0; m < values.length; m++) {
            result[m] = Arrays.copyOfRange(values[m], first, first + count);
        }
        return result;
    }
}
