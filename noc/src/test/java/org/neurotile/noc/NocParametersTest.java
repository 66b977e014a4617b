package org.neurotile.noc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurotile.sim.InvalidInputException;

class NocParametersTest {

    @Test
    void headerIsAddedBeforeSplittingIntoFlits() {
        NocParameters p = NocParameters.DEFAULTS; // 16-byte flits, 8-byte header
        assertEquals(1, p.flits(8));
        assertEquals(2, p.flits(9));
        assertEquals(4, p.flits(56));
    }

    @Test
    void narrowLinksTakeSeveralCyclesPerFlit() {
        NocParameters p = new NocParameters(16, 4, 0, 3, 1, 1, 1, 4096, MulticastMode.TREE);
        assertEquals(8, p.serializationCycles(32));
    }

    @Test
    void zeroLoadLatencyOfAClassicRouter() {
        // 3-stage routers, 1-cycle links, 4-flit packet over 5 hops: 1 + 6*3 + 5*1 + 1 + 3.
        assertEquals(28, NocParameters.DEFAULTS.zeroLoadLatencyCycles(5, 56));
    }

    @Test
    void nonPositiveSizesAreRejectedNamingTheKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new NocParameters(0, 16, 8, 3, 1, 1, 1, 4096, MulticastMode.TREE));
        assertTrue(e.getMessage().contains("flitBytes"), e.getMessage());
        assertThrows(InvalidInputException.class,
                () -> new NocParameters(16, 16, 8, -1, 1, 1, 1, 4096, MulticastMode.TREE));
    }

    @Test
    void unknownMulticastModeListsTheValidOnes() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MulticastMode.byName("bcast"));
        assertTrue(e.getMessage().contains("tree, unicast"), e.getMessage());
    }
}
