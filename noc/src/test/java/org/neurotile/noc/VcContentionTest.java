package org.neurotile.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two 4-flit packets meet at router 1 of a 3x1 mesh and share the link to tile 2; default pipeline
 * (lookahead routing, VC allocation, switch allocation and traversal one cycle each), one-cycle
 * links, injection and ejection, 4 virtual channels.
 *
 * <p>A goes 0 -> 2, sent in cycle 0: its head reaches router 0 at 1, wins the switch at 2 and reaches
 * router 1 at 5 (body flits at 6, 7, 8). B goes 1 -> 2, sent in cycle 4: its head reaches router 1 at 5.
 * Both heads bid for the output VCs of link 1->2 at 5; every free VC grants A (the link input comes
 * before the injection input, pointers at 0), A accepts VC 0, so B gets VC 1 one cycle later, at 6.
 * The switch then alternates (iSLIP moves the output's pointer past the winner): A at 6, 8, 10, 12, B
 * at 7, 9, 11, 13; flits reach router 2 three cycles later. There both share the west input: A's head
 * leaves at 10, then the input's round-robin over its VCs alternates with whoever has a flit: B 11, A
 * 12, B 13, A 14, B 15, A 16, B 17. Tails reach their tiles three cycles after they leave: A at 19
 * (zero-load 16, so 3 cycles of contention), B at 20 (zero-load 12, 4 more).
 */
class VcContentionTest {

    @Test
    void twoFlowsSharingALinkAlternateFlitByFlit() {
        NetworkHarness h = new NetworkHarness("mesh:3x1",
                NocParameters.DEFAULTS.withRouter(RouterKind.VC, VcRouterParameters.DEFAULTS));
        int payload = 4 * 16 - 8;
        h.network.send(0, Destinations.tile(2), payload, 1);
        h.simulation.scheduleAt(h.simulation.register("test.b", tag -> h.network.send(1, Destinations.tile(2), payload, 2)),
                4, 0);
        h.simulation.run();

        List<NetworkHarness.Delivery> d = h.deliveries;
        assertEquals(2, d.size());
        assertEquals(1, d.get(0).tag());
        assertEquals(19, d.get(0).deliveredCycles());
        assertEquals(2, d.get(1).tag());
        assertEquals(20, d.get(1).deliveredCycles());
        assertEquals(16, NocParameters.DEFAULTS.zeroLoadLatencyCycles(2, payload));
    }
}
