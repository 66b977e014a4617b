package org.neurotile.workloads;

/**
 * The shape of the values a layer reads or outputs: {@code channels} feature maps of
 * {@code height x width}, stored channel by channel, each map row by row (CHW, PyTorch's NCHW
 * without the batch). A flat vector of n values is n x 1 x 1, so a dense layer after a
 * convolution reads the feature maps in that order (PyTorch's {@code flatten}).
 */
public record TensorShape(int channels, int height, int width) {

    public TensorShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("a shape needs at least one channel, row and column, got "
                    + channels + "x" + height + "x" + width);
        }
        if ((long) channels * height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + channels + "x" + height + "x" + width + " holds more than "
                    + Integer.MAX_VALUE + " values");
        }
    }

    /** n values as one vector: n x 1 x 1. */
    public static TensorShape flat(int values) {
        return new TensorShape(values, 1, 1);
    }

    /** The values the shape holds. */
    public int size() {
        return channels * height * width;
    }

    /** Whether the shape is a plain vector (1 x 1 maps). */
    public boolean isFlat() {
        return height == 1 && width == 1;
    }

    /** The values of one channel's map. */
    public int positions() {
        return height * width;
    }

    /** {@code 784} for a vector, {@code 32x26x26} (channels x height x width) for feature maps. */
    @Override
    public String toString() {
        return isFlat() ? String.valueOf(channels) : channels + "x" + height + "x" + width;
    }
}
