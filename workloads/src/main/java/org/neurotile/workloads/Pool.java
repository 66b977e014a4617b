package org.neurotile.workloads;

import java.util.Locale;
import java.util.Objects;

/**
 * Pooling over {@code kernel x kernel} windows of each channel, {@code stride} apart, on the map
 * padded by {@code padding} on every side (padding never wins a max and counts as zero in an
 * average, whose divisor is always kernel^2, as PyTorch's {@code count_include_pad}). The window
 * count is floor((H + 2 padding - kernel) / stride) + 1, as PyTorch's default (no ceil mode).
 *
 * <p>A pool is not a layer of its own: it runs in the tile that holds the convolution output it
 * reads, after the activation, so it belongs to that {@link Conv2d}.
 */
public record Pool(Kind kind, int kernel, int stride, int padding) {

    /** Max or average pooling. */
    public enum Kind {
        MAX, AVG;

        /** {@code maxpool} or {@code avgpool}, as network files spell the layer. */
        public String id() {
            return name().toLowerCase(Locale.ROOT) + "pool";
        }
    }

    public Pool {
        Objects.requireNonNull(kind, "kind");
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException(kind.id() + ": kernel and stride must be >= 1 and padding >= 0, got "
                    + "kernel " + kernel + ", stride " + stride + ", padding " + padding);
        }
        if (2 * padding > kernel) {
            throw new IllegalArgumentException(kind.id() + ": padding " + padding + " must be at most half the kernel "
                    + kernel + " (a window of padding alone has no value)");
        }
    }

    /** The maps after pooling {@code input}. */
    public TensorShape output(TensorShape input) {
        int height = windows(input.height());
        int width = windows(input.width());
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(kind.id() + " " + kernel + "x" + kernel + " with padding " + padding
                    + " is larger than its " + input.height() + "x" + input.width() + " input");
        }
        return new TensorShape(input.channels(), height, width);
    }

    private int windows(int size) {
        int padded = size + 2 * padding;
        return padded < kernel ? 0 : (padded - kernel) / stride + 1;
    }

    /** e.g. {@code maxpool 3x3/2 pad 1}. */
    public String describe() {
        return kind.id() + " " + kernel + "x" + kernel + (stride == 1 ? "" : "/" + stride)
                + (padding == 0 ? "" : " pad " + padding);
    }
}
