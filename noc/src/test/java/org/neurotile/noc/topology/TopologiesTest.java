package org.neurotile.noc.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.sim.InvalidInputException;

class TopologiesTest {
    private static final Optional<GridShape> ARRAY_8X4 = Optional.of(new GridShape(8, 4));

    @Provide
    Arbitrary<Topology> topologies() {
        return TopologyArbitraries.anyTopology();
    }

    @Property
    void canonicalSpecRoundTrips(@ForAll("topologies") Topology t) {
        assertEquals(t, Topologies.parse(t.spec()));
        assertEquals(t.spec(), Topologies.parse(t.spec()).spec());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mesh:8x8", "torus:16x16", "ring:16", "ring:4x4", "tree:4:8x8", "tree:2:5"})
    void parsesEachDocumentedForm(String spec) {
        assertEquals(spec, Topologies.parse(spec).spec());
    }

    @Test
    void ringOfNTilesIsNByOne() {
        final Topology ring = Topologies.parse("ring:16");
        assertEquals(16, ring.width());
        assertEquals(1, ring.height());
    }

    @Test
    void omittedSizeTakesTheArrayShape() {
        assertEquals(Grid2D.mesh(8, 4), Topologies.parse("mesh", ARRAY_8X4));
        assertEquals(Grid2D.torus(8, 4), Topologies.parse("torus", ARRAY_8X4));
        assertEquals(new Ring(8, 4), Topologies.parse("ring", ARRAY_8X4));
        assertEquals(new Tree(4, 8, 4), Topologies.parse("tree:4", ARRAY_8X4));
    }

    @Test
    void givenSizeOverridesTheArrayShape() {
        assertEquals(Grid2D.mesh(2, 3), Topologies.parse("mesh:2x3", ARRAY_8X4));
    }

    @Test
    void omittedSizeWithoutArrayShapeIsRefused() {
        final InvalidInputException e = assertThrows(InvalidInputException.class, () -> Topologies.parse("mesh"));
        assertTrue(e.getMessage().contains("no size given"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mesh:", "mesh:8", "mesh:0x8", "mesh:-1x8", "mesh:8x8x8", "mesh:8x", "hypercube:8x8",
        "torus:axb", "ring:0", "tree", "tree:1:8x8", "tree:x:8x8", "tree:4:8x8:2", "mesh:8x8:1", "MESH:8x8",
        "mesh:2048x1024", "ring:9999999999", "mesh:8\nx8"})
    void badSpecIsRefusedWithAOneLineMessageListingTheValidForms(String spec) {
        final InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> Topologies.parse(spec, Optional.empty()));
        assertTrue(e.getMessage().contains("valid forms: mesh:WxH, torus:WxH, ring:N, ring:WxH, tree:K:WxH, tree:K:N"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void largestSupportedArrayIsAccepted() {
        assertEquals(Topologies.MAX_TILES, Topologies.parse("ring:1048576").tileCount());
    }

    @Test
    void arrayShapeParsesWidthByHeight() {
        assertEquals(new GridShape(32, 16), Topologies.parseArray("32x16"));
    }

    @Test
    void malformedArrayShapeIsOneLineWithAnExample() {
        for (String bad : new String[] {"0x4", "4", "4x", "axb", "4x4x4"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Topologies.parseArray(bad));
            assertTrue(e.getMessage().contains("e.g. 32x32"), e.getMessage());
        }
    }

    // Found by TopologySpecFuzzTest: a spec of 10,000 characters was quoted whole.
    @Test
    void aLongSpecIsQuotedCutShort() {
        String message = assertThrows(InvalidInputException.class, () -> Topologies.parse("[".repeat(10_000)))
                .getMessage();
        assertTrue(message.startsWith("invalid topology '" + "[".repeat(60) + "... (10000 characters)': unknown"
                + " topology kind '" + "[".repeat(60) + "... (10000 characters)'"), message);
        assertTrue(assertThrows(InvalidInputException.class, () -> Topologies.parseArray("1x" + "1".repeat(10_000)))
                .getMessage().length() < 200);
    }
}
