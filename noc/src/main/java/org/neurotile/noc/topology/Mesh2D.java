package org.neurotile.noc.topology;

import java.util.Objects;

/** A 2-D mesh: each tile router links to its up to 4 grid neighbours in both directions. */
public final class Mesh2D extends LinkedTopology {
    private final LinkTable links;

    /** Use {@link Topologies#parse} for user input; this checks only what a caller could get wrong. */
    public Mesh2D(int width, int height) {
        super(width, height);
        this.links = GridLinks.build(width, height, false);
    }

    @Override
    LinkTable links() {
        return links;
    }

    @Override
    public String spec() {
        return "mesh:" + width + "x" + height;
    }

    @Override
    public int minimalHops(int srcTile, int dstTile) {
        Objects.checkIndex(srcTile, tileCount());
        Objects.checkIndex(dstTile, tileCount());
        final int dx = Math.abs(srcTile % width - dstTile % width);
        final int dy = Math.abs(srcTile / width - dstTile / width);
        return dx + dy;
    }
}
