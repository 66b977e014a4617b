package org.neurotile.noc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neurotile.noc.routing.MulticastTree;
import org.neurotile.noc.routing.Paths;
import org.neurotile.noc.routing.Routing;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.InPort;
import org.neurotile.sim.Link;
import org.neurotile.sim.OutPort;
import org.neurotile.sim.Simulation;
import org.neurotile.sim.stats.StatsRegistry;
import org.neurotile.sim.trace.TraceRecorder;

/**
 * The network-on-chip of a simulation: routers joined by links, one network interface per tile.
 *
 * <p>Timing is cycle-approximate, at packet granularity with cut-through: a head flit waits
 * {@code routerDelayCycles} in each router, then takes the output channel as soon as it is free;
 * the channel stays busy for the packet's serialization time (flits times flit bytes over the link
 * width) and the head reaches the next router {@code linkDelayCycles} after it left. Injection and
 * ejection channels are resources of the same kind. Packets wait for a busy channel in arrival order
 * (input buffers are unbounded), so contention shows as queueing delay. The last flit reaches the
 * destination tile serialization - 1 cycles after the head; that is the delivery time.
 *
 * <p>A packet to several tiles follows a multicast tree (copied where routes part, each link
 * carrying it once) or, in {@link MulticastMode#UNICAST}, is sent as one packet per destination.
 */
public final class Network {
    private static final int TREE_CACHE_LIMIT = 4096;

    private final Simulation simulation;
    private final Topology topology;
    private final Routing routing;
    private final NocParameters parameters;
    private final NocStatistics statistics;
    private final PacketTable packets = new PacketTable(256);
    private final long[] linkBusyUntil;
    private final long[] injectionBusyUntil;
    private final long[] ejectionBusyUntil;
    private final OutPort[] linkOut;
    private final OutPort[] injectionOut;
    private final OutPort[] ejectionOut;
    private final List<Map<Destinations, MulticastTree>> treesBySource;
    private final TraceRecorder trace;
    private final int[] linkTracks;
    private final int[] ejectionTracks;
    private final VcFabric fabric;
    private DeliveryListener listener = DeliveryListener.NONE;

    public Network(Simulation simulation, Topology topology, Routing routing, NocParameters parameters,
                   StatsRegistry statistics) {
        this(simulation, topology, routing, parameters, statistics, TraceRecorder.disabled());
    }

    /** A network that also records each link's and ejection channel's busy intervals as trace spans. */
    public Network(Simulation simulation, Topology topology, Routing routing, NocParameters parameters,
                   StatsRegistry statistics, TraceRecorder trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
        this.simulation = Objects.requireNonNull(simulation, "simulation");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.statistics = new NocStatistics(statistics, topology);
        int tiles = topology.tileCount();
        int links = topology.linkCount();
        linkBusyUntil = new long[links];
        injectionBusyUntil = new long[tiles];
        ejectionBusyUntil = new long[tiles];
        linkOut = new OutPort[links];
        injectionOut = new OutPort[tiles];
        ejectionOut = new OutPort[tiles];
        treesBySource = new ArrayList<>(tiles);
        for (int tile = 0; tile < tiles; tile++) {
            treesBySource.add(new HashMap<>());
        }
        linkTracks = new int[trace.enabled() ? links : 0];
        for (int link = 0; link < linkTracks.length; link++) {
            linkTracks[link] = trace.track("noc links", topology.linkName(link));
        }
        ejectionTracks = new int[trace.enabled() ? tiles : 0];
        for (int tile = 0; tile < ejectionTracks.length; tile++) {
            ejectionTracks[tile] = trace.track("noc ejection", topology.routerName(tile));
        }
        if (parameters.router() == RouterKind.VC) {
            fabric = new VcFabric(simulation, topology, routing, parameters, packets, this.statistics, this::deliver);
        } else {
            fabric = null;
            wire();
        }
    }

    /** The virtual-channel core, or null under the ideal router. */
    VcFabric vcFabric() {
        return fabric;
    }

    /**
     * Whether a multicast packet of this payload travels as a tree: always in tree mode under the ideal
     * router; under the vc router only if it fits one virtual-channel buffer (its copies are virtual
     * cut-through), else it is sent as unicast copies.
     */
    public boolean travelsAsTree(int payloadBytes) {
        return parameters.multicast() == MulticastMode.TREE
                && (fabric == null || parameters.flits(payloadBytes) <= parameters.vc().bufferDepthFlits());
    }

