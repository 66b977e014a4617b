package org.neurotile.neuron.layers;

import org.neurotile.neuron.math.Precision;
import org.neurotile.workloads.Pool;
import org.neurotile.workloads.TensorShape;

/**
 * A {@link Pool} over a convolution's activated maps, and the way its error goes back to them.
 * Windows are visited channel by channel, row by row; a window's values in row-major order, those
 * in the padding skipped (they never win a max and add zero to an average, whose divisor is k^2).
 *
 * <ul>
 *   <li>max: the window's largest value; its error goes to the first position holding it.
 *   <li>avg: the window's values summed in order, each sum rounded, then divided by k^2 and
 *       rounded; its error divided by k^2 (rounded) goes to each of its positions.
 * </ul>
 * A position in several windows sums what they send in window order, each sum rounded.
 */
record PoolArithmetic(Pool pool, TensorShape maps, TensorShape pooled) {

    static PoolArithmetic of(Pool pool, TensorShape maps) {
        return new PoolArithmetic(pool, maps, pool.output(maps));
    }

    /** out[c][oy][ox] = the pool of window (oy, ox) of channel c of {@code values}. */
    void forward(double[] values, double[] out, Precision p) {
        int k = pool.kernel();
        double area = k * k;
        int o = 0;
        for (int c = 0; c < maps.channels(); c++) {
            for (int oy = 0; oy < pooled.height(); oy++) {
                for (int ox = 0; ox < pooled.width(); ox++, o++) {
                    if (pool.kind() == Pool.Kind.MAX) {
                        out[o] = values[firstMax(values, c, oy, ox)];
                    } else {
                        out[o] = p.round(windowSum(values, c, oy, ox, p) / area);
                    }
                }
            }
        }
    }

    /** The error each map value receives from the windows it is in, given the error of each window. */
    double[] backward(double[] error, double[] values, Precision p) {
        double[] into = new double[maps.size()];
        int k = pool.kernel();
        double area = k * k;
        int o = 0;
        for (int c = 0; c < maps.channels(); c++) {
            for (int oy = 0; oy < pooled.height(); oy++) {
                for (int ox = 0; ox < pooled.width(); ox++, o++) {
                    if (pool.kind() == Pool.Kind.MAX) {
                        int at = firstMax(values, c, oy, ox);
                        into[at] = p.round(into[at] + error[o]);
                    } else {
                        spread(into, c, oy, ox, p.round(error[o] / area), p);
                    }
                }
            }
        }
        return into;
    }

    /** The index of the first largest value of a window (row-major), padding skipped. */
    private int firstMax(double[] values, int c, int oy, int ox) {
        int best = -1;
        int plane = c * maps.positions();
        for (int ky = 0; ky < pool.kernel(); ky++) {
            int y = oy * pool.stride() - pool.padding() + ky;
            if (y < 0 || y >= maps.height()) {
                continue;
            }
            for (int kx = 0; kx < pool.kernel(); kx++) {
                int x = ox * pool.stride() - pool.padding() + kx;
                if (x < 0 || x >= maps.width()) {
                    continue;
                }
                int at = plane + y * maps.width() + x;
                if (best < 0) {
                    best = at;
                    continue;
                }
                // values[at] > values[best] without a branch (the difference's sign; NaN is not greater)
                long greater = Relu.positive(values[at] - values[best]);
                best = (int) ((at & greater) | (best & ~greater));
            }
        }
        return best;
    }

    private double windowSum(double[] values, int c, int oy, int ox, Precision p) {
        double sum = 0;
        int plane = c * maps.positions();
        for (int ky = 0; ky < pool.kernel(); ky++) {
            int y = oy * pool.stride() - pool.padding() + ky;
            for (int kx = 0; kx < pool.kernel(); kx++) {
                int x = ox * pool.stride() - pool.padding() + kx;
                if (y >= 0 && y < maps.height() && x >= 0 && x < maps.width()) {
                    sum = p.round(sum + values[plane + y * maps.width() + x]);
                }
            }
        }
        return sum;
    }

    private void spread(double[] into, int c, int oy, int ox, double share, Precision p) {
        int plane = c * maps.positions();
        for (int ky = 0; ky < pool.kernel(); ky++) {
            int y = oy * pool.stride() - pool.padding() + ky;
            for (int kx = 0; kx < pool.kernel(); kx++) {
                int x = ox * pool.stride() - pool.padding() + kx;
                if (y >= 0 && y < maps.height() && x >= 0 && x < maps.width()) {
                    int at = plane + y * maps.width() + x;
                    into[at] = p.round(into[at] + share);
                }
            }
        }
    }
}
