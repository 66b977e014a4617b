package org.neurotile.noc.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neurotile.noc.topology.Ring;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.noc.topology.Tree;

class RoutingTieBreakTest {

    @Test
    void torusGoesInThePlusDirectionWhenBothWaysAreHalfRound() {
        final Topology torus = Topologies.parse("torus:4x4");
        final Routing xy = Routings.create("xy", torus);
        assertEquals(torus.link(torus.tile(1, 0), torus.tile(2, 0)), xy.nextLink(torus.tile(1, 0), torus.tile(3, 0)));
        assertEquals(torus.link(torus.tile(3, 0), torus.tile(0, 0)), xy.nextLink(torus.tile(3, 0), torus.tile(1, 0)));
    }

    @Test
    void torusTakesTheWrapLinkWhenItIsShorter() {
        final Topology torus = Topologies.parse("torus:8x8");
        final Routing yx = Routings.create("yx", torus);
        assertEquals(torus.link(torus.tile(2, 0), torus.tile(2, 7)), yx.nextLink(torus.tile(2, 0), torus.tile(5, 6)));
    }

    @Test
    void ringGoesInThePlusDirectionWhenBothWaysAreHalfRound() {
        final Ring ring = (Ring) Topologies.parse("ring:6");
        final Routing routing = Routings.create("ring", ring);
        assertEquals(ring.link(0, 1), routing.nextLink(0, 3));
        assertEquals(ring.link(0, 5), routing.nextLink(0, 4));
    }

    @Test
    void updownClimbsToTheCommonAncestorThenDescends() {
        final Tree tree = (Tree) Topologies.parse("tree:2:4");
        final int[] links = Paths.path(tree, Routings.create("updown", tree), 0, 3);
        assertEquals("(0,0)->tree[1,0]", tree.linkName(links[0]));
        assertEquals("tree[1,0]->tree[2,0]", tree.linkName(links[1]));
        assertEquals("tree[2,0]->tree[1,1]", tree.linkName(links[2]));
        assertEquals("tree[1,1]->(3,0)", tree.linkName(links[3]));
    }

    @Test
    void packetEjectsAtItsDestinationsRouter() {
        final Topology mesh = Topologies.parse("mesh:3x3");
        assertEquals(-1, Routings.defaultFor(mesh).nextLink(4, 4));
    }
}