    private void wire() {
        NetworkNode[] routers = new NetworkNode[topology.routerCount()];
        for (int router = 0; router < routers.length; router++) {
            routers[router] = new NetworkNode(simulation, "noc.router" + topology.routerName(router));
        }
        for (int link = 0; link < topology.linkCount(); link++) {
            int to = topology.linkTo(link);
            linkOut[link] = routers[topology.linkFrom(link)].output("out[" + link + "]");
            InPort in = routers[to].input("in[" + link + "]", hop -> arriveAtRouter(to, hop));
            Link.connectInOrder(simulation, linkOut[link], in, parameters.linkDelayCycles());
        }
        for (int tile = 0; tile < topology.tileCount(); tile++) {
            int router = tile;
            NetworkNode ni = new NetworkNode(simulation, "noc.ni" + topology.routerName(tile));
            injectionOut[tile] = ni.output("inject");
            InPort routerIn = routers[router].input("inject", hop -> arriveAtRouter(router, hop));
            Link.connectInOrder(simulation, injectionOut[tile], routerIn, parameters.injectionCycles());
            ejectionOut[tile] = routers[router].output("eject");
            int destination = tile;
            InPort niIn = ni.input("eject", slot -> deliver(destination, (int) slot));
            Link.connectInOrder(simulation, ejectionOut[tile], niIn, parameters.ejectionCycles());
        }
    }

    public Topology topology() {
        return topology;
    }

    public Routing routing() {
        return routing;
    }

    public NocParameters parameters() {
        return parameters;
    }

    /** Payload bytes that crossed {@code link} so far ({@code noc.link[i].bytes}; 0 when that statistic is off). */
    public long linkBytes(int link) {
        return statistics.linkBytes(link).value();
    }

    /** Flits, headers included, that crossed {@code link} so far ({@code noc.link[i].flits}). */
    public long linkFlits(int link) {
        return statistics.linkFlits(link).value();
    }

    /** Cycles {@code link} was busy so far ({@code noc.link[i].busyCycles}). */
    public long linkBusyCycles(int link) {
        return statistics.linkBusyCycles(link).value();
    }

    /** Who is told of each delivery; one listener per network. */
    public void setDeliveryListener(DeliveryListener deliveryListener) {
        this.listener = Objects.requireNonNull(deliveryListener, "deliveryListener");
    }

    /** Packets still travelling to at least one destination. */
    public int packetsInFlight() {
        return packets.inFlight();
    }

    /**
     * Sends {@code payloadBytes} from a tile, now. The listener hears of each destination's copy,
     * with {@code tag}, when its last flit arrives.
     */
    public void send(int sourceTile, Destinations destinations, int payloadBytes, long tag) {
        checkTile(sourceTile);
        if (payloadBytes < 0 || payloadBytes > parameters.maxPacketBytes()) {
            throw new IllegalArgumentException("payload of " + payloadBytes + " bytes is outside 0.."
                    + parameters.maxPacketBytes() + " (maxPacketBytes)");
        }
        int tiles = topology.tileCount();
        int copies = destinations.count(tiles);
        statistics.messagesSent.increment();
        statistics.bytesSent.add(payloadBytes);
        statistics.bytesExpected.add((long) payloadBytes * copies);
        if (destinations.isSingleTile()) {
            int destination = destinations.listedTile(0);
            checkTile(destination);
            injectUnicast(sourceTile, destination, payloadBytes, tag);
        } else if (travelsAsTree(payloadBytes)) {
            inject(sourceTile, PacketTable.NO_DESTINATION, tree(sourceTile, destinations), copies, payloadBytes, tag);
        } else if (destinations.isAll()) {
            for (int destination = 0; destination < tiles; destination++) {
                if (destination != sourceTile || destinations.allIncludesSource()) {
                    injectUnicast(sourceTile, destination, payloadBytes, tag);
                }
            }
        } else {
            for (int i = 0; i < destinations.listedCount(); i++) {
                checkTile(destinations.listedTile(i));
            }
            for (int i = 0; i < destinations.listedCount(); i++) {
                injectUnicast(sourceTile, destinations.listedTile(i), payloadBytes, tag);
            }
        }
    }

    /**
     * Router-to-router links a message from {@code sourceTile} to {@code destinations} crosses: the
     * links of its multicast tree, or in unicast mode the sum of the routes. Times the payload, it is
     * the message's contribution to {@code noc.byteHops}.
     */
    public long linksCrossed(int sourceTile, Destinations destinations) {
        return linksCrossed(sourceTile, destinations, 0);
    }

    /**
     * As {@link #linksCrossed(int, Destinations)} for a packet of this payload: under the vc router a
     * multicast packet longer than a buffer travels as unicast copies.
     */
    public long linksCrossed(int sourceTile, Destinations destinations, int payloadBytes) {
        checkTile(sourceTile);
        if (destinations.isSingleTile()) {
            return Paths.hops(topology, routing, sourceTile, destinations.listedTile(0));
        }
        if (travelsAsTree(payloadBytes)) {
            return tree(sourceTile, destinations).linkCount();
        }
        long links = 0;
        for (int destination = 0; destination < topology.tileCount(); destination++) {
            boolean listed = destinations.isAll()
                    ? destination != sourceTile || destinations.allIncludesSource()
                    : Arrays.binarySearch(destinations.listedTilesView(), destination) >= 0;
            if (listed) {
                links += Paths.hops(topology, routing, sourceTile, destination);
            }
        }
        return links;
    }

    private void injectUnicast(int source, int destination, int payloadBytes, long tag) {
        inject(source, destination, null, 1, payloadBytes, tag);
    }

