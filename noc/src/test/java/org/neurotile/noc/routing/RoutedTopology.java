package org.neurotile.noc.routing;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.neurotile.noc.topology.Topology;
import org.neurotile.noc.topology.TopologyArbitraries;

/** A topology with one of the routings valid on it, and random tiles on it, for property tests. */
record RoutedTopology(Topology topology, Routing routing) {

    static Arbitrary<RoutedTopology> any() {
        return routedOn(TopologyArbitraries.anyTopology());
    }

    static Arbitrary<RoutedTopology> routedOn(Arbitrary<Topology> topologies) {
        return topologies.flatMap(t -> Arbitraries.of(Routings.namesFor(t))
                .map(name -> new RoutedTopology(t, Routings.create(name, t))));
    }

    /** The topology and routing with a random source tile and a random set of distinct destination tiles. */
    static Arbitrary<Multicast> multicasts() {
        return any().flatMap(rt -> {
            final int tiles = rt.topology().tileCount();
            return Arbitraries.integers().between(0, tiles - 1).flatMap(src -> Arbitraries.integers()
                    .between(0, tiles - 1).set().ofMaxSize(tiles)
                    .map(dsts -> new Multicast(rt, src, dsts.stream().mapToInt(Integer::intValue).toArray())));
        });
    }

    static Arbitrary<Unicast> unicasts() {
        return unicastsOn(TopologyArbitraries.anyTopology());
    }

    static Arbitrary<Unicast> unicastsOn(Arbitrary<Topology> topologies) {
        return routedOn(topologies).flatMap(rt -> {
            final Arbitrary<Integer> tile = Arbitraries.integers().between(0, rt.topology().tileCount() - 1);
            return tile.flatMap(src -> tile.map(dst -> new Unicast(rt, src, dst)));
        });
    }

    record Unicast(RoutedTopology on, int src, int dst) {
    }

    record Multicast(RoutedTopology on, int src, int[] dsts) {
        @Override
        public String toString() {
            return on.topology().spec() + " " + on.routing().name() + " from " + src + " to "
                    + Arrays.toString(dsts);
        }
    }
}
