package org.neurotile.neuron.layers;

import org.neurotile.neuron.math.BlockedProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;

/**
 * A convolution's products one example at a time through the dense layers' blocked products, on
 * the patches of {@link ConvGeometry}: the reference arithmetic, and what float64 runs
 * ({@link ConvBatch} computes the same float32 bits faster). Threads share each example's output
 * channels (sums, gradient) or taps (error).
 */
final class ConvLoops {
    private ConvLoops() {
    }

    /** into[o][pos] = the kernel row of o times the patch at pos, for every group. */
    static void sums(Weights weights, double[] input, double[] into, ConvGeometry geometry, Precision p,
                     Workers workers) {
        int positions = geometry.positions();
        int taps = geometry.taps();
        int rows = geometry.groupOutputs();
        int channels = geometry.sums().channels();
        double[][] byPosition = new double[positions][channels];
        for (int group = 0; group < geometry.groups(); group++) {
            double[][] patches = geometry.patches(input, group);
            int first = group * rows;
            workers.split(rows, (long) taps * positions, (from, to) ->
                    BlockedProducts.dots(weights, taps, first + from, first + to, patches, positions, byPosition));
        }
        for (int o = 0; o < channels; o++) {
            for (int pos = 0; pos < positions; pos++) {
                into[o * positions + pos] = p.round(byPosition[pos][o]);
            }
        }
    }

    /** out[m] = the error of each input value: per position W^T delta, output channels in order, then col2im. */
    static void errors(Weights weights, double[][] delta, double[][] out, int count, ConvGeometry geometry,
                       Precision p, Workers workers) {
        int positions = geometry.positions();
        int taps = geometry.taps();
        int rows = geometry.groupOutputs();
        int groups = geometry.groups();
        for (int m = 0; m < count; m++) {
            double[] error = new double[geometry.input().size()];
            double[][] byPosition = ConvGeometry.byPosition(delta[m], geometry.sums().channels(), positions);
            for (int group = 0; group < groups; group++) {
                Weights w = KernelRows.of(weights, group * rows, rows, taps);
                double[][] d = groups == 1 ? byPosition : KernelRows.columns(byPosition, group * rows, rows);
                double[][] tapErrors = new double[positions][taps];
                workers.split(taps, (long) rows * positions, (from, to) ->
                        BlockedProducts.transposedProducts(w, rows, taps, from, to, d, positions, tapErrors));
                geometry.addPatchErrors(tapErrors, group, error, p);
            }
            out[m] = error;
        }
    }

    /**
     * g[o][tap] += delta[o][pos] patch[pos][tap] and gb[o] += delta[o][pos], positions in order
     * within each example, examples in order; each product and sum rounded.
     */
    static void addGradients(double[] gradient, double[] biasGradient, double[][] delta, double[][] inputs, int count,
                             ConvGeometry geometry, Precision p, Workers workers) {
        int positions = geometry.positions();
        int taps = geometry.taps();
        int rows = geometry.groupOutputs();
        for (int m = 0; m < count; m++) {
            double[][] byPosition = ConvGeometry.byPosition(delta[m], geometry.sums().channels(), positions);
            for (int group = 0; group < geometry.groups(); group++) {
                double[][] patches = geometry.patches(inputs[m], group);
                int first = group * rows;
                workers.split(rows, (long) taps * positions, (from, to) -> BlockedProducts.addOuterProducts(
                        gradient, biasGradient, taps, first + from, first + to, byPosition, patches, positions, p));
            }
        }
    }
}
