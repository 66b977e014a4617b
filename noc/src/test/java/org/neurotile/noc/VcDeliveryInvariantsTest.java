package org.neurotile.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.neurotile.sim.EventTarget;

/**
 * Random unicast, multicast and broadcast traffic through the vc router, with credits and buffers
 * checked against each other every cycle: no credit below zero, no buffer over its depth, every slot
 * accounted for; every copy reaches its destination exactly once and the network empties.
 */
class VcDeliveryInvariantsTest {

    @Property(tries = 60)
    void everyFlitIsDeliveredOnceAndFlowControlHolds(
            @ForAll("topologies") String topology,
            @ForAll MulticastMode mode,
            @ForAll AllocatorKind vcAllocator,
            @ForAll AllocatorKind switchAllocator,
            @ForAll @IntRange(min = 1, max = 4) int vcs,
            @ForAll @IntRange(min = 1, max = 6) int depth,
            @ForAll @IntRange(min = 0, max = 3) int creditDelay,
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 150) int messages) {
        VcRouterParameters router = VcRouterParameters.DEFAULTS.withVirtualChannels(vcs, depth)
                .withAllocators(vcAllocator, switchAllocator).withDelays(0, 1, 1, 1, creditDelay);
        NetworkHarness h = new NetworkHarness(topology,
                NocParameters.DEFAULTS.withMulticast(mode).withRouter(RouterKind.VC, router));
        h.network.vcFabric().checkInvariantsEveryCycle();
        int tiles = h.topology.tileCount();
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> expectedPairs = new HashMap<>();
        long[] expectedBytes = {0};
        EventTarget sender = h.simulation.register("test.sender", tag -> {
            int source = random.nextInt(tiles);
            Destinations destinations = RandomDestinations.draw(random, tiles);
            int payload = random.nextInt(120);
            h.network.send(source, destinations, payload, tag);
            for (int d = 0; d < tiles; d++) {
                if (RandomDestinations.receives(destinations, source, d)) {
                    expectedPairs.merge(tag + ">" + d, 1, Integer::sum);
                    expectedBytes[0] += payload;
                }
            }
        });
        for (long tag = 0; tag < messages; tag++) {
            h.simulation.scheduleAt(sender, random.nextInt(150), tag);
        }
        h.simulation.run();

        Map<String, Integer> deliveredPairs = new HashMap<>();
        for (NetworkHarness.Delivery d : h.deliveries) {
            deliveredPairs.merge(d.tag() + ">" + d.destination(), 1, Integer::sum);
        }
        assertEquals(expectedPairs, deliveredPairs);
        assertEquals(0, h.network.packetsInFlight());
        assertTrue(h.network.vcFabric().idle());
        VcInvariants.check(h.network.vcFabric());
        assertEquals(expectedBytes[0], h.counter("noc.bytesDelivered"));
        assertEquals(h.counter("noc.flitsInjected") > 0, h.counter("noc.flitsDelivered") > 0);
        assertEquals(h.counter("noc.byteHops"), h.sumOfLinkCounters(".bytes"));
        assertEquals(h.counter("noc.flitHops"), h.sumOfLinkCounters(".flits"));
    }

    /** Topologies whose routing is deadlock-free without dateline channels. */
    @Provide
    Arbitrary<String> topologies() {
        return Arbitraries.of("mesh:4x4", "mesh:5x3", "mesh:1x6", "tree:2:6", "tree:4:3x3");
    }
}
