package org.neurotile.noc.routing;

import java.util.Objects;
import org.neurotile.noc.topology.Grid2D;

/**
 * Dimension-order routing on a grid: finish one dimension (x for {@code xy}, y for {@code yx}), then
 * the other. On a grid that wraps (a torus) each dimension goes the shorter way round; when both ways
 * are equally long (distance exactly size/2) it goes in the + direction, so the choice is deterministic.
 */
final class DimensionOrderRouting implements Routing {
    private final Grid2D grid;
    private final boolean xFirst;

    DimensionOrderRouting(Grid2D grid, boolean xFirst) {
        this.grid = grid;
        this.xFirst = xFirst;
    }

    @Override
    public String name() {
        return xFirst ? "xy" : "yx";
    }

    @Override
    public int nextLink(int atRouter, int dstTile) {
        final int tiles = grid.tileCount();
        Objects.checkIndex(atRouter, tiles);
        Objects.checkIndex(dstTile, tiles);
        if (atRouter == dstTile) {
            return -1;
        }
        final int width = grid.width();
        final int x = atRouter % width;
        final int y = atRouter / width;
        final int dstX = dstTile % width;
        final int dstY = dstTile / width;
        final boolean moveX = xFirst ? x != dstX : y == dstY;
        final int next = moveX
                ? y * width + step(x, dstX, width)
                : step(y, dstY, grid.height()) * width + x;
        return grid.link(atRouter, next);
    }

    private int step(int at, int dst, int size) {
        if (!grid.wraps()) {
            return dst > at ? at + 1 : at - 1;
        }
        final int forward = Math.floorMod(dst - at, size);
        return forward <= size - forward ? (at + 1) % size : (at + size - 1) % size;
    }

    @Override
    public String toString() {
        return name() + " on " + grid.spec();
    }
}
