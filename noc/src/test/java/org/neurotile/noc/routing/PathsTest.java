package org.neurotile.noc.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.neurotile.noc.routing.RoutedTopology.Unicast;
import org.neurotile.noc.topology.Coord;
import org.neurotile.noc.topology.Grid2D;
import org.neurotile.noc.topology.Topology;
import org.neurotile.noc.topology.TopologyArbitraries;

class PathsTest {

    @Provide
    Arbitrary<Unicast> unicasts() {
        return RoutedTopology.unicasts();
    }

    @Provide
    Arbitrary<Unicast> meshUnicasts() {
        return RoutedTopology.unicastsOn(TopologyArbitraries.meshes());
    }

    private static int[] path(Unicast u) {
        return Paths.path(u.on().topology(), u.on().routing(), u.src(), u.dst());
    }

    @Property
    void pathLengthIsMinimal(@ForAll("unicasts") Unicast u) {
        assertEquals(u.on().topology().minimalHops(u.src(), u.dst()), path(u).length);
    }

    @Property
    void hopsCountsThePathsLinks(@ForAll("unicasts") Unicast u) {
        assertEquals(path(u).length, Paths.hops(u.on().topology(), u.on().routing(), u.src(), u.dst()));
    }

    @Property
    void pathRunsLinkToLinkFromSourceToDestination(@ForAll("unicasts") Unicast u) {
        final Topology t = u.on().topology();
        int at = u.src();
        for (final int link : path(u)) {
            assertEquals(at, t.linkFrom(link));
            at = t.linkTo(link);
        }
        assertEquals(u.dst(), at);
    }

    @Property
    void pathToSelfIsEmpty(@ForAll("unicasts") Unicast u) {
        assertArrayEquals(new int[0], Paths.path(u.on().topology(), u.on().routing(), u.src(), u.src()));
    }

    @Property
    void dimensionOrderFinishesItsFirstDimensionBeforeTheOther(@ForAll("meshUnicasts") Unicast u) {
        final Topology t = u.on().topology();
        final boolean xFirst = u.on().routing().name().equals("xy");
        boolean secondStarted = false;
        for (final int link : path(u)) {
            final Coord from = t.coord(t.linkFrom(link));
            final Coord to = t.coord(t.linkTo(link));
            final boolean movesX = from.y() == to.y();
            final boolean inSecond = movesX != xFirst;
            assertTrue(inSecond || !secondStarted, "went back to the first dimension");
            secondStarted |= inSecond;
        }
    }

    @Property
    void xyPathMovesInXFirstThenY(@ForAll("meshUnicasts") Unicast u) {
        final Topology t = u.on().topology();
        final Routing xy = Routings.create("xy", t);
        final int[] links = Paths.path(t, xy, u.src(), u.dst());
        final int dx = Math.abs(t.coord(u.src()).x() - t.coord(u.dst()).x());
        for (int i = 0; i < links.length; i++) {
            final boolean movesX = t.coord(t.linkFrom(links[i])).y() == t.coord(t.linkTo(links[i])).y();
            assertEquals(i < dx, movesX);
        }
    }

    @Test
    void xyOnAMeshTurnsAtTheDestinationColumn() {
        final Grid2D mesh = Grid2D.mesh(4, 4);
        final int[] links = Paths.path(mesh, Routings.create("xy", mesh), mesh.tile(0, 0), mesh.tile(2, 1));
        assertEquals(3, links.length);
        assertEquals("(1,0)->(2,0)", mesh.linkName(links[1]));
        assertEquals("(2,0)->(2,1)", mesh.linkName(links[2]));
    }
}
