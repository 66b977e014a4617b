package org.neurotile.noc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A ring without dateline channels deadlocks under wormhole flow control; the network says so instead of hanging. */
class VcDeadlockTest {

    @Test
    void aRingOfLongPacketsDeadlocksAndIsReportedWithCycleRoutersAndChannels() {
        VcRouterParameters oneShallowChannel = VcRouterParameters.DEFAULTS.withVirtualChannels(1, 2)
                .withDeadlockCycles(200);
        NetworkHarness h = new NetworkHarness("ring:4",
                NocParameters.DEFAULTS.withRouter(RouterKind.VC, oneShallowChannel));
        // Every tile sends 20 flits two hops ahead, the same way round: each packet holds the link out of its
        // source and waits for the next one, held by its neighbour's packet.
        for (int tile = 0; tile < 4; tile++) {
            h.network.send(tile, Destinations.tile((tile + 2) % 4), 20 * 16 - 8, tile);
        }
        NocDeadlockException e = assertThrows(NocDeadlockException.class, () -> h.simulation.run());

        assertTrue(e.cycle() < 400, e.getMessage());
        assertTrue(e.getMessage().startsWith("noc deadlock at cycle " + e.cycle() + ": no flit moved for 200 cycles"),
                e.getMessage());
        assertTrue(e.getMessage().contains("router (1,0) input (0,0)->(1,0) vc 0"), e.getMessage());
        assertTrue(e.getMessage().contains("waits for a credit of"), e.getMessage());
        assertTrue(e.blockedChannels().size() >= 4, e.blockedChannels().toString());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
