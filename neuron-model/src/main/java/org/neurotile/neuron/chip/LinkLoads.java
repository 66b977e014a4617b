package org.neurotile.neuron.chip;

import org.neurotile.noc.Network;

/**
 * What each NoC link carried during one example: payload bytes, flits (headers included) and the
 * cycles it was busy, indexed by the topology's link id.
 */
public final class LinkLoads {
    private final long[] bytes;
    private final long[] flits;
    private final long[] busyCycles;

    private LinkLoads(long[] bytes, long[] flits, long[] busyCycles) {
        this.bytes = bytes;
        this.flits = flits;
        this.busyCycles = busyCycles;
    }

    /** What each link of {@code network} carried so far. */
    static LinkLoads of(Network network) {
        int links = network.topology().linkCount();
        long[] bytes = new long[links];
        long[] flits = new long[links];
        long[] busy = new long[links];
        for (int link = 0; link < links; link++) {
            bytes[link] = network.linkBytes(link);
            flits[link] = network.linkFlits(link);
            busy[link] = network.linkBusyCycles(link);
        }
        return new LinkLoads(bytes, flits, busy);
    }

    public int linkCount() {
        return bytes.length;
    }

    public long bytes(int link) {
        return bytes[link];
    }

    public long flits(int link) {
        return flits[link];
    }

    public long busyCycles(int link) {
        return busyCycles[link];
    }
}
