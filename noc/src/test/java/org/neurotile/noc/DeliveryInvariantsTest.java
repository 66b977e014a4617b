package org.neurotile.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Random unicast, multicast and broadcast traffic: nothing lost, nothing duplicated, bytes balance. */
class DeliveryInvariantsTest {

    @Property(tries = 80)
    void everyPacketReachesEveryDestinationExactlyOnce(
            @ForAll("topologies") String topology,
            @ForAll MulticastMode mode,
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 120) int messages) {
        NetworkHarness h = new NetworkHarness(topology, NocParameters.DEFAULTS.withMulticast(mode));
        int tiles = h.topology.tileCount();
        SplittableRandom random = new SplittableRandom(seed);
        Map<Long, Integer> expectedCopies = new HashMap<>();
        Map<String, Integer> expectedPairs = new HashMap<>();
        long[] expectedBytes = {0};
        EventTarget sender = h.simulation.register("test.sender", tag -> {
            int source = random.nextInt(tiles);
            Destinations destinations = RandomDestinations.draw(random, tiles);
            int payload = random.nextInt(200);
            h.network.send(source, destinations, payload, tag);
            for (int d = 0; d < tiles; d++) {
                if (RandomDestinations.receives(destinations, source, d)) {
                    expectedPairs.merge(tag + ">" + d, 1, Integer::sum);
                    expectedBytes[0] += payload;
                }
            }
            expectedCopies.put(tag, destinations.count(tiles));
        });
        for (long tag = 0; tag < messages; tag++) {
            h.simulation.scheduleAt(sender, random.nextInt(200), tag);
        }
        h.simulation.run();

        Map<String, Integer> deliveredPairs = new HashMap<>();
        for (NetworkHarness.Delivery d : h.deliveries) {
            deliveredPairs.merge(d.tag() + ">" + d.destination(), 1, Integer::sum);
        }
        assertEquals(expectedPairs, deliveredPairs);
        assertEquals(0, h.network.packetsInFlight());
        assertEquals(expectedBytes[0], h.counter("noc.bytesDelivered"));
        assertEquals(h.counter("noc.bytesExpected"), h.counter("noc.bytesDelivered"));
        assertEquals(h.counter("noc.byteHops"), h.sumOfLinkCounters(".bytes"));
        assertEquals(h.counter("noc.flitHops"), h.sumOfLinkCounters(".flits"));
        assertEquals(messages, h.counter("noc.messagesSent"));
    }

    @Provide
    Arbitrary<String> topologies() {
        return Arbitraries.of("mesh:4x4", "mesh:5x3", "torus:4x5", "ring:7", "tree:2:6", "tree:4:3x3");
    }
}
