package org.neurotile.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurotile.sim.config.ConfigFileTest.errorOf;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigSectionTest {
    private static final String NOC = """
            width: 4
            height: 4
            linkBandwidthBytesPerCycle: 16.5
            routing: xy
            bufferSize: 2KiB
            weights: [0.5, 1, 0.25]
            routerDelay: 2
            topology:
              kind: mesh
            empty:
            """;

    private static ConfigSection noc() {
        return ConfigFile.parse(NOC, "noc.yaml");
    }

    @Test
    void unknownKeyNamesLineAndSuggestsNearestValidKey() {
        final List<String> valid = List.of("width", "height", "linkBandwidthBytesPerCycle", "routing", "bufferSize",
                "weights", "routerDelayCycles", "topology", "empty");
        assertEquals("noc.yaml:7: unknown key 'routerDelay' (did you mean 'routerDelayCycles'? valid keys: "
                        + "bufferSize, empty, height, linkBandwidthBytesPerCycle, routerDelayCycles, routing, topology, "
                        + "weights, width)",
                errorOf(() -> noc().requireOnlyKeys(valid)));
    }

    @Test
    void unknownKeyUnlikeAnyValidKeyGetsNoSuggestion() {
        assertEquals("noc.yaml:9: unknown key 'topology.kind' (valid keys: size)",
                errorOf(() -> noc().getSection("topology").requireOnlyKeys(List.of("size"))));
    }

    @Test
    void onlyValidKeysPass() {
        noc().getSection("topology").requireOnlyKeys(List.of("kind", "size"));
    }

    @Test
    void longWithinBoundsIsReturned() {
        assertEquals(4, noc().getLong("width", 8, 1, 64));
    }

    @Test
    void absentKeyGivesDefault() {
        assertEquals(8, noc().getLong("depth", 8, 1, 64));
        assertEquals(0.1, noc().getDouble("rate", 0.1, DoubleRange.probability()));
        assertEquals("dor", noc().getString("algorithm", "dor"));
        assertFalse(noc().has("depth"));
    }

    @Test
    void longOutOfBoundsNamesFileLineKeyAndRange() {
        assertEquals("noc.yaml:2: key 'height' must be an integer >= 5, got '4'",
                errorOf(() -> noc().getLong("height", 8, 5, Long.MAX_VALUE)));
    }

    @Test
    void fractionIsNotAnInteger() {
        assertEquals("noc.yaml:3: key 'linkBandwidthBytesPerCycle' must be an integer, got '16.5'",
                errorOf(() -> noc().getLong("linkBandwidthBytesPerCycle", 0, Long.MIN_VALUE, Long.MAX_VALUE)));
    }

    @Test
    void integerBeyondLongIsRejected() {
        final ConfigSection big = ConfigFile.parse("n: 99999999999999999999\n", "b.yaml");
        assertEquals("b.yaml:1: key 'n' must be an integer, got '99999999999999999999'",
                errorOf(() -> big.getLong("n", 0, Long.MIN_VALUE, Long.MAX_VALUE)));
    }

    @Test
    void intUsesIntBounds() {
        assertEquals(4, noc().getInt("width", 1, 1, 16));
        assertTrue(errorOf(() -> noc().getInt("width", 1, 1, 3)).contains("in [1, 3]"));
    }

    @Test
    void doubleAcceptsIntegersAndFloats() {
        assertEquals(16.5, noc().getDouble("linkBandwidthBytesPerCycle", 1, DoubleRange.positive()));
        assertEquals(4.0, noc().getDouble("width", 1, DoubleRange.positive()));
    }

    @Test
    void doubleOutOfRangeNamesRange() {
        assertEquals("noc.yaml:3: key 'linkBandwidthBytesPerCycle' must be a number in [0, 1], got '16.5'",
                errorOf(() -> noc().getDouble("linkBandwidthBytesPerCycle", 0.5, DoubleRange.probability())));
    }

    @Test
    void textIsNotANumber() {
        assertEquals("noc.yaml:4: key 'routing' must be a number > 0, got 'xy'",
                errorOf(() -> noc().getDouble("routing", 1, DoubleRange.positive())));
    }

    @Test
    void stringReturnsSourceTextOfAnyScalar() {
        assertEquals("xy", noc().getString("routing", "dor"));
        assertEquals("16.5", noc().getString("linkBandwidthBytesPerCycle", ""));
    }

    @Test
    void keyWithoutValueIsReportedWhenRead() {
        assertTrue(noc().has("empty"));
        assertEquals("noc.yaml:10: key 'empty' must be a text value, got no value",
                errorOf(() -> noc().getString("empty", "x")));
    }

    @Test
    void missingRequiredKeyNamesSection() {
        assertEquals("noc.yaml:8: missing required key 'topology.size' (an integer >= 1)",
                errorOf(() -> noc().getSection("topology").requireLong("size", 1, Long.MAX_VALUE)));
    }

    @Test
    void choiceFromValidSetIsReturned() {
        assertEquals("xy", noc().getChoice("routing", "yx", List.of("xy", "yx", "adaptive")));
    }

    @Test
    void unknownChoiceSuggestsNearest() {
        assertEquals("noc.yaml:4: key 'routing' has unknown value 'xy' (did you mean 'xyz'? valid: xyz, west-first)",
                errorOf(() -> noc().getChoice("routing", "xyz", List.of("xyz", "west-first"))));
    }

    @Test
    void booleanMustBeTrueOrFalse() {
        assertTrue(ConfigFile.parse("on: true\n", "b.yaml").getBoolean("on", false));
        assertEquals("noc.yaml:1: key 'width' must be true or false, got '4'",
                errorOf(() -> noc().getBoolean("width", false)));
    }

    @Test
    void byteSizeAcceptsUnitsAndPlainIntegers() {
        assertEquals(2048, noc().getByteSize("bufferSize", 0, 0, Long.MAX_VALUE));
        assertEquals(4, noc().getByteSize("width", 0, 0, Long.MAX_VALUE));
    }

    @Test
    void byteSizeWithBadUnitNamesFileLineAndKey() {
        final String message = errorOf(() -> noc().getByteSize("routing", 0, 0, Long.MAX_VALUE));
        assertTrue(message.startsWith("noc.yaml:4: key 'routing' has an invalid byte size 'xy'"), message);
    }

    @Test
    void byteSizeOutOfBoundsIsRejected() {
        assertEquals("noc.yaml:5: key 'bufferSize' must be a byte size in [4096, 8192] bytes, got '2KiB'",
                errorOf(() -> noc().getByteSize("bufferSize", 4096, 4096, 8192)));
    }

    @Test
    void doubleListIsReturnedInOrder() {
        assertEquals(List.of(0.5, 1.0, 0.25), noc().getDoubleList("weights", List.of(), DoubleRange.probability()));
    }

    @Test
    void doubleListElementOutOfRangeNamesElement() {
        final ConfigSection list = ConfigFile.parse("w:\n  - 0.5\n  - 2\n", "l.yaml");
        assertEquals("l.yaml:3: key 'w' element 2 must be a number in [0, 1], got '2'",
                errorOf(() -> list.getDoubleList("w", List.of(), DoubleRange.probability())));
    }

    @Test
    void scalarIsNotAList() {
        assertEquals("noc.yaml:1: key 'width' must be a list of numbers, each a finite number, got '4'",
                errorOf(() -> noc().getDoubleList("width", List.of(), DoubleRange.finite())));
    }

    @Test
    void absentSectionIsEmptySoDefaultsApply() {
        final ConfigSection absent = noc().getSection("power");
        assertEquals("power", absent.path());
        assertEquals(3, absent.getLong("voltage", 3, 0, 10));
    }

    @Test
    void scalarIsNotASection() {
        assertEquals("noc.yaml:1: key 'width' must be a mapping of keys to values, got '4'",
                errorOf(() -> noc().getSection("width")));
    }

    @Test
    void nestedKeysAreNamedByPath() {
        assertEquals("noc.yaml:9: key 'topology.kind' has unknown value 'mesh' (valid: torus)",
                errorOf(() -> noc().getSection("topology").getChoice("kind", "torus", List.of("torus"))));
    }
}
