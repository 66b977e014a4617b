package org.neurotile.noc.topology;

import java.util.Objects;

/**
 * The routers of a network-on-chip and the directed links between them, without timing.
 *
 * <p>Tiles form a {@code width() x height()} grid; tile index {@code y * width + x} (row-major).
 * Routers {@code 0..tileCount()-1} are the tiles' own routers (router t serves tile t); a topology may
 * add routers after them. Links are directed, with dense ids {@code 0..linkCount()-1} in an order
 * fixed by the topology's shape. The link, router and hop accessors do not allocate, so routing can
 * call them per hop.
 */
public sealed interface Topology permits LinkedTopology {

    /** The canonical spec that {@link Topologies#parse} turns back into an equal topology. */
    String spec();

    int width();

    int height();

    default int tileCount() {
        return width() * height();
    }

    default Coord coord(int tile) {
        Objects.checkIndex(tile, tileCount());
        return new Coord(tile % width(), tile / width());
    }

    default int tile(int x, int y) {
        Objects.checkIndex(x, width());
        Objects.checkIndex(y, height());
        return y * width() + x;
    }

    default int tile(Coord c) {
        return tile(c.x(), c.y());
    }

    int routerCount();

    int linkCount();

    int linkFrom(int link);

    int linkTo(int link);

    /** The id of the link from {@code fromRouter} to {@code toRouter}, or -1 if they are not adjacent. */
    int link(int fromRouter, int toRouter);

    /** How many links leave {@code router}. */
    int outLinkCount(int router);

    /** The {@code i}-th link leaving {@code router}, {@code 0 <= i < outLinkCount(router)}, by ascending id. */
    int outLink(int router, int i);

    /** The fewest links a packet must cross from one tile's router to another's. */
    int minimalHops(int srcTile, int dstTile);

    /** A tile router is named by its coordinate, e.g. {@code (3,4)}. */
    default String routerName(int router) {
        return coord(router).toString();
    }

    /** E.g. {@code (3,4)->(4,4)}. */
    default String linkName(int link) {
        return routerName(linkFrom(link)) + "->" + routerName(linkTo(link));
    }
}
