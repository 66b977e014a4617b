package org.neurotile.noc.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MeshTest {

    @Property
    void hasTwoLinksPerAdjacentPair(@ForAll @IntRange(min = 1, max = 12) int w, @ForAll @IntRange(min = 1, max = 12) int h) {
        assertEquals(2 * (w * (h - 1) + h * (w - 1)), Grid2D.mesh(w, h).linkCount());
    }

    @Test
    void tileIndexIsRowMajor() {
        final Grid2D mesh = Grid2D.mesh(8, 4);
        assertEquals(3 * 8 + 5, mesh.tile(5, 3));
        assertEquals(new Coord(5, 3), mesh.coord(29));
    }

    @Test
    void cornerRouterLinksOnlyToItsTwoNeighbours() {
        final Grid2D mesh = Grid2D.mesh(3, 3);
        assertEquals(2, mesh.outLinkCount(0));
        assertEquals(-1, mesh.link(0, mesh.tile(2, 0)));
        assertEquals(-1, mesh.link(0, mesh.tile(0, 2)));
    }

    @Test
    void minimalHopsIsManhattanDistance() {
        final Grid2D mesh = Grid2D.mesh(8, 8);
        assertEquals(7 + 5, mesh.minimalHops(mesh.tile(0, 6), mesh.tile(7, 1)));
    }

    @Test
    void namesRoutersAndLinksByCoordinates() {
        final Grid2D mesh = Grid2D.mesh(8, 8);
        final int link = mesh.link(mesh.tile(3, 4), mesh.tile(4, 4));
        assertEquals("(3,4)", mesh.routerName(mesh.tile(3, 4)));
        assertEquals("(3,4)->(4,4)", mesh.linkName(link));
    }

    @Test
    void specIsCanonical() {
        assertEquals("mesh:8x4", Grid2D.mesh(8, 4).spec());
    }
}
