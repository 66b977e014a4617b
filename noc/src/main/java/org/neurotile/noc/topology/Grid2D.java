package org.neurotile.noc.topology;

import java.util.Objects;

/**
 * A 2-D grid: each tile router links to its up to 4 grid neighbours in both directions. A grid that
 * {@link #wraps() wraps} is a torus: wrap-around links join the ends of every row and column, and hop
 * distances and routes may go the other way round. Without wrap it is a mesh.
 */
public final class Grid2D extends LinkedTopology {
    private final boolean wraps;
    private final LinkTable links;

    /** Use {@link Topologies#parse} for user input; this checks only what a caller could get wrong. */
    public Grid2D(GridShape shape, boolean wraps) {
        super(shape.width(), shape.height());
        this.wraps = wraps;
        this.links = buildLinks(width, height, wraps);
    }

    /** A grid without wrap-around links. */
    public static Grid2D mesh(int width, int height) {
        return new Grid2D(new GridShape(width, height), false);
    }

    /** A grid with wrap-around links. */
    public static Grid2D torus(int width, int height) {
        return new Grid2D(new GridShape(width, height), true);
    }

    /** True if the ends of every row and column are linked (a torus), false for a mesh. */
    public boolean wraps() {
        return wraps;
    }

    public GridShape shape() {
        return new GridShape(width, height);
    }

    @Override
    LinkTable links() {
        return links;
    }

    @Override
    public String spec() {
        return (wraps ? "torus:" : "mesh:") + width + "x" + height;
    }

    @Override
    public int minimalHops(int srcTile, int dstTile) {
        Objects.checkIndex(srcTile, tileCount());
        Objects.checkIndex(dstTile, tileCount());
        return distance(srcTile % width, dstTile % width, width) + distance(srcTile / width, dstTile / width, height);
    }

    private int distance(int a, int b, int size) {
        final int d = Math.abs(a - b);
        return wraps ? Math.min(d, size - d) : d;
    }

    /**
     * Links leave routers in row-major order and, per router, towards +x, -x, +y, -y. A wrap link that
     * would duplicate a mesh link (a dimension of size 2) or loop back to its router (size 1) is left out.
     */
    private static LinkTable buildLinks(int width, int height, boolean wrap) {
        final int tiles = width * height;
        final LinkTable.Builder links = new LinkTable.Builder(tiles, 4 * tiles);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                final int router = y * width + x;
                final int first = links.size();
                addIfNew(links, first, router, step(x, +1, width, wrap), y, width);
                addIfNew(links, first, router, step(x, -1, width, wrap), y, width);
                final int up = step(y, +1, height, wrap);
                final int down = step(y, -1, height, wrap);
                addIfNew(links, first, router, up < 0 ? -1 : x, up, width);
                addIfNew(links, first, router, down < 0 ? -1 : x, down, width);
            }
        }
        return links.build();
    }

    /** The coordinate one step from {@code at}, or -1 if the step leaves an unwrapped grid. */
    private static int step(int at, int delta, int size, boolean wrap) {
        final int next = at + delta;
        if (next >= 0 && next < size) {
            return next;
        }
        return wrap ? Math.floorMod(next, size) : -1;
    }

    private static void addIfNew(LinkTable.Builder links, int first, int router, int x, int y, int width) {
        if (x < 0 || y < 0) {
            return;
        }
        final int neighbour = y * width + x;
        if (neighbour != router && !links.addedSince(first, router, neighbour)) {
            links.add(router, neighbour);
        }
    }
}
