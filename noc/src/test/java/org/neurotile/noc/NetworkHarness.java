package org.neurotile.noc;

import java.util.ArrayList;
import java.util.List;
import org.neurotile.noc.routing.Routing;
import org.neurotile.noc.routing.Routings;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.Simulation;
import org.neurotile.sim.stats.Statistics;

/** A network in a fresh simulation that records every delivery. */
final class NetworkHarness {
    record Delivery(long tag, int source, int destination, long sentCycles, long deliveredCycles, int payloadBytes) { }

    final Simulation simulation = new Simulation();
    final Statistics statistics = new Statistics();
    final Topology topology;
    final Routing routing;
    final NocParameters parameters;
    final Network network;
    final List<Delivery> deliveries = new ArrayList<>();

    NetworkHarness(String topologySpec, NocParameters parameters) {
        this.topology = Topologies.parse(topologySpec);
        this.routing = Routings.defaultFor(topology);
        this.parameters = parameters;
        this.network = new Network(simulation, topology, routing, parameters, statistics);
        network.setDeliveryListener((tag, source, destination, sent, bytes) -> deliveries.add(
                new Delivery(tag, source, destination, sent, simulation.nowCycles(), bytes)));
    }

    long counter(String name) {
        return statistics.snapshot().counters().stream()
                .filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no counter " + name)).value();
    }

    long sumOfLinkCounters(String suffix) {
        return statistics.snapshot().counters().stream()
                .filter(c -> c.name().startsWith("noc.link[") && c.name().endsWith(suffix))
                .mapToLong(c -> c.value()).sum();
    }
}
