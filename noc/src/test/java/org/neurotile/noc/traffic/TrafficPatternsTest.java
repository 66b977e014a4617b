package org.neurotile.noc.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.sim.InvalidInputException;

class TrafficPatternsTest {

    // Found by TopologySpecFuzzTest: a spec of 10,000 characters was quoted whole.
    @Test
    void aLongSpecIsQuotedCutShort() {
        assertEquals("unknown traffic '" + "u".repeat(60) + "... (10000 characters)' (valid: " + TrafficPatterns.VALID
                + ")", assertThrows(InvalidInputException.class,
                () -> TrafficPatterns.parse("u".repeat(10_000), Topologies.parse("mesh:4x4"))).getMessage());
    }
}
