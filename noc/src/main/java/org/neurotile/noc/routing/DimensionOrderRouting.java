package org.neurotile.noc.routing;

import java.util.Objects;
import org.neurotile.noc.topology.Topology;

/**
 * Dimension-order routing on a mesh or torus: finish one dimension (x for {@code xy}, y for
 * {@code yx}), then the other. On a torus each dimension goes the shorter way round; when both ways
 * are equally long (distance exactly size/2) it goes in the + direction, so the choice is deterministic.
 */
final class DimensionOrderRouting implements Routing {
    private final Topology topology;
    private final boolean xFirst;
    private final boolean wrap;

    DimensionOrderRouting(Topology topology, boolean xFirst, boolean wrap) {
        this.topology = topology;
        this.xFirst = xFirst;
        this.wrap = wrap;
    }

    @Override
    public String name() {
        return xFirst ? "xy" : "yx";
    }

    @Override
    public int nextLink(int atRouter, int dstTile) {
        final int tiles = topology.tileCount();
        Objects.checkIndex(atRouter, tiles);
        Objects.checkIndex(dstTile, tiles);
        if (atRouter == dstTile) {
            return -1;
        }
        final int width = topology.width();
        final int x = atRouter % width;
        final int y = atRouter / width;
        final int dstX = dstTile % width;
        final int dstY = dstTile / width;
        final boolean moveX = xFirst ? x != dstX : y == dstY;
        final int next = moveX
                ? y * width + step(x, dstX, width)
                : step(y, dstY, topology.height()) * width + x;
        return topology.link(atRouter, next);
    }

    private int step(int at, int dst, int size) {
        if (!wrap) {
            return dst > at ? at + 1 : at - 1;
        }
        final int forward = Math.floorMod(dst - at, size);
        return forward <= size - forward ? (at + 1) % size : (at + size - 1) % size;
    }

    @Override
    public String toString() {
        return name() + " on " + topology.spec();
    }
}
