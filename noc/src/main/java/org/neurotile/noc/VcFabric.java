package org.neurotile.noc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurotile.noc.routing.MulticastTree;
import org.neurotile.noc.routing.Routing;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.EventTarget;
import org.neurotile.sim.Simulation;

/**
 * The virtual-channel network: a cycle-driven core inside the event kernel. While any flit is in
 * flight one event per cycle (after every other event of the cycle) runs, in order: credits that
 * reach their upstream router, flits that reach a buffer or a tile, the network interfaces' injection,
 * then each busy router's virtual-channel and switch allocation ({@link VcRouterStages}).
 *
 * <p>Channels are the router-to-router links ({@code 0..links-1}) and the tiles' injection channels
 * ({@code links + tile}); each ends in {@code vcs} input buffers at its downstream router. Input
 * virtual channel {@code ivc = channel * vcs + v}; its upstream state (credits, owner) has the same
 * index. Output ports are links and ejection ports ({@code channels + tile}). A flit is a long: packet
 * slot in the high half, its index in the packet in the low half.
 *
 * <p>Unicast packets are wormhole. A multicast packet follows its tree and is copied at the routers
 * where branches part; every copy is virtual cut-through: a branch (and the injection of a multicast
 * packet) takes a downstream virtual channel only when that buffer has room for the whole packet, so a
 * branch that has started never waits for credits and a blocked sibling never holds it. The only waits
 * are those of the packets' own paths, and the network is as deadlock-free as its unicast routing.
 * A multicast packet longer than a buffer is sent as unicast copies by {@link Network}.
 */
final class VcFabric {
    interface Sink {
        void delivered(int tile, int slot);
    }

    final Simulation simulation;
    final Topology topology;
    final NocParameters parameters;
    final VcRouterParameters vc;
    final PacketTable packets;
    final NocStatistics statistics;
    private final Sink sink;
    private final EventTarget tick;
    private final VcRouterStages stages;

    // The channel and port layout (VcPortLayout), held here as fields for the stages' hot paths.
    final int links;
    final int tiles;
    final int channels;
    final int vcs;
    final int depth;
    final int maxBranches;
    final int ivcCount;
    final int[] channelRouter;
    final long[] channelDelay;
    final int[] inStart;
    final int[] inChannels;
    final int[] outStart;
    final int[] outPorts;
    final int[] outLocalOfLink;

    // Input virtual channels.
    final long[] buffer;
    final long[] arrivedAt;
    final int[] bufferHead;
    final int[] bufferCount;
    final int[] packetSlot;
    /** Flits of the packet at the front, kept beside its slot so the switch stage need not read the packet table. */
    final int[] packetFlits;
    final int[] popped;
    final int[] branches;
    final int[] finished;
    final long[] liveMask;
    final int[] routerLive;
    // Branches of the packet at the front of an input virtual channel: b * ivcCount + ivc (branch 0 contiguous).
    final int[] branchPort;
    final int[] branchLocal;
    final int[] branchVc;
    final int[] branchSent;
    final long[] branchReady;
    // Output virtual channels, port * vcs + v: credits for links and injection channels, owners for all.
    final int[] credits;
    final boolean[] owned;

    final VcCalendar flitsDue;
    final VcCalendar creditsDue;

    private final VcInterfaces interfaces;
    /** Branches still without an output virtual channel, per router: VC allocation runs only where some wait. */
    final int[] routerPendingVa;
    private final RouteCache routes;

    private int liveTotal;
    private long lastMoveCycles;
    private boolean tickScheduled;
    private boolean ticking;
    private boolean checking;

