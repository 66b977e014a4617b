package org.neurotile.noc.topology;

import java.util.Objects;

/** A 2-D torus: a mesh plus wrap-around links joining the ends of every row and column. */
public final class Torus2D extends LinkedTopology {
    private final int width;
    private final int height;
    private final LinkTable links;

    /** Use {@link Topologies#parse} for user input; this checks only what a caller could get wrong. */
    public Torus2D(int width, int height) {
        Topologies.checkGrid(width, height);
        this.width = width;
        this.height = height;
        this.links = GridLinks.build(width, height, true);
    }

    @Override
    LinkTable links() {
        return links;
    }

    @Override
    public String spec() {
        return "torus:" + width + "x" + height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int routerCount() {
        return tileCount();
    }

    @Override
    public int minimalHops(int srcTile, int dstTile) {
        Objects.checkIndex(srcTile, tileCount());
        Objects.checkIndex(dstTile, tileCount());
        final int dx = Math.abs(srcTile % width - dstTile % width);
        final int dy = Math.abs(srcTile / width - dstTile / width);
        return Math.min(dx, width - dx) + Math.min(dy, height - dy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Torus2D that && that.width == width && that.height == height;
    }

    @Override
    public int hashCode() {
        return 31 * width + height;
    }
}
