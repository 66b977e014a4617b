package org.neurotile.neuron.layers;

import org.neurotile.neuron.math.Precision;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.TensorShape;

/**
 * Where a convolution's kernel taps land on its input: the patches (im2col, one row per output
 * position) that turn the convolution into a matrix product, and the way back (col2im), which adds
 * each tap's error to the input value it read.
 *
 * <p>A patch of group g at output position (y, x) holds the group's C_in / groups input channels
 * c, each its k x k taps (ky, kx) row by row: the order of a kernel's OIHW weights, so that the
 * forward sum of an output value is the dot product of a kernel row with a patch. Taps in the
 * padding read 0.
 */
public record ConvGeometry(TensorShape input, TensorShape sums, int kernel, int stride, int padding, int dilation,
                    int groups) {

    static ConvGeometry of(Conv2d layer, TensorShape input) {
        return new ConvGeometry(input, layer.sums(input), layer.kernel(), layer.stride(), layer.padding(),
                layer.dilation(), layer.groups());
    }

    /** The input channels of a group. */
    public int groupInputs() {
        return input.channels() / groups;
    }

    /** The output channels of a group. */
    public int groupOutputs() {
        return sums.channels() / groups;
    }

    /** The taps of one kernel: k^2 C_in / groups, the length of a patch and of a kernel row. */
    public int taps() {
        return kernel * kernel * groupInputs();
    }

    /** The output positions H_out W_out: the number of patches. */
    public int positions() {
        return sums.positions();
    }

    /** The patches of group {@code group}: patches[pos][tap], pos = y W_out + x, tap = (c k + ky) k + kx. */
    public double[][] patches(double[] values, int group) {
        int positions = positions();
        int taps = taps();
        double[][] patches = new double[positions][taps];
        int height = input.height();
        int width = input.width();
        int firstChannel = group * groupInputs();
        for (int y = 0; y < sums.height(); y++) {
            for (int x = 0; x < sums.width(); x++) {
                double[] patch = patches[y * sums.width() + x];
                int tap = 0;
                for (int c = 0; c < groupInputs(); c++) {
                    int plane = (firstChannel + c) * height * width;
                    for (int ky = 0; ky < kernel; ky++) {
                        int iy = y * stride - padding + ky * dilation;
                        for (int kx = 0; kx < kernel; kx++, tap++) {
                            int ix = x * stride - padding + kx * dilation;
                            if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                patch[tap] = values[plane + iy * width + ix];
                            }
                        }
                    }
                }
            }
        }
        return patches;
    }

    /**
     * col2im: adds errors[pos][tap] to the input value the tap read, for group {@code group}; the
     * adds go position by position, each position's taps in order, each sum rounded to {@code p}.
     * Taps in the padding are dropped.
     */
    void addPatchErrors(double[][] errors, int group, double[] into, Precision p) {
        int height = input.height();
        int width = input.width();
        int firstChannel = group * groupInputs();
        for (int y = 0; y < sums.height(); y++) {
            for (int x = 0; x < sums.width(); x++) {
                double[] error = errors[y * sums.width() + x];
                int tap = 0;
                for (int c = 0; c < groupInputs(); c++) {
                    int plane = (firstChannel + c) * height * width;
                    for (int ky = 0; ky < kernel; ky++) {
                        int iy = y * stride - padding + ky * dilation;
                        for (int kx = 0; kx < kernel; kx++, tap++) {
                            int ix = x * stride - padding + kx * dilation;
                            if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                int at = plane + iy * width + ix;
                                into[at] = p.round(into[at] + error[tap]);
                            }
                        }
                    }
                }
            }
        }
    }

    /** values (C x positions, CHW) as one row per position: result[pos][c]. */
    static double[][] byPosition(double[] values, int channels, int positions) {
        double[][] rows = new double[positions][channels];
        for (int c = 0; c < channels; c++) {
            int plane = c * positions;
            for (int pos = 0; pos < positions; pos++) {
                rows[pos][c] = values[plane + pos];
            }
        }
        return rows;
    }
}
