package org.neurotile.noc.routing;

import org.neurotile.noc.topology.Topology;

/** The links a routed packet crosses. */
public final class Paths {
    private Paths() {
    }

    /** The links from {@code srcTile}'s router to {@code dstTile}'s, in order; empty when they are the same. */
    public static int[] path(Topology topology, Routing routing, int srcTile, int dstTile) {
        final int[] links = new int[hops(topology, routing, srcTile, dstTile)];
        int at = srcTile;
        for (int i = 0; i < links.length; i++) {
            links[i] = routing.nextLink(at, dstTile);
            at = topology.linkTo(links[i]);
        }
        return links;
    }

    /**
     * How many links the routed path crosses, without allocating.
     *
     * @throws IllegalStateException if the routing does not reach the destination
     */
    public static int hops(Topology topology, Routing routing, int srcTile, int dstTile) {
        int hops = 0;
        int at = srcTile;
        for (int link = routing.nextLink(at, dstTile); link != -1; link = routing.nextLink(at, dstTile)) {
            // A path that reaches its destination never needs more hops than there are links.
            if (link < 0 || ++hops > topology.linkCount()) {
                throw new IllegalStateException(routing.name() + " on " + topology.spec() + " does not reach tile "
                        + dstTile + " from tile " + srcTile);
            }
            at = topology.linkTo(link);
        }
        return hops;
    }
}
