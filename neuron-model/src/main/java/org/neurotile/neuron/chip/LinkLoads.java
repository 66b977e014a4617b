package org.neurotile.neuron.chip;

import java.util.HashMap;
import java.util.Map;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.stats.StatsSnapshot;

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

    /**
     * Reads the network's per-link counters ({@code noc.link[i].bytes}, ...) from a snapshot in one
     * pass over its counters (a lookup by name per link would be quadratic in the links).
     */
    static LinkLoads of(Topology topology, StatsSnapshot snapshot) {
        int links = topology.linkCount();
        Map<String, Long> values = new HashMap<>(4 * snapshot.counters().size() / 3 + 1);
        for (StatsSnapshot.CounterValue counter : snapshot.counters()) {
            values.put(counter.name(), counter.value());
        }
        long[] bytes = new long[links];
        long[] flits = new long[links];
        long[] busy = new long[links];
        for (int link = 0; link < links; link++) {
            bytes[link] = value(values, "noc.link[" + link + "].bytes");
            flits[link] = value(values, "noc.link[" + link + "].flits");
            busy[link] = value(values, "noc.link[" + link + "].busyCycles");
        }
        return new LinkLoads(bytes, flits, busy);
    }

    private static long value(Map<String, Long> values, String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("no counter " + name);
        }
        return value;
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
