package org.neurotile.neuron.layers;

/**
 * {@link ConvGeometry}'s patches on flat float32 arrays, fast: each tap's offset from its window's
 * corner is computed once, so that a window inside the input is a gather without bounds checks,
 * and a range of taps can be unfolded alone (a thread's share of the weight gradient).
 */
final class Im2col {
    private final ConvGeometry geometry;
    private final int[] offset; // of each tap of a group, from the window's corner in the group's first channel
    private final int[] row;    // of each tap in its window
    private final int[] column;

    Im2col(ConvGeometry geometry) {
        this.geometry = geometry;
        int taps = geometry.taps();
        int k = geometry.kernel();
        int width = geometry.input().width();
        int plane = geometry.input().height() * width;
        offset = new int[taps];
        row = new int[taps];
        column = new int[taps];
        for (int tap = 0; tap < taps; tap++) {
            int c = tap / (k * k);
            row[tap] = tap / k % k * geometry.dilation();
            column[tap] = tap % k * geometry.dilation();
            offset[tap] = c * plane + row[tap] * width + column[tap];
        }
    }

    /** The values as float32 (they are float32 values) into {@code into}, the first {@code n}. */
    static void floats(double[] values, int n, float[] into) {
        for (int j = 0; j < n; j++) {
            into[j] = (float) values[j];
        }
    }

    /**
     * Taps {@code from..to-1} of every patch of {@code group}: into[pos ld + tap - from] = the
     * input value tap reads at output position pos, 0 in the padding; {@code input} is the whole
     * input as float32 values.
     */
    void unfold(float[] input, int group, int from, int to, float[] into, int ld) {
        int height = geometry.input().height();
        int width = geometry.input().width();
        int stride = geometry.stride();
        int padding = geometry.padding();
        int reach = (geometry.kernel() - 1) * geometry.dilation();
        int channels = group * geometry.groupInputs() * height * width;
        int outWidth = geometry.sums().width();
        for (int y = 0; y < geometry.sums().height(); y++) {
            int top = y * stride - padding;
            for (int x = 0; x < outWidth; x++) {
                int left = x * stride - padding;
                int at = (y * outWidth + x) * ld - from;
                if (top >= 0 && top + reach < height && left >= 0 && left + reach < width) {
                    int corner = channels + top * width + left;
                    for (int tap = from; tap < to; tap++) {
                        into[at + tap] = input[corner + offset[tap]];
                    }
                } else {
                    for (int tap = from; tap < to; tap++) {
                        int iy = top + row[tap];
                        int ix = left + column[tap];
                        boolean inside = iy >= 0 && iy < height && ix >= 0 && ix < width;
                        into[at + tap] = inside ? input[channels + offset[tap] - row[tap] * width - column[tap]
                                + iy * width + ix] : 0f;
                    }
                }
            }
        }
    }

    /**
     * Every patch of {@code group} as columns: into[tap positions + pos] = the input value tap
     * reads at output position pos, 0 in the padding; each tap's row is a strided copy of input
     * rows.
     */
    void unfoldTransposed(float[] input, int group, float[] into) {
        int height = geometry.input().height();
        int width = geometry.input().width();
        int stride = geometry.stride();
        int padding = geometry.padding();
        int channels = group * geometry.groupInputs() * height * width;
        int outHeight = geometry.sums().height();
        int outWidth = geometry.sums().width();
        int at = 0;
        for (int tap = 0; tap < geometry.taps(); tap++) {
            int plane = channels + offset[tap] - row[tap] * width - column[tap];
            int dx = column[tap] - padding;
            // the output columns whose tap lands inside the input: first..last-1
            int first = Math.min(outWidth, dx >= 0 ? 0 : (-dx + stride - 1) / stride);
            int last = Math.max(first, Math.min(outWidth, width - dx <= 0 ? 0 : (width - dx - 1) / stride + 1));
            for (int y = 0; y < outHeight; y++, at += outWidth) {
                int iy = y * stride - padding + row[tap];
                if (iy < 0 || iy >= height) {
                    java.util.Arrays.fill(into, at, at + outWidth, 0f);
                    continue;
                }
                int line = plane + iy * width + dx;
                java.util.Arrays.fill(into, at, at + first, 0f);
                for (int x = first; x < last; x++) {
                    into[at + x] = input[line + x * stride];
                }
                java.util.Arrays.fill(into, at + last, at + outWidth, 0f);
            }
        }
    }

    /**
     * col2im: adds errors[pos taps + tap] to the input value the tap read, position by position,
     * each position's taps in order, in float arithmetic; taps in the padding are dropped.
     */
    void fold(float[] errors, int group, float[] into) {
        int height = geometry.input().height();
        int width = geometry.input().width();
        int stride = geometry.stride();
        int padding = geometry.padding();
        int taps = geometry.taps();
        int reach = (geometry.kernel() - 1) * geometry.dilation();
        int channels = group * geometry.groupInputs() * height * width;
        int outWidth = geometry.sums().width();
        for (int y = 0; y < geometry.sums().height(); y++) {
            int top = y * stride - padding;
            for (int x = 0; x < outWidth; x++) {
                int left = x * stride - padding;
                int at = (y * outWidth + x) * taps;
                if (top >= 0 && top + reach < height && left >= 0 && left + reach < width) {
                    int corner = channels + top * width + left;
                    for (int tap = 0; tap < taps; tap++) {
                        into[corner + offset[tap]] += errors[at + tap];
                    }
                } else {
                    for (int tap = 0; tap < taps; tap++) {
                        int iy = top + row[tap];
                        int ix = left + column[tap];
                        if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                            into[channels + offset[tap] - row[tap] * width - column[tap] + iy * width + ix]
                                    += errors[at + tap];
                        }
                    }
                }
            }
        }
    }
}
