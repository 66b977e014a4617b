package org.neurotile.noc.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TreeTest {

    @Provide
    Arbitrary<Topology> trees() {
        return TopologyArbitraries.trees();
    }

    @Property
    void hasTwoLinksPerNonRootRouter(@ForAll("trees") Topology t) {
        assertEquals(2 * (t.routerCount() - 1), t.linkCount());
    }

    @Property
    void everyRouterButTheRootHasOneParent(@ForAll("trees") Topology t) {
        final Tree tree = (Tree) t;
        for (int r = 0; r < tree.routerCount(); r++) {
            assertEquals(r == tree.root(), tree.parent(r) == -1);
            if (r != tree.root()) {
                assertEquals(tree.level(r) + 1, tree.level(tree.parent(r)));
            }
        }
    }

    @Test
    void groupsLeavesByArityWithAPartialLastGroup() {
        final Tree tree = new Tree(4, 5, 1);
        assertEquals(5 + 2 + 1, tree.routerCount());
        assertEquals(3, tree.levelCount());
        assertEquals(5, tree.parent(3));
        assertEquals(6, tree.parent(4));
        assertEquals(7, tree.parent(6));
    }

    @Test
    void childLinksHaveIdsTwiceTheChild() {
        final Tree tree = new Tree(2, 4, 1);
        assertEquals(2 * 3, tree.link(3, tree.parent(3)));
        assertEquals(2 * 3 + 1, tree.link(tree.parent(3), 3));
    }

    @Test
    void singleTileIsItsOwnRoot() {
        final Tree tree = new Tree(4, 1, 1);
        assertEquals(1, tree.routerCount());
        assertEquals(0, tree.linkCount());
    }

    @Test
    void minimalHopsGoesUpToTheCommonAncestorAndDown() {
        final Tree tree = new Tree(4, 8, 8);
        assertEquals(2, tree.minimalHops(0, 3));
        assertEquals(4, tree.minimalHops(0, 4));
        assertEquals(6, tree.minimalHops(0, 63));
    }

    @Test
    void namesInternalRoutersByLevelAndIndex() {
        final Tree tree = new Tree(4, 8, 8);
        assertEquals("tree[1,2]", tree.routerName(64 + 2));
        assertEquals("(3,4)", tree.routerName(tree.tile(3, 4)));
        assertEquals("(1,0)->tree[1,0]", tree.linkName(tree.link(1, tree.parent(1))));
    }

    @Test
    void specIsCanonical() {
        assertEquals("tree:4:8x8", new Tree(4, 8, 8).spec());
        assertEquals("tree:2:16", new Tree(2, 16, 1).spec());
    }
}
