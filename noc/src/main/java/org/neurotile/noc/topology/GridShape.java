package org.neurotile.noc.topology;

/** The width x height of a tile array, e.g. the shape the command line's {@code --array} gives. */
public record GridShape(int width, int height) {
    public GridShape {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("grid shape must be at least 1x1, got " + width + "x" + height);
        }
    }

    public long tileCount() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
