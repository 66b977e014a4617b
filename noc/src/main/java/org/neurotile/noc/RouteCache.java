package org.neurotile.noc;

import java.util.Arrays;
import org.neurotile.noc.routing.Routing;

/**
 * A routing's next link per (router, destination tile), remembered once asked. Networks with more
 * pairs than {@link #LIMIT} ask the routing every time rather than hold a table that large.
 */
final class RouteCache {
    private static final int LIMIT = 1 << 22;
    private static final int UNKNOWN = -2;

    private final Routing routing;
    private final int tiles;
    private final int[] nextLink;

    RouteCache(Routing routing, int routers, int tiles) {
        this.routing = routing;
        this.tiles = tiles;
        long routes = (long) routers * tiles;
        nextLink = routes <= LIMIT ? new int[(int) routes] : null;
        if (nextLink != null) {
            Arrays.fill(nextLink, UNKNOWN);
        }
    }

    /** As {@link Routing#nextLink}. */
    int nextLink(int router, int destination) {
        if (nextLink == null) {
            return routing.nextLink(router, destination);
        }
        int key = router * tiles + destination;
        int link = nextLink[key];
        if (link == UNKNOWN) {
            link = routing.nextLink(router, destination);
            nextLink[key] = link;
        }
        return link;
    }
}