    VcFabric(Simulation simulation, Topology topology, Routing routing, NocParameters parameters,
             PacketTable packets, NocStatistics statistics, Sink sink) {
        this.simulation = simulation;
        this.topology = topology;
        this.parameters = parameters;
        this.vc = parameters.vc();
        this.packets = packets;
        this.statistics = statistics;
        this.sink = sink;
        VcPortLayout layout = new VcPortLayout(topology, parameters);
        links = layout.links;
        tiles = layout.tiles;
        channels = layout.channels;
        channelRouter = layout.channelRouter;
        channelDelay = layout.channelDelay;
        inStart = layout.inStart;
        inChannels = layout.inChannels;
        outStart = layout.outStart;
        outPorts = layout.outPorts;
        outLocalOfLink = layout.outLocalOfLink;
        maxBranches = layout.maxBranches;
        vcs = vc.virtualChannels();
        depth = vc.bufferDepthFlits();
        int routers = topology.routerCount();
        int ivcs = channels * vcs;
        ivcCount = ivcs;
        routerPendingVa = new int[routers];
        routes = new RouteCache(routing, routers, tiles);
        buffer = new long[ivcs * depth];
        arrivedAt = new long[ivcs * depth];
        bufferHead = new int[ivcs];
        bufferCount = new int[ivcs];
        packetSlot = new int[ivcs];
        Arrays.fill(packetSlot, -1);
        popped = new int[ivcs];
        packetFlits = new int[ivcs];
        branches = new int[ivcs];
        finished = new int[ivcs];
        liveMask = new long[channels];
        routerLive = new int[routers];
        branchPort = new int[ivcs * maxBranches];
        branchLocal = new int[ivcs * maxBranches];
        branchVc = new int[ivcs * maxBranches];
        branchSent = new int[ivcs * maxBranches];
        branchReady = new long[ivcs * maxBranches];
        credits = new int[ivcs];
        Arrays.fill(credits, depth);
        owned = new boolean[(channels + tiles) * vcs];
        long longest = Math.max(vc.switchAllocDelayCycles() + vc.switchTraversalDelayCycles()
                + Math.max(parameters.linkDelayCycles(), parameters.ejectionCycles()), parameters.injectionCycles());
        flitsDue = new VcCalendar(longest + 1);
        creditsDue = new VcCalendar(2 + Math.max(parameters.linkDelayCycles(), parameters.injectionCycles())
                + vc.creditDelayCycles());
        interfaces = new VcInterfaces(this);
        stages = new VcRouterStages(this);
        tick = simulation.register("noc.vc.cycle", Simulation.MAX_PRIORITY, ignored -> cycle());
    }

    /** Checks credits and buffer occupancy against each other every cycle (for tests; slow). */
    void checkInvariantsEveryCycle() {
        checking = true;
    }

    /** Queues a packet at its source's network interface, now. */
    void enqueue(int tile, int slot) {
        interfaces.enqueue(tile, slot);
        if (!tickScheduled && !ticking) {
            lastMoveCycles = simulation.nowCycles();
            tickScheduled = true;
            simulation.schedule(tick, 0, 0);
        }
    }

    static long flit(int slot, int seq) {
        return (long) slot << 32 | (seq & 0xFFFF_FFFFL);
    }

    static int slotOf(long flit) {
        return (int) (flit >>> 32);
    }

    static int seqOf(long flit) {
        return (int) flit;
    }

    private void cycle() {
        long now = simulation.nowCycles();
        tickScheduled = false;
        ticking = true;
        try {
            applyCredits(now);
            arrive(now);
            interfaces.inject(now);
            for (int r = 0; r < routerLive.length; r++) {
                if (routerLive[r] > 0) {
                    if (routerPendingVa[r] > 0) {
                        stages.allocateVirtualChannels(r, now);
                    }
                    stages.allocateSwitch(r, now);
                }
            }
            if (checking) {
                VcInvariants.check(this);
            }
            boolean waiting = liveTotal > 0 || interfaces.busy();
            if (waiting && now - lastMoveCycles >= vc.deadlockCycles() && flitsDue.isEmpty()) {
                throw VcDeadlockReport.of(this, now, now - lastMoveCycles);
            }
            if (waiting || !flitsDue.isEmpty() || !creditsDue.isEmpty()) {
                tickScheduled = true;
                simulation.schedule(tick, 1, 0);
            }
        } finally {
            ticking = false;
        }
    }

    private void applyCredits(long now) {
        int n = creditsDue.count(now);
        for (int i = 0; i < n; i++) {
            int ovc = creditsDue.target(now, i);
            if (++credits[ovc] > depth) {
                throw new IllegalStateException("credits of virtual channel " + ovc + " over depth " + depth);
            }
        }
        creditsDue.clear(now);
    }

    private void arrive(long now) {
        int n = flitsDue.count(now);
        for (int i = 0; i < n; i++) {
            int target = flitsDue.target(now, i);
            long flit = flitsDue.value(now, i);
            lastMoveCycles = now;
            if (target >= 0) {
                arriveInBuffer(target, flit, now);
            } else {
                int slot = slotOf(flit);
                if (seqOf(flit) == packets.flits[slot] - 1) {
                    sink.delivered(-1 - target, slot);
                }
            }
        }
        flitsDue.clear(now);
    }

    void arriveInBuffer(int ivc, long flit, long now) {
        int count = bufferCount[ivc];
        if (count >= depth) {
            throw new IllegalStateException("buffer of virtual channel " + ivc + " over depth " + depth);
        }
        int index = ivc * depth + (bufferHead[ivc] + count) % depth;
        buffer[index] = flit;
        arrivedAt[index] = now;
        bufferCount[ivc] = count + 1;
        if (packetSlot[ivc] < 0) {
            int c = ivc / vcs;
            liveMask[c] |= 1L << (ivc - c * vcs);
            routerLive[channelRouter[c]]++;
            liveTotal++;
            setUpHead(ivc, now + vc.routingDelayCycles());
        }
    }

