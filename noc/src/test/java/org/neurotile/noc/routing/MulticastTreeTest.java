package org.neurotile.noc.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.neurotile.noc.routing.RoutedTopology.Multicast;
import org.neurotile.noc.topology.Grid2D;
import org.neurotile.noc.topology.Topology;

class MulticastTreeTest {

    @Provide
    Arbitrary<Multicast> multicasts() {
        return RoutedTopology.multicasts();
    }

    private static MulticastTree tree(Multicast m) {
        return MulticastTree.build(m.on().topology(), m.on().routing(), m.src(), m.dsts());
    }

    /** How often following the tree from the source reaches each router. */
    private static int[] visits(Topology t, MulticastTree tree, int src) {
        final int[] visits = new int[t.routerCount()];
        visit(t, tree, src, visits);
        return visits;
    }

    private static void visit(Topology t, MulticastTree tree, int router, int[] visits) {
        visits[router]++;
        for (int i = 0; i < tree.outLinkCount(router); i++) {
            visit(t, tree, t.linkTo(tree.outLink(router, i)), visits);
        }
    }

    private static int summedPathLengths(Multicast m) {
        return Arrays.stream(m.dsts()).map(d -> Paths.hops(m.on().topology(), m.on().routing(), m.src(), d)).sum();
    }

    @Property
    void followingTheTreeReachesEachDestinationExactlyOnce(@ForAll("multicasts") Multicast m) {
        final Topology t = m.on().topology();
        final MulticastTree tree = tree(m);
        final int[] visits = visits(t, tree, m.src());
        final Set<Integer> destinations = new HashSet<>();
        Arrays.stream(m.dsts()).forEach(destinations::add);
        for (int r = 0; r < t.routerCount(); r++) {
            assertEquals(destinations.contains(r), tree.ejectsAt(r), t.routerName(r));
            assertTrue(visits[r] <= 1, t.routerName(r));
            if (tree.ejectsAt(r)) {
                assertEquals(1, visits[r], t.routerName(r));
            }
        }
        assertEquals(m.dsts().length, tree.destinationCount());
    }

    @Property
    void eachLinkAppearsOnce(@ForAll("multicasts") Multicast m) {
        final int[] links = tree(m).links();
        assertEquals(links.length, Arrays.stream(links).distinct().count());
    }

    @Property
    void treeLinksAreTheUnionOfThePaths(@ForAll("multicasts") Multicast m) {
        final Set<Integer> union = new HashSet<>();
        for (final int dst : m.dsts()) {
            Arrays.stream(Paths.path(m.on().topology(), m.on().routing(), m.src(), dst)).forEach(union::add);
        }
        final MulticastTree tree = tree(m);
        assertEquals(union, new HashSet<>(Arrays.stream(tree.links()).boxed().toList()));
        assertEquals(tree.linkCount(), tree.links().length);
    }

    @Property
    void linksComeAfterTheLinkFeedingTheirRouter(@ForAll("multicasts") Multicast m) {
        final Topology t = m.on().topology();
        final MulticastTree tree = tree(m);
        final Set<Integer> reached = new HashSet<>(Set.of(m.src()));
        for (int i = 0; i < tree.linkCount(); i++) {
            assertTrue(reached.contains(t.linkFrom(tree.link(i))));
            reached.add(t.linkTo(tree.link(i)));
        }
    }

    @Property
    void treeNeedsNoMoreLinksThanTheUnicastPaths(@ForAll("multicasts") Multicast m) {
        assertTrue(tree(m).linkCount() <= summedPathLengths(m));
    }

    @Property
    void pathsSharingNoFirstLinkNeedExactlyTheirSummedLength(@ForAll("multicasts") Multicast m) {
        final int[] firstLinks = Arrays.stream(m.dsts()).map(d -> m.on().routing().nextLink(m.src(), d))
                .filter(l -> l != -1).toArray();
        Assume.that(firstLinks.length == Arrays.stream(firstLinks).distinct().count());
        assertEquals(summedPathLengths(m), tree(m).linkCount());
    }

