package org.neurotile.noc.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurotile.noc.topology.Topologies;
import org.neurotile.sim.InvalidInputException;

class RoutingsTest {

    @Test
    void defaultsSuitEachTopology() {
        assertEquals("xy", Routings.defaultFor(Topologies.parse("mesh:4x4")).name());
        assertEquals("xy", Routings.defaultFor(Topologies.parse("torus:4x4")).name());
        assertEquals("ring", Routings.defaultFor(Topologies.parse("ring:4x4")).name());
        assertEquals("updown", Routings.defaultFor(Topologies.parse("tree:4:4x4")).name());
    }

    @Test
    void createsYxByName() {
        assertEquals("yx", Routings.create("yx", Topologies.parse("torus:4x4")).name());
    }

    @Test
    void routingForAnotherTopologyIsRefusedListingTheValidChoices() {
        final InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Routings.create("xy", Topologies.parse("tree:4:8x8")));
        assertEquals("routing 'xy' does not work on topology tree:4:8x8; valid choices: updown", e.getMessage());
    }

    @Test
    void unknownRoutingIsRefusedListingTheValidChoices() {
        final InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Routings.create("west-first", Topologies.parse("mesh:8x8")));
        assertEquals("routing 'west-first' does not work on topology mesh:8x8; valid choices: xy, yx", e.getMessage());
    }

    // Found by TopologySpecFuzzTest: a routing name of 10,000 characters was quoted whole.
    @Test
    void aLongNameIsQuotedCutShort() {
        String message = assertThrows(InvalidInputException.class,
                () -> Routings.create("x".repeat(10_000), Topologies.parse("mesh:4x4"))).getMessage();
        assertTrue(message.startsWith("routing '" + "x".repeat(60) + "... (10000 characters)' does not work"), message);
    }
}
