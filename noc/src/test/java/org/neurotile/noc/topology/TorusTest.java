package org.neurotile.noc.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TorusTest {

    /** Directed links along one dimension of a ring of {@code size} routers, for each of {@code rings} rings. */
    private static int ringLinks(int size, int rings) {
        return rings * (size >= 3 ? 2 * size : size == 2 ? 2 : 0);
    }

    @Property
    void linkCountLeavesOutDuplicateAndSelfWrapLinks(
            @ForAll @IntRange(min = 1, max = 12) int w, @ForAll @IntRange(min = 1, max = 12) int h) {
        assertEquals(ringLinks(w, h) + ringLinks(h, w), Grid2D.torus(w, h).linkCount());
    }

    @Test
    void wrapLinkJoinsTheEndsOfARow() {
        final Grid2D torus = Grid2D.torus(4, 3);
        assertNotEquals(-1, torus.link(torus.tile(3, 1), torus.tile(0, 1)));
        assertNotEquals(-1, torus.link(torus.tile(0, 1), torus.tile(3, 1)));
    }

    @Test
    void sizeTwoDimensionHasOneLinkEachWay() {
        final Grid2D torus = Grid2D.torus(2, 1);
        assertEquals(2, torus.linkCount());
        assertEquals(1, torus.outLinkCount(0));
    }

    @Test
    void minimalHopsTakesTheShorterWayRound() {
        final Grid2D torus = Grid2D.torus(8, 8);
        assertEquals(1 + 2, torus.minimalHops(torus.tile(0, 0), torus.tile(7, 6)));
    }

    @Test
    void specIsCanonical() {
        assertEquals("torus:16x16", Grid2D.torus(16, 16).spec());
    }
}
