package org.neurotile.noc.routing;

/**
 * A deterministic routing function: where a packet at a router goes next on its way to a tile.
 * Implementations do not allocate, so the simulator can call them on every hop.
 */
public interface Routing {

    /** The name the user selects it by, e.g. {@code xy}. */
    String name();

    /**
     * The link a packet at {@code atRouter} bound for {@code dstTile} takes next, or -1 when
     * {@code atRouter} is the destination tile's router and the packet ejects there.
     */
    int nextLink(int atRouter, int dstTile);
}