    private void inject(int source, int destination, MulticastTree tree, int copies, int payloadBytes, long tag) {
        int slot = packets.allocate();
        long now = simulation.nowCycles();
        int flits = parameters.flits(payloadBytes);
        long serialization = parameters.serializationCycles(payloadBytes);
        packets.source[slot] = source;
        packets.destination[slot] = destination;
        packets.tree[slot] = tree;
        packets.payloadBytes[slot] = payloadBytes;
        packets.flits[slot] = flits;
        packets.serializationCycles[slot] = serialization;
        packets.sentCycles[slot] = now;
        packets.tag[slot] = tag;
        packets.pendingDeliveries[slot] = copies;
        int fields = slot * PacketTable.HOP_FIELDS;
        packets.hop[fields] = destination;
        packets.hop[fields + 1] = payloadBytes;
        packets.hop[fields + 2] = flits;
        packets.hop[fields + 3] = serialization;
        statistics.packetsInjected.increment();
        statistics.bytesInjected.add(payloadBytes);
        statistics.flitsInjected.add(flits);
        if (fabric != null) {
            fabric.enqueue(source, slot);
            return;
        }
        long start = Math.max(now, injectionBusyUntil[source]);
        injectionBusyUntil[source] = start + serialization;
        injectionOut[source].sendAfter(start - now, hop(slot, tree == null ? 0 : tree.sourceRecord()));
    }

    private MulticastTree tree(int source, Destinations destinations) {
        Map<Destinations, MulticastTree> cache = treesBySource.get(source);
        MulticastTree tree = cache.get(destinations);
        if (tree == null) {
            tree = destinations.isAll()
                    ? MulticastTree.broadcast(topology, routing, source, destinations.allIncludesSource())
                    : MulticastTree.build(topology, routing, source, destinations.listedTiles());
            if (cache.size() >= TREE_CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(destinations, tree);
        }
        return tree;
    }

    /**
     * What travels on a router link: the packet's slot and, for a tree packet, the record in its
     * tree's walk of the router it arrives at.
     */
    private static long hop(int slot, int treeRecord) {
        return (long) treeRecord << 32 | slot;
    }

    private void arriveAtRouter(int router, long hop) {
        int slot = (int) hop;
        long ready = simulation.nowCycles() + parameters.routerDelayCycles();
        int destination = (int) packets.hop[slot * PacketTable.HOP_FIELDS];
        if (destination != PacketTable.NO_DESTINATION) {
            int link = routing.nextLink(router, destination);
            if (link < 0) {
                eject(router, slot, ready);
            } else {
                forward(link, slot, 0, ready);
            }
            return;
        }
        MulticastTree tree = packets.tree[slot];
        int record = (int) (hop >>> 32);
        for (int i = 0, n = tree.walkOutCount(record); i < n; i++) {
            forward(tree.walkOutLink(record, i), slot, tree.walkChild(record, i), ready);
        }
        if (tree.walkEjects(record)) {
            eject(router, slot, ready);
        }
    }

    private void forward(int link, int slot, int treeRecord, long ready) {
        int fields = slot * PacketTable.HOP_FIELDS;
        long serialization = packets.hop[fields + 3];
        long grant = Math.max(ready, linkBusyUntil[link]);
        linkBusyUntil[link] = grant + serialization;
        statistics.linkCrossed(link, (int) packets.hop[fields + 1], (int) packets.hop[fields + 2], serialization);
        statistics.linkWaitCycles.add(grant - ready);
        if (trace.enabled()) {
            trace.span(linkTracks[link], "from " + topology.routerName(packets.source[slot]), grant,
                    grant + serialization);
        }
        linkOut[link].sendAfter(grant - simulation.nowCycles(), hop(slot, treeRecord));
    }

    private void eject(int tile, int slot, long ready) {
        long serialization = packets.hop[slot * PacketTable.HOP_FIELDS + 3];
        long grant = Math.max(ready, ejectionBusyUntil[tile]);
        ejectionBusyUntil[tile] = grant + serialization;
        if (trace.enabled()) {
            trace.span(ejectionTracks[tile], "from " + topology.routerName(packets.source[slot]), grant,
                    grant + serialization);
        }
        // The event arrives with the last flit: the head leaves at grant, the tail serialization - 1 later.
        ejectionOut[tile].sendAfter(grant - simulation.nowCycles() + serialization - 1, slot);
    }

    private void deliver(int tile, int slot) {
        long sent = packets.sentCycles[slot];
        int payloadBytes = packets.payloadBytes[slot];
        statistics.packetsDelivered.increment();
        statistics.bytesDelivered.add(payloadBytes);
        statistics.flitsDelivered.add(packets.flits[slot]);
        statistics.latencyCycles.record(simulation.nowCycles() - sent);
        long tag = packets.tag[slot];
        int source = packets.source[slot];
        if (--packets.pendingDeliveries[slot] == 0) {
            packets.release(slot);
        }
        listener.delivered(tag, source, tile, sent, payloadBytes);
    }

    private void checkTile(int tile) {
        if (tile < 0 || tile >= topology.tileCount()) {
            throw new IllegalArgumentException("tile " + tile + " is outside 0.." + (topology.tileCount() - 1)
                    + " of " + topology.spec());
        }
    }
}
