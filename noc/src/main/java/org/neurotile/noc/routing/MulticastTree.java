package org.neurotile.noc.routing;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import org.neurotile.noc.topology.Topology;

/**
 * One packet sent from a source tile to several destination tiles: the union of the routed unicast
 * paths. Where paths part, the router copies the packet; every link carries it once. Accessors do not
 * allocate (except {@link #links()}, which returns a copy).
 */
public final class MulticastTree {
    private final int sourceTile;
    private final int destinationCount;
    /** Tree links in breadth-first order from the source: a link comes after the one feeding its router. */
    private final int[] links;
    /** Routers the packet visits, ascending; the per-router arrays below are indexed like it. */
    private final int[] routers;
    private final int[] outStart;
    private final int[] outLinks;
    private final boolean[] ejects;
    /**
     * The tree as a packet walks it: one record per router, {@code (out-link count << 1) | ejects},
     * then for each out-link the link and the offset of the record of the router it leads to. A
     * packet carries its router's record offset, so a hop reads one short run of memory.
     */
    private final int[] walk;
    private final int sourceRecord;

    private MulticastTree(int sourceTile, int destinationCount, int[] links, int[] routers, int[] outStart,
            int[] outLinks, boolean[] ejects, int[] walk, int sourceRecord) {
        this.sourceTile = sourceTile;
        this.destinationCount = destinationCount;
        this.links = links;
        this.routers = routers;
        this.outStart = outStart;
        this.outLinks = outLinks;
        this.ejects = ejects;
        this.walk = walk;
        this.sourceRecord = sourceRecord;
    }

    /**
     * Builds the tree in time proportional to the summed path lengths (plus clearing one array of the
     * topology's routers).
     *
     * @param destTiles distinct tiles; may include {@code srcTile}, which then ejects at the source router
     * @throws IllegalArgumentException if a destination is repeated or a tile is out of range
     * @throws IllegalStateException if the routing's paths from the source do not form a tree
     */
    public static MulticastTree build(Topology topology, Routing routing, int srcTile, int[] destTiles) {
        final int tiles = topology.tileCount();
        Objects.checkIndex(srcTile, tiles);
        final BitSet isDestination = new BitSet(tiles);
        for (final int dst : destTiles) {
            Objects.checkIndex(dst, tiles);
            if (isDestination.get(dst)) {
                throw new IllegalArgumentException("destination tile " + dst + " is given more than once");
            }
            isDestination.set(dst);
        }
        // incoming[r]: the tree link entering router r, or -1; a second, different one means no tree.
        final int[] incoming = new int[topology.routerCount()];
        Arrays.fill(incoming, -1);
        // The routers the tree enters, in the order reached; the source is entered by no tree link.
        int[] reached = new int[Math.min(16, topology.routerCount())];
        int linkCount = 0;
        for (final int dst : destTiles) {
            int at = srcTile;
            int hops = 0;
            for (int link = routing.nextLink(at, dst); link != -1; link = routing.nextLink(at, dst)) {
                if (++hops > topology.linkCount()) {
                    throw new IllegalStateException(routing.name() + " on " + topology.spec()
                            + " does not reach tile " + dst + " from tile " + srcTile);
                }
                final int to = topology.linkTo(link);
                if (incoming[to] == -1) {
                    if (to == srcTile) {
                        throw notATree(topology, routing, srcTile, to);
                    }
                    incoming[to] = link;
                    if (linkCount == reached.length) {
                        reached = Arrays.copyOf(reached, Math.min(2 * linkCount, topology.routerCount()));
                    }
                    reached[linkCount++] = to;
                } else if (incoming[to] != link) {
                    throw notATree(topology, routing, srcTile, to);
                }
                at = to;
            }
        }
        return assemble(topology, srcTile, destTiles.length, isDestination, incoming, reached, linkCount);
    }

    /** The tree to every tile, or every tile but the source. */
    public static MulticastTree broadcast(Topology topology, Routing routing, int srcTile, boolean includeSource) {
        Objects.checkIndex(srcTile, topology.tileCount());
        final int[] destinations = new int[topology.tileCount() - (includeSource ? 0 : 1)];
        int next = 0;
        for (int tile = 0; tile < topology.tileCount(); tile++) {
            if (includeSource || tile != srcTile) {
                destinations[next++] = tile;
            }
        }
        return build(topology, routing, srcTile, destinations);
    }

