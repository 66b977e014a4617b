package org.neurotile.noc.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A mesh and a torus of one shape are one grid; the wrap flag is all that tells them apart. */
class GridWrapTest {

    @Test
    void meshAndTorusOfOneShapeAreOneGridKindDifferingInTheFlag() {
        final Grid2D mesh = (Grid2D) Topologies.parse("mesh:6x4");
        final Grid2D torus = (Grid2D) Topologies.parse("torus:6x4");
        assertEquals(mesh.shape(), torus.shape());
        assertEquals(false, mesh.wraps());
        assertEquals(true, torus.wraps());
        assertNotEquals(mesh, torus);
    }

    @Property
    void torusHasEveryMeshLinkPlusOnlyLinksJoiningTheEndsOfARowOrColumn(
            @ForAll @IntRange(min = 1, max = 9) int w, @ForAll @IntRange(min = 1, max = 9) int h) {
        final Grid2D mesh = Grid2D.mesh(w, h);
        final Grid2D torus = Grid2D.torus(w, h);
        for (int l = 0; l < mesh.linkCount(); l++) {
            assertNotEquals(-1, torus.link(mesh.linkFrom(l), mesh.linkTo(l)), mesh.linkName(l));
        }
        int wrapLinks = 0;
        for (int l = 0; l < torus.linkCount(); l++) {
            if (mesh.link(torus.linkFrom(l), torus.linkTo(l)) == -1) {
                final Coord from = torus.coord(torus.linkFrom(l));
                final Coord to = torus.coord(torus.linkTo(l));
                final boolean rowEnds = from.y() == to.y() && Math.abs(from.x() - to.x()) == w - 1;
                final boolean columnEnds = from.x() == to.x() && Math.abs(from.y() - to.y()) == h - 1;
                assertTrue(rowEnds || columnEnds, torus.linkName(l));
                wrapLinks++;
            }
        }
        assertEquals(mesh.linkCount() + wrapLinks, torus.linkCount());
    }

    @Property
    void torusHopsAreTheMeshHopsTakenTheShorterWayRoundEachDimension(
            @ForAll @IntRange(min = 1, max = 9) int w, @ForAll @IntRange(min = 1, max = 9) int h,
            @ForAll @IntRange(min = 0, max = 80) int anySrc, @ForAll @IntRange(min = 0, max = 80) int anyDst) {
        final Grid2D mesh = Grid2D.mesh(w, h);
        final Grid2D torus = Grid2D.torus(w, h);
        final Coord src = mesh.coord(anySrc % mesh.tileCount());
        final Coord dst = mesh.coord(anyDst % mesh.tileCount());
        final int dx = Math.abs(src.x() - dst.x());
        final int dy = Math.abs(src.y() - dst.y());
        assertEquals(dx + dy, mesh.minimalHops(mesh.tile(src), mesh.tile(dst)));
        assertEquals(Math.min(dx, w - dx) + Math.min(dy, h - dy), torus.minimalHops(torus.tile(src), torus.tile(dst)));
    }

    @Test
    void wrapAddsNothingToAGridOfSidesOneAndTwo() {
        final Grid2D mesh = Grid2D.mesh(2, 1);
        final Grid2D torus = Grid2D.torus(2, 1);
        assertEquals(mesh.linkCount(), torus.linkCount());
        assertEquals(mesh.minimalHops(0, 1), torus.minimalHops(0, 1));
    }

    @Test
    void specNamesTheGridByItsFlag() {
        assertEquals("mesh:5x3", Grid2D.mesh(5, 3).spec());
        assertEquals("torus:5x3", Grid2D.torus(5, 3).spec());
    }
}
