package org.neurotile.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.noc.routing.Paths;

/** On an idle network the simulated latency is the closed formula, for every pair of tiles. */
class ZeroLoadLatencyTest {

    @ParameterizedTest
    @ValueSource(strings = {"mesh:6x5", "torus:5x6", "ring:9", "ring:3x4", "tree:3:10", "tree:2:4x4"})
    void everyPairOnAnIdleNetworkTakesTheZeroLoadLatency(String topology) {
        assertEveryPairMatches(topology, NocParameters.DEFAULTS, 56);
    }

    @Property(tries = 60)
    void formulaHoldsForAnyDelaysAndSizes(
            @ForAll("topologies") String topology,
            @ForAll @LongRange(min = 0, max = 6) long routerDelay,
            @ForAll @LongRange(min = 0, max = 4) long linkDelay,
            @ForAll @LongRange(min = 0, max = 3) long injection,
            @ForAll @LongRange(min = 0, max = 3) long ejection,
            @ForAll @IntRange(min = 1, max = 32) int flitBytes,
            @ForAll @IntRange(min = 1, max = 32) int linkWidth,
            @ForAll @IntRange(min = 0, max = 16) int header,
            @ForAll @IntRange(min = 0, max = 300) int payload) {
        NocParameters parameters = new NocParameters(flitBytes, linkWidth, header, routerDelay, linkDelay,
                injection, ejection, 4096, MulticastMode.TREE);
        assertEveryPairMatches(topology, parameters, payload);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> topologies() {
        return net.jqwik.api.Arbitraries.of("mesh:4x3", "torus:4x4", "ring:6", "tree:2:7", "mesh:1x5");
    }

    private static void assertEveryPairMatches(String topology, NocParameters parameters, int payload) {
        NetworkHarness probe = new NetworkHarness(topology, parameters);
        int tiles = probe.topology.tileCount();
        for (int source = 0; source < tiles; source++) {
            for (int destination = 0; destination < tiles; destination++) {
                NetworkHarness h = new NetworkHarness(topology, parameters);
                h.simulation.runUntil(17); // start at a non-zero time
                h.network.send(source, Destinations.tile(destination), payload, 0);
                h.simulation.run();
                int hops = Paths.path(h.topology, h.routing, source, destination).length;
                assertEquals(h.topology.minimalHops(source, destination), hops);
                long latency = h.deliveries.get(0).deliveredCycles() - 17;
                assertEquals(parameters.zeroLoadLatencyCycles(hops, payload), latency,
                        topology + " " + source + "->" + destination);
            }
        }
    }
}
