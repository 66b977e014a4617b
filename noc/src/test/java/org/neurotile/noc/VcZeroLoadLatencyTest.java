package org.neurotile.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.noc.routing.Paths;

/**
 * On an idle network the vc router's latency is {@code injection + (hops + 1) * (routing + vcAlloc +
 * switchAlloc + switchTraversal) + hops * link + ejection + (flits - 1)}, for every pair of tiles.
 */
class VcZeroLoadLatencyTest {
    private static final NocParameters VC = NocParameters.DEFAULTS.withRouter(RouterKind.VC, VcRouterParameters.DEFAULTS);

    @ParameterizedTest
    @ValueSource(strings = {"mesh:6x5", "torus:5x6", "ring:9", "ring:3x4", "tree:3:10", "tree:2:4x4"})
    void everyPairOnAnIdleNetworkTakesTheZeroLoadLatency(String topology) {
        assertEveryPairMatches(topology, VC, 56);
    }

    @Test
    void withDefaultsTheVcRouterMatchesTheIdealRouterAtZeroLoad() {
        for (int hops = 0; hops < 8; hops++) {
            assertEquals(NocParameters.DEFAULTS.zeroLoadLatencyCycles(hops, 100), VC.zeroLoadLatencyCycles(hops, 100));
        }
    }

    @Property(tries = 40)
    void formulaHoldsForAnyStageDelays(
            @ForAll("topologies") String topology,
            @ForAll @LongRange(min = 0, max = 3) long routingDelay,
            @ForAll @LongRange(min = 1, max = 3) long vcAllocDelay,
            @ForAll @LongRange(min = 1, max = 3) long switchAllocDelay,
            @ForAll @LongRange(min = 0, max = 3) long traversalDelay,
            @ForAll @LongRange(min = 0, max = 4) long creditDelay,
            @ForAll @LongRange(min = 1, max = 4) long linkDelay,
            @ForAll @LongRange(min = 0, max = 3) long injection,
            @ForAll @LongRange(min = 1, max = 3) long ejection,
            @ForAll @IntRange(min = 1, max = 4) int vcs,
            @ForAll @IntRange(min = 1, max = 6) int depth,
            @ForAll @IntRange(min = 0, max = 120) int payload) {
        // The formula assumes buffers that cover the credit loop, so that a packet streams one flit per cycle.
        long creditLoop = routingDelay + vcAllocDelay + 1 + creditDelay
                + Math.max(switchAllocDelay + traversalDelay + 2 * linkDelay, 2 * injection);
        VcRouterParameters router = VcRouterParameters.DEFAULTS
                .withVirtualChannels(vcs, (int) Math.max(depth, creditLoop))
                .withDelays(routingDelay, vcAllocDelay, switchAllocDelay, traversalDelay, creditDelay);
        NocParameters parameters = new NocParameters(8, 8, 8, 3, linkDelay, injection, ejection, 4096,
                MulticastMode.TREE, RouterKind.VC, router);
        assertEveryPairMatches(topology, parameters, payload);
    }

    @Provide
    Arbitrary<String> topologies() {
        return Arbitraries.of("mesh:4x3", "torus:4x4", "ring:6", "tree:2:7", "mesh:1x5");
    }

    private static void assertEveryPairMatches(String topology, NocParameters parameters, int payload) {
        NetworkHarness probe = new NetworkHarness(topology, parameters);
        int tiles = probe.topology.tileCount();
        for (int source = 0; source < tiles; source++) {
            for (int destination = 0; destination < tiles; destination++) {
                NetworkHarness h = new NetworkHarness(topology, parameters);
                h.simulation.runUntil(17);
                h.network.send(source, Destinations.tile(destination), payload, 0);
                h.simulation.run();
                int hops = Paths.path(h.topology, h.routing, source, destination).length;
                long latency = h.deliveries.get(0).deliveredCycles() - 17;
                assertEquals(parameters.zeroLoadLatencyCycles(hops, payload), latency,
                        topology + " " + source + "->" + destination);
            }
        }
    }
}
