package org.neurotile.noc.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RingTest {

    @Property
    void consecutivePositionsAreGridNeighbours(
            @ForAll @IntRange(min = 1, max = 9) int w, @ForAll @IntRange(min = 1, max = 9) int h) {
        final Ring ring = new Ring(w, h);
        for (int p = 0; p + 1 < ring.tileCount(); p++) {
            final Coord a = ring.coord(ring.tileAt(p));
            final Coord b = ring.coord(ring.tileAt(p + 1));
            assertEquals(1, Math.abs(a.x() - b.x()) + Math.abs(a.y() - b.y()), a + " " + b);
        }
    }

    @Property
    void hasTwoLinksPerTileFromThreeTiles(@ForAll @IntRange(min = 3, max = 100) int n) {
        assertEquals(2 * n, new Ring(n, 1).linkCount());
    }

    @Test
    void twoTilesShareOneLinkEachWayAndOneTileHasNone() {
        assertEquals(2, new Ring(2, 1).linkCount());
        assertEquals(0, new Ring(1, 1).linkCount());
    }

    @Test
    void snakeRunsBackwardsOnOddRows() {
        final Ring ring = new Ring(4, 2);
        assertEquals(ring.tile(3, 1), ring.tileAt(4));
        assertEquals(ring.tile(0, 1), ring.tileAt(7));
        assertEquals(7, ring.position(ring.tile(0, 1)));
    }

    @Test
    void closingLinkJoinsTheSnakesEnds() {
        final Ring ring = new Ring(4, 4);
        assertEquals(1, ring.minimalHops(ring.tile(0, 0), ring.tile(0, 3)));
    }

    @Test
    void specOmitsHeightOfOne() {
        assertEquals("ring:16", new Ring(16, 1).spec());
        assertEquals("ring:4x4", new Ring(4, 4).spec());
    }
}
