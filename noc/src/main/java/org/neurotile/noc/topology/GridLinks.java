package org.neurotile.noc.topology;

/** Builds the 4-neighbour links of a tile grid, optionally with wrap-around (torus) links. */
final class GridLinks {
    private GridLinks() {
    }

    /**
     * Links leave routers in row-major order and, per router, towards +x, -x, +y, -y. A wrap link that
     * would duplicate a mesh link (a dimension of size 2) or loop back to its router (size 1) is left out.
     */
    static LinkTable build(int width, int height, boolean wrap) {
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