    private static MulticastTree assemble(Topology topology, int srcTile, int destinationCount,
            BitSet isDestination, int[] incoming, int[] reached, int linkCount) {
        final int[] routers = Arrays.copyOf(reached, linkCount + 1);
        routers[linkCount] = srcTile;
        Arrays.sort(routers);
        final int[] outStart = new int[routers.length + 1];
        for (int k = 0; k < linkCount; k++) {
            outStart[Arrays.binarySearch(routers, topology.linkFrom(incoming[reached[k]])) + 1]++;
        }
        for (int i = 0; i < routers.length; i++) {
            outStart[i + 1] += outStart[i];
        }
        final int[] outLinks = new int[linkCount];
        final int[] fill = Arrays.copyOf(outStart, routers.length);
        for (int k = 0; k < linkCount; k++) {
            final int link = incoming[reached[k]];
            outLinks[fill[Arrays.binarySearch(routers, topology.linkFrom(link))]++] = link;
        }
        for (int i = 0; i < routers.length; i++) {
            Arrays.sort(outLinks, outStart[i], outStart[i + 1]);
        }
        final boolean[] ejects = new boolean[routers.length];
        for (int i = 0; i < routers.length; i++) {
            ejects[i] = routers[i] < topology.tileCount() && isDestination.get(routers[i]);
        }
        final int[] breadthFirst = new int[linkCount];
        int queued = 0;
        for (int head = -1; head < queued; head++) {
            final int router = head < 0 ? srcTile : topology.linkTo(breadthFirst[head]);
            final int i = Arrays.binarySearch(routers, router);
            for (int j = outStart[i]; j < outStart[i + 1]; j++) {
                breadthFirst[queued++] = outLinks[j];
            }
        }
        final int[] record = new int[routers.length];
        for (int i = 1; i < routers.length; i++) {
            record[i] = record[i - 1] + 1 + 2 * (outStart[i] - outStart[i - 1]);
        }
        final int[] walk = new int[routers.length + 2 * linkCount];
        for (int i = 0; i < routers.length; i++) {
            int at = record[i];
            walk[at++] = (outStart[i + 1] - outStart[i]) << 1 | (ejects[i] ? 1 : 0);
            for (int j = outStart[i]; j < outStart[i + 1]; j++) {
                walk[at++] = outLinks[j];
                walk[at++] = record[Arrays.binarySearch(routers, topology.linkTo(outLinks[j]))];
            }
        }
        return new MulticastTree(srcTile, destinationCount, breadthFirst, routers, outStart, outLinks, ejects, walk,
                record[Arrays.binarySearch(routers, srcTile)]);
    }

    private static IllegalStateException notATree(Topology topology, Routing routing, int srcTile, int router) {
        return new IllegalStateException(routing.name() + " on " + topology.spec() + " reaches router "
                + topology.routerName(router) + " by two ways from tile " + srcTile + ", so its paths form no tree");
    }

    public int sourceTile() {
        return sourceTile;
    }

    public int destinationCount() {
        return destinationCount;
    }

    /** Links in the tree; each carries the packet once. */
    public int linkCount() {
        return links.length;
    }

    /** The {@code i}-th tree link in breadth-first order from the source. */
    public int link(int i) {
        return links[i];
    }

    /** A copy of the tree links in breadth-first order from the source. */
    public int[] links() {
        return links.clone();
    }

    /** How many tree links leave {@code router}: the copies it sends on (0 if the packet never gets there). */
    public int outLinkCount(int router) {
        final int i = Arrays.binarySearch(routers, router);
        return i < 0 ? 0 : outStart[i + 1] - outStart[i];
    }

    /** The {@code i}-th tree link leaving {@code router}, by ascending link id. */
    public int outLink(int router, int i) {
        Objects.checkIndex(i, outLinkCount(router));
        return outLinks[outStart[Arrays.binarySearch(routers, router)] + i];
    }

    /** Whether a destination tile is at {@code router}, so the packet ejects there. */
    public boolean ejectsAt(int router) {
        final int i = Arrays.binarySearch(routers, router);
        return i >= 0 && ejects[i];
    }

    /** The offset in the walk of the source router's record; see {@link #walkOutCount}. */
    public int sourceRecord() {
        return sourceRecord;
    }

    /** How many tree links leave the router whose record is at {@code record}. */
    public int walkOutCount(int record) {
        return walk[record] >>> 1;
    }

    /** Whether the packet ejects at the router whose record is at {@code record}. */
    public boolean walkEjects(int record) {
        return (walk[record] & 1) != 0;
    }

    /** The {@code i}-th tree link leaving the router whose record is at {@code record}, by ascending link id. */
    public int walkOutLink(int record, int i) {
        return walk[record + 1 + 2 * i];
    }

    /** The record of the router the {@code i}-th link leaving {@code record}'s router leads to. */
    public int walkChild(int record, int i) {
        return walk[record + 2 + 2 * i];
    }
}
