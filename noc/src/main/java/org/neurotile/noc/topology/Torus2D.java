package org.neurotile.noc.topology;

import java.util.Objects;

/** A 2-D torus: a mesh plus wrap-around links joining the ends of every row and column. */
public final class Torus2D extends LinkedTopology {
    private final LinkTable links;

    /** Use {@link Topologies#parse} for user input; this checks only what a caller could get wrong. */
    public Torus2D(int width, int height) {
        super(width, height);
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
    public int minimalHops(int srcTile, int dstTile) {
        Objects.checkIndex(srcTile, tileCount());
        Objects.checkIndex(dstTile, tileCount());
        final int dx = Math.abs(srcTile % width - dstTile % width);
        final int dy = Math.abs(srcTile / width - dstTile / width);
        return Math.min(dx, width - dx) + Math.min(dy, height - dy);
    }
}
