package org.neurotile.noc.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.neurotile.noc.topology.Coord;
import org.neurotile.noc.topology.Grid2D;

/** Dimension-order routes on a mesh and on a torus of the same shape: only wrap-around routes differ. */
class DimensionOrderRoutingTest {

    private static String[] route(Grid2D grid, String routing, Coord src, Coord dst) {
        return Arrays.stream(Paths.path(grid, Routings.create(routing, grid), grid.tile(src), grid.tile(dst)))
                .mapToObj(grid::linkName).toArray(String[]::new);
    }

    @Test
    void torusTakesTheWrapLinkWhereTheMeshCrossesTheRow() {
        assertEquals(7, route(Grid2D.mesh(8, 1), "xy", new Coord(0, 0), new Coord(7, 0)).length);
        assertArrayEquals(new String[] {"(0,0)->(7,0)"},
                route(Grid2D.torus(8, 1), "xy", new Coord(0, 0), new Coord(7, 0)));
    }

    @Test
    void torusGoesInThePlusDirectionWhenBothWaysAreEquallyLong() {
        assertArrayEquals(new String[] {"(2,0)->(1,0)", "(1,0)->(0,0)"},
                route(Grid2D.mesh(4, 1), "xy", new Coord(2, 0), new Coord(0, 0)));
        assertArrayEquals(new String[] {"(2,0)->(3,0)", "(3,0)->(0,0)"},
                route(Grid2D.torus(4, 1), "xy", new Coord(2, 0), new Coord(0, 0)));
    }

    @Test
    void yxOnATorusWrapsTheColumnFirst() {
        assertArrayEquals(new String[] {"(0,0)->(0,3)", "(0,3)->(3,3)"},
                route(Grid2D.torus(4, 4), "yx", new Coord(0, 0), new Coord(3, 3)));
    }

    @Property
    void meshAndTorusRouteAlikeWhenNoDimensionIsCrossedHalfWayOrMore(
            @ForAll @IntRange(min = 1, max = 9) int w, @ForAll @IntRange(min = 1, max = 9) int h,
            @ForAll @IntRange(min = 0, max = 80) int anySrc, @ForAll @IntRange(min = 0, max = 80) int anyDst,
            @ForAll boolean xFirst) {
        final Grid2D mesh = Grid2D.mesh(w, h);
        final Coord src = mesh.coord(anySrc % mesh.tileCount());
        final Coord dst = mesh.coord(anyDst % mesh.tileCount());
        Assume.that(2 * Math.abs(src.x() - dst.x()) < w && 2 * Math.abs(src.y() - dst.y()) < h);
        final String routing = xFirst ? "xy" : "yx";
        assertArrayEquals(route(mesh, routing, src, dst), route(Grid2D.torus(w, h), routing, src, dst));
    }
}
