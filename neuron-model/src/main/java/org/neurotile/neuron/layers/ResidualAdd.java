package org.neurotile.neuron.layers;

import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Weights;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.TensorShape;

/**
 * A residual add: the output of an earlier layer ({@code added}) added to a convolution's sums
 * after the bias, as it is when the shapes match, else through a 1 x 1 projection with stride
 * {@code stride} whose weights P[o][c] (C_out rows of C_from, OIHW of a 1 x 1 kernel) start at
 * weight {@code offset} of the layer. The projected value of (o, y, x) is the dot product of row o
 * with the C_from values at (y stride, x stride), in the lanes of a dense row.
 */
record ResidualAdd(TensorShape added, TensorShape sums, boolean projected, int stride, int offset) {

    static ResidualAdd of(TensorShape added, TensorShape sums, int offset) {
        boolean projected = !added.equals(sums);
        return new ResidualAdd(added, sums, projected, projected ? Conv2d.projectionStride(added, sums) : 1, offset);
    }

    /** The projection's weights: C_from C_out, or 0 for the identity. */
    int weights() {
        return projected ? added.channels() * sums.channels() : 0;
    }

    /** sums += the added values (projected), each sum rounded. */
    void forward(Weights w, double[] values, double[] into, Precision p) {
        if (!projected) {
            for (int i = 0; i < into.length; i++) {
                into[i] = p.round(into[i] + values[i]);
            }
            return;
        }
        double[][] gathered = gathered(values);
        int from = added.channels();
        int positions = sums.positions();
        for (int o = 0; o < sums.channels(); o++) {
            for (int pos = 0; pos < positions; pos++) {
                int at = o * positions + pos;
                into[at] = p.round(into[at] + p.round(w.dot(offset + o * from, gathered[pos], from)));
            }
        }
    }

    /** The error the added values receive from the delta at the sums: the delta, or P^T delta (o in order). */
    double[] backward(Weights w, double[] delta, Precision p) {
        if (!projected) {
            return delta.clone();
        }
        double[] error = new double[added.size()];
        int from = added.channels();
        for (int o = 0; o < sums.channels(); o++) {
            for (int y = 0; y < sums.height(); y++) {
                for (int x = 0; x < sums.width(); x++) {
                    double d = delta[(o * sums.height() + y) * sums.width() + x];
                    int source = (y * stride) * added.width() + x * stride;
                    for (int c = 0; c < from; c++) {
                        int at = c * added.positions() + source;
                        error[at] = p.round(error[at] + p.round(w.get(offset + o * from + c) * d));
                    }
                }
            }
        }
        return error;
    }

    /** Adds the projection's gradient, sum over positions in order of delta[o][pos] x[c][pos], to g. */
    void addGradient(double[] g, double[] delta, double[] values, Precision p) {
        if (!projected) {
            return;
        }
        double[][] gathered = gathered(values);
        int from = added.channels();
        int positions = sums.positions();
        for (int o = 0; o < sums.channels(); o++) {
            int base = offset + o * from;
            for (int pos = 0; pos < positions; pos++) {
                double d = delta[o * positions + pos];
                double[] x = gathered[pos];
                for (int c = 0; c < from; c++) {
                    g[base + c] = p.round(g[base + c] + p.round(d * x[c]));
                }
            }
        }
    }

    /** The C_from values each output position reads: gathered[pos][c]. */
    private double[][] gathered(double[] values) {
        double[][] gathered = new double[sums.positions()][added.channels()];
        for (int y = 0; y < sums.height(); y++) {
            for (int x = 0; x < sums.width(); x++) {
                int source = (y * stride) * added.width() + x * stride;
                for (int c = 0; c < added.channels(); c++) {
                    gathered[y * sums.width() + x][c] = values[c * added.positions() + source];
                }
            }
        }
        return gathered;
    }
}
