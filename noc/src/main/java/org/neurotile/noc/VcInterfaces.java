package org.neurotile.noc;

/**
 * The tiles' network interfaces of the virtual-channel network: an unbounded queue of packets per
 * tile (so a packet's latency includes its wait at the source, as BookSim counts it), from which one
 * flit per cycle enters the router's injection channel. A head takes a free virtual channel of that
 * channel round-robin (a multicast head one with room for the whole packet); every flit needs a credit.
 */
final class VcInterfaces {
    private final VcFabric f;
    private final int[][] queue;
    private final int[] queueHead;
    private final int[] queueSize;
    private final int[] slot;
    private final int[] seq;
    private final int[] vc;
    private final int[] lastVc;
    private final int[] busyTiles;
    private final boolean[] busy;
    private int busyCount;

    VcInterfaces(VcFabric fabric) {
        this.f = fabric;
        int tiles = fabric.tiles;
        queue = new int[tiles][4];
        queueHead = new int[tiles];
        queueSize = new int[tiles];
        slot = new int[tiles];
        java.util.Arrays.fill(slot, -1);
        seq = new int[tiles];
        vc = new int[tiles];
        lastVc = new int[tiles];
        java.util.Arrays.fill(lastVc, fabric.vcs - 1);
        busyTiles = new int[tiles];
        busy = new boolean[tiles];
    }

    void enqueue(int tile, int packet) {
        int[] q = queue[tile];
        if (queueSize[tile] == q.length) {
            int[] grown = new int[q.length * 2];
            for (int i = 0; i < queueSize[tile]; i++) {
                grown[i] = q[(queueHead[tile] + i) % q.length];
            }
            queue[tile] = grown;
            queueHead[tile] = 0;
            q = grown;
        }
        q[(queueHead[tile] + queueSize[tile]) % q.length] = packet;
        queueSize[tile]++;
        if (!busy[tile]) {
            busy[tile] = true;
            busyTiles[busyCount++] = tile;
        }
    }

    boolean busy() {
        return busyCount > 0;
    }

    int queuedAt(int tile) {
        return queueSize[tile] + (slot[tile] >= 0 ? 1 : 0);
    }

    /** Each busy interface moves at most one flit into its router's injection channel. */
    void inject(long now) {
        int kept = 0;
        for (int i = 0; i < busyCount; i++) {
            int tile = busyTiles[i];
            injectOne(tile, now);
            if (slot[tile] >= 0 || queueSize[tile] > 0) {
                busyTiles[kept++] = tile;
            } else {
                busy[tile] = false;
            }
        }
        busyCount = kept;
    }

    private void injectOne(int tile, long now) {
        int channel = f.links + tile;
        int vcs = f.vcs;
        if (slot[tile] < 0) {
            if (queueSize[tile] == 0) {
                return;
            }
            int packet = queue[tile][queueHead[tile]];
            int needed = f.packets.destination[packet] == PacketTable.NO_DESTINATION ? f.packets.flits[packet] : 1;
            int chosen = -1;
            for (int k = 1; k <= vcs && chosen < 0; k++) {
                int v = (lastVc[tile] + k) % vcs;
                int ovc = channel * vcs + v;
                if (!f.owned[ovc] && f.credits[ovc] >= needed) {
                    chosen = v;
                }
            }
            if (chosen < 0) {
                return;
            }
            queueHead[tile] = (queueHead[tile] + 1) % queue[tile].length;
            queueSize[tile]--;
            slot[tile] = packet;
            seq[tile] = 0;
            vc[tile] = chosen;
            lastVc[tile] = chosen;
            f.owned[channel * vcs + chosen] = true;
        }
        int ovc = channel * vcs + vc[tile];
        if (f.credits[ovc] == 0) {
            return;
        }
        int packet = slot[tile];
        int index = seq[tile]++;
        f.credits[ovc]--;
        long flit = VcFabric.flit(packet, index);
        f.moved(now);
        long delay = f.parameters.injectionCycles();
        if (delay == 0) {
            f.arriveInBuffer(ovc, flit, now);
        } else {
            f.flitsDue.add(now + delay, ovc, flit);
        }
        if (index == f.packets.flits[packet] - 1) {
            f.owned[ovc] = false;
            slot[tile] = -1;
        }
    }
}
