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
    final Counter[] linkBytes;
    final Counter[] linkFlits;
    final Counter[] linkBusyCycles;

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
        int links = topology.linkCount();
        linkBytes = new Counter[links];
        linkFlits = new Counter[links];
        linkBusyCycles = new Counter[links];
        for (int link = 0; link < links; link++) {
            StatsRegistry scope = noc.scope("link[" + link + "]");
            linkBytes[link] = scope.counter("bytes");
            linkFlits[link] = scope.counter("flits");
            linkBusyCycles[link] = scope.counter("busyCycles");
        }
    }

    /** A packet crossing {@code link}: its bytes and flits, and the cycles it kept the link busy. */
    void linkCrossed(int link, int payloadBytes, int flits, long busyCycles) {
        linkBytes[link].add(payloadBytes);
        linkFlits[link].add(flits);
        linkBusyCycles[link].add(busyCycles);
        byteHops.add(payloadBytes);
        flitHops.add(flits);
    }
}
