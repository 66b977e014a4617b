package org.neurotile.noc.routing;

import java.util.Objects;
import org.neurotile.noc.topology.Ring;

/**
 * The shorter way round the ring; when both ways are equally long it goes in the + direction (along
 * the snake order), so the choice is deterministic.
 */
final class RingRouting implements Routing {
    private final Ring ring;

    RingRouting(Ring ring) {
        this.ring = ring;
    }

    @Override
    public String name() {
        return "ring";
    }

    @Override
    public int nextLink(int atRouter, int dstTile) {
        final int tiles = ring.tileCount();
        Objects.checkIndex(atRouter, tiles);
        Objects.checkIndex(dstTile, tiles);
        if (atRouter == dstTile) {
            return -1;
        }
        final int at = ring.position(atRouter);
        final int forward = Math.floorMod(ring.position(dstTile) - at, tiles);
        final int next = forward <= tiles - forward ? (at + 1) % tiles : (at + tiles - 1) % tiles;
        return ring.link(atRouter, ring.tileAt(next));
    }

    @Override
    public String toString() {
        return name() + " on " + ring.spec();
    }
}