    @Property
    void meshBroadcastUsesOneLinkPerOtherTile(
            @ForAll @IntRange(min = 1, max = 9) int w, @ForAll @IntRange(min = 1, max = 9) int h,
            @ForAll @IntRange(min = 0, max = 80) int anySource, @ForAll boolean includeSource) {
        final Grid2D mesh = Grid2D.mesh(w, h);
        final int src = anySource % mesh.tileCount();
        final MulticastTree tree = MulticastTree.broadcast(mesh, Routings.defaultFor(mesh), src, includeSource);
        assertEquals(w * h - 1, tree.linkCount());
        assertEquals(includeSource, tree.ejectsAt(src));
    }

    @Test
    void pathsCopiedApartAtTheSourceShareNoLinks() {
        final Grid2D mesh = Grid2D.mesh(5, 5);
        final int[] corners = {mesh.tile(4, 2), mesh.tile(0, 2), mesh.tile(2, 4), mesh.tile(2, 0)};
        final MulticastTree tree = MulticastTree.build(mesh, Routings.defaultFor(mesh), mesh.tile(2, 2), corners);
        assertEquals(8, tree.linkCount());
        assertEquals(4, tree.outLinkCount(mesh.tile(2, 2)));
    }

    @Test
    void sharedPrefixIsCarriedOnce() {
        final Grid2D mesh = Grid2D.mesh(4, 1);
        final MulticastTree tree = MulticastTree.build(mesh, Routings.defaultFor(mesh), 0, new int[] {2, 3});
        assertEquals(3, tree.linkCount());
        assertArrayEquals(new int[] {mesh.link(0, 1), mesh.link(1, 2), mesh.link(2, 3)}, tree.links());
    }

    @Test
    void sourceAmongTheDestinationsEjectsAtTheSource() {
        final Grid2D mesh = Grid2D.mesh(3, 3);
        final MulticastTree tree = MulticastTree.build(mesh, Routings.defaultFor(mesh), 4, new int[] {4, 5});
        assertTrue(tree.ejectsAt(4));
        assertEquals(1, tree.linkCount());
        assertEquals(2, tree.destinationCount());
    }

    @Test
    void routerOffTheTreeHasNoLinksAndEjectsNothing() {
        final Grid2D mesh = Grid2D.mesh(3, 3);
        final MulticastTree tree = MulticastTree.build(mesh, Routings.defaultFor(mesh), 0, new int[] {1});
        assertEquals(0, tree.outLinkCount(8));
        assertFalse(tree.ejectsAt(8));
    }

    @Test
    void repeatedDestinationIsRefused() {
        final Grid2D mesh = Grid2D.mesh(3, 3);
        final Routing xy = Routings.defaultFor(mesh);
        assertThrows(IllegalArgumentException.class, () -> MulticastTree.build(mesh, xy, 0, new int[] {5, 2, 5}));
    }

    @Test
    void noDestinationsGiveAnEmptyTree() {
        final Grid2D mesh = Grid2D.mesh(3, 3);
        final MulticastTree tree = MulticastTree.build(mesh, Routings.defaultFor(mesh), 0, new int[0]);
        assertEquals(0, tree.linkCount());
        assertEquals(0, tree.outLinkCount(0));
    }

    /** A packet walking the tree by records crosses the same links and ejects at the same routers as by router ids. */
    @Property
    void walkingByRecordsMatchesTheTreeByRouter(@ForAll("multicasts") Multicast m) {
        final Topology t = m.on().topology();
        final MulticastTree tree = tree(m);
        walk(t, tree, m.src(), tree.sourceRecord());
    }

    private static void walk(Topology t, MulticastTree tree, int router, int record) {
        assertEquals(tree.ejectsAt(router), tree.walkEjects(record), t.routerName(router));
        assertEquals(tree.outLinkCount(router), tree.walkOutCount(record), t.routerName(router));
        for (int i = 0; i < tree.walkOutCount(record); i++) {
            assertEquals(tree.outLink(router, i), tree.walkOutLink(record, i));
            walk(t, tree, t.linkTo(tree.walkOutLink(record, i)), tree.walkChild(record, i));
        }
    }
}
