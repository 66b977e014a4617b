package org.neurotile.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neurotile.noc.routing.Paths;

class MulticastTrafficTest {
    private static final int PAYLOAD = 40;
    private static final int FOUR_FLITS = 56;

    @Test
    void treeBroadcastOnAMeshCarriesThePayloadOncePerLinkOfTheTree() {
        NetworkHarness h = new NetworkHarness("mesh:8x8", NocParameters.DEFAULTS);
        h.network.send(0, Destinations.allOthers(), PAYLOAD, 0);
        h.simulation.run();
        assertEquals(63, h.deliveries.size());
        assertEquals(63L * PAYLOAD, h.counter("noc.byteHops"));
        assertEquals(PAYLOAD, h.counter("noc.bytesInjected"));
        assertEquals(63, h.network.linksCrossed(0, Destinations.allOthers()));
    }

    @Test
    void unicastBroadcastCarriesThePayloadOncePerHopOfEveryRoute() {
        NetworkHarness h = new NetworkHarness("mesh:8x8", NocParameters.DEFAULTS.withMulticast(MulticastMode.UNICAST));
        h.network.send(0, Destinations.allOthers(), PAYLOAD, 0);
        h.simulation.run();
        long hops = 0;
        for (int tile = 1; tile < 64; tile++) {
            hops += Paths.path(h.topology, h.routing, 0, tile).length;
        }
        assertEquals(63, h.deliveries.size());
        assertEquals(hops * PAYLOAD, h.counter("noc.byteHops"));
        assertEquals(hops, h.network.linksCrossed(0, Destinations.allOthers()));
        assertEquals(hops - 1, h.network.linksCrossed(0, Destinations.tiles(java.util.stream.IntStream.range(2, 64)
                .toArray())));
        assertEquals(63L * PAYLOAD, h.counter("noc.bytesInjected"));
    }

    @Test
    void unicastCopiesQueueBehindEachOtherAtTheSource() {
        NetworkHarness h = new NetworkHarness("mesh:4x4", NocParameters.DEFAULTS.withMulticast(MulticastMode.UNICAST));
        h.network.send(5, Destinations.tiles(6, 4), PAYLOAD, 0);
        h.simulation.run();
        long serialization = NocParameters.DEFAULTS.serializationCycles(PAYLOAD);
        long first = NocParameters.DEFAULTS.zeroLoadLatencyCycles(1, PAYLOAD);
        long latest = h.deliveries.stream().mapToLong(NetworkHarness.Delivery::deliveredCycles).max().orElseThrow();
        assertEquals(first + serialization, latest);
    }

    @Test
    void aPacketFindingItsLinkBusyWaitsForTheOtherToFinish() {
        NetworkHarness h = new NetworkHarness("mesh:3x1", NocParameters.DEFAULTS);
        assertEquals(4, NocParameters.DEFAULTS.serializationCycles(FOUR_FLITS));
        // Both go to tile 2 over the link (1,0)->(2,0). Tile 1's packet takes it at cycle 5 for 4 cycles;
        // tile 0's head is ready for it at cycle 8 and waits one cycle.
        h.network.send(0, Destinations.tile(2), FOUR_FLITS, 0);
        h.simulation.runUntil(1);
        h.network.send(1, Destinations.tile(2), FOUR_FLITS, 1);
        h.simulation.run();
        long fromOne = h.deliveries.stream().filter(d -> d.tag() == 1).findFirst().orElseThrow().deliveredCycles();
        long fromZero = h.deliveries.stream().filter(d -> d.tag() == 0).findFirst().orElseThrow().deliveredCycles();
        assertEquals(1 + NocParameters.DEFAULTS.zeroLoadLatencyCycles(1, FOUR_FLITS), fromOne);
        assertEquals(NocParameters.DEFAULTS.zeroLoadLatencyCycles(2, FOUR_FLITS) + 1, fromZero);
        assertEquals(1, h.counter("noc.linkWaitCycles"));
    }
}
