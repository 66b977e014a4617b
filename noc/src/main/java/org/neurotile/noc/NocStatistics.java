package org.neurotile.noc;

import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.stats.Counter;
import org.neurotile.sim.stats.Histogram;
import org.neurotile.sim.stats.StatsRegistry;

/**
 * What the network counts, registered under {@code noc.}: messages and bytes as the senders see
 * them, packets and flits as the network carries them, and per link the bytes, flits and busy
 * cycles. Payload bytes are counted; header bytes show up in flits.
 */
final class NocStatistics {
    final Counter messagesSent;
    final Counter bytesSent;
    final Counter bytesExpected;
    final Counter packetsInjected;
    final Counter bytesInjected;
    final Counter flitsInjected;
    final Counter packetsDelivered;
    final Counter bytesDelivered;
    final Counter flitsDelivered;
    final Counter byteHops;
    final Counter flitHops;
    final Counter linkWaitCycles;
    final Histogram latencyCycles;
    /** Per link its bytes, flits and busy cycles, side by side: a hop updates one place. */
    private final Counter[] perLink;

    NocStatistics(StatsRegistry statistics, Topology topology) {
        StatsRegistry noc = statistics.scope("noc");
        messagesSent = noc.counter("messagesSent");
        bytesSent = noc.counter("bytesSent");
        bytesExpected = noc.counter("bytesExpected");
        packetsInjected = noc.counter("packetsInjected");
        bytesInjected = noc.counter("bytesInjected");
        flitsInjected = noc.counter("flitsInjected");
        packetsDelivered = noc.counter("packetsDelivered");
        bytesDelivered = noc.counter("bytesDelivered");
        flitsDelivered = noc.counter("flitsDelivered");
        byteHops = noc.counter("byteHops");
        flitHops = noc.counter("flitHops");
        linkWaitCycles = noc.counter("linkWaitCycles");
        latencyCycles = noc.histogram("latencyCycles");
        perLink = noc.counters("link", topology.linkCount(), "bytes", "flits", "busyCycles");
    }

    Counter linkBytes(int link) {
        return perLink[3 * link];
    }

    Counter linkFlits(int link) {
        return perLink[3 * link + 1];
    }

    Counter linkBusyCycles(int link) {
        return perLink[3 * link + 2];
    }

    /** A packet crossing {@code link}: its bytes and flits, and the cycles it kept the link busy. */
    void linkCrossed(int link, int payloadBytes, int flits, long busyCycles) {
        perLink[3 * link].add(payloadBytes);
        perLink[3 * link + 1].add(flits);
        perLink[3 * link + 2].add(busyCycles);
        byteHops.add(payloadBytes);
        flitHops.add(flits);
    }
}