    /** The packet whose head is at the front of {@code ivc} finds its branches and waits for virtual channels. */
    private void setUpHead(int ivc, long readyCycles) {
        long flit = buffer[ivc * depth + bufferHead[ivc]];
        int slot = slotOf(flit);
        if (seqOf(flit) != 0) {
            throw new IllegalStateException("virtual channel " + ivc + " has a body flit at its front without a head");
        }
        packetSlot[ivc] = slot;
        packetFlits[ivc] = packets.flits[slot];
        popped[ivc] = 0;
        finished[ivc] = 0;
        int router = channelRouter[ivc / vcs];
        int n = 0;
        int destination = packets.destination[slot];
        if (destination != PacketTable.NO_DESTINATION) {
            n = addBranch(ivc, n, router, routes.nextLink(router, destination), readyCycles);
        } else {
            MulticastTree tree = packets.tree[slot];
            for (int i = 0, out = tree.outLinkCount(router); i < out; i++) {
                n = addBranch(ivc, n, router, tree.outLink(router, i), readyCycles);
            }
            if (tree.ejectsAt(router)) {
                n = addBranch(ivc, n, router, -1, readyCycles);
            }
        }
        routerPendingVa[router] += n;
        branches[ivc] = n;
    }

    private int addBranch(int ivc, int n, int router, int link, long readyCycles) {
        int b = n * ivcCount + ivc;
        branchPort[b] = link >= 0 ? link : channels + router;
        branchLocal[b] = link >= 0 ? outLocalOfLink[link] : outStart[router + 1] - outStart[router] - 1;
        branchVc[b] = -1;
        branchSent[b] = 0;
        branchReady[b] = readyCycles;
        return n + 1;
    }

    /** Sends branch {@code b}'s next flit of {@code ivc} through the switch, granted in cycle {@code now}. */
    void send(int ivc, int b, long now) {
        int at = b * ivcCount + ivc;
        int offset = branchSent[at] - popped[ivc];
        long flit = buffer[ivc * depth + (bufferHead[ivc] + offset) % depth];
        int slot = slotOf(flit);
        int seq = seqOf(flit);
        int port = branchPort[at];
        int ovc = port * vcs + branchVc[at];
        branchSent[at]++;
        long leaves = now + vc.switchAllocDelayCycles() + vc.switchTraversalDelayCycles();
        if (port < links) {
            if (--credits[ovc] < 0) {
                throw new IllegalStateException("credits of virtual channel " + ovc + " below zero");
            }
            flitsDue.add(leaves + parameters.linkDelayCycles(), ovc, flit);
            if (seq == 0) {
                int flits = packets.flits[slot];
                statistics.linkCrossed(port, packets.payloadBytes[slot], flits, flits);
            }
        } else {
            flitsDue.add(leaves + parameters.ejectionCycles(), -1 - (port - channels), flit);
        }
        if (seq == 0) {
            statistics.linkWaitCycles.add(now - branchReady[at]);
        }
        int flits = packetFlits[ivc];
        if (seq == flits - 1) {
            owned[ovc] = false;
            finished[ivc]++;
        }
        lastMoveCycles = now;
        int least = Integer.MAX_VALUE;
        for (int i = 0, j = ivc; i < branches[ivc]; i++, j += ivcCount) {
            least = Math.min(least, branchSent[j]);
        }
        int c = ivc / vcs;
        while (popped[ivc] < least) {
            bufferHead[ivc] = (bufferHead[ivc] + 1) % depth;
            bufferCount[ivc]--;
            popped[ivc]++;
            creditsDue.add(now + 1 + channelDelay[c] + vc.creditDelayCycles(), ivc, 0);
        }
        if (finished[ivc] == branches[ivc] && popped[ivc] == flits) {
            packetSlot[ivc] = -1;
            if (bufferCount[ivc] > 0) {
                long arrived = arrivedAt[ivc * depth + bufferHead[ivc]];
                setUpHead(ivc, Math.max(now + 1, arrived + vc.routingDelayCycles()));
            } else {
                liveMask[c] &= ~(1L << (ivc - c * vcs));
                routerLive[channelRouter[c]]--;
                liveTotal--;
            }
        }
    }

    /** Flits and packets still held anywhere: buffers, links, interfaces. */
    boolean idle() {
        return liveTotal == 0 && !interfaces.busy() && flitsDue.isEmpty();
    }

    int queuedAt(int tile) {
        return interfaces.queuedAt(tile);
    }

    void moved(long now) {
        lastMoveCycles = now;
    }

    List<Integer> liveChannels() {
        List<Integer> live = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            for (long mask = liveMask[c]; mask != 0; mask &= mask - 1) {
                live.add(c * vcs + Long.numberOfTrailingZeros(mask));
            }
        }
        return live;
    }
}
