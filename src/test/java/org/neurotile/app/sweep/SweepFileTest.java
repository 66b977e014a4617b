package org.neurotile.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.config.ConfigValue;

class SweepFileTest {

    private static List<List<String>> points(String yaml) {
        return SweepFile.parse(yaml, "s.yaml").points().stream()
                .map(p -> p.stream().map(ConfigValue.Scalar::text).toList()).toList();
    }

    private static String error(String yaml) {
        String message = assertThrows(InvalidInputException.class, () -> SweepFile.parse(yaml, "s.yaml")).getMessage();
        assertEquals(1, message.lines().count(), message);
        return message;
    }

    @Test
    void aProductOfListsVariesTheLastParameterFastest() {
        assertEquals(List.of(List.of("4x4", "dfa"), List.of("4x4", "bp"), List.of("8x8", "dfa"), List.of("8x8", "bp")),
                points("vary:\n  array: [4x4, 8x8]\n  rule: [dfa, bp]\n"));
    }

    @Test
    void zipPairsTheIthValues() {
        assertEquals(List.of(List.of("4x4", "dfa"), List.of("8x8", "bp")),
                points("vary:\n  array: [4x4, 8x8]\n  rule: [dfa, bp]\ncombine: zip\n"));
    }

    @Test
    void zipOfListsOfDifferentLengthsIsRefusedWithTheLine() {
        String message = error("vary:\n  array: [4x4, 8x8]\n  rule: [dfa]\ncombine: zip\n");
        assertTrue(message.startsWith("s.yaml:3:") && message.contains("same length"), message);
    }

    @Test
    void aLinearRangeStepsFromFromToTo() {
        assertEquals(List.of(List.of("4"), List.of("8"), List.of("12"), List.of("16")),
                points("vary:\n  macsPerCycle: {from: 4, to: 17, step: 4}\n"));
    }

    @Test
    void aLinearRangeOfDecimalsKeepsExactSteps() {
        assertEquals(List.of(List.of("0.1"), List.of("0.2"), List.of("0.3")),
                points("vary:\n  learningRate: {from: 0.1, to: 0.3, step: 0.1}\n"));
    }

    @Test
    void aGeometricRangeMultipliesByTheFactorAndReadsByteSizes() {
        assertEquals(List.of(List.of("65536"), List.of("131072"), List.of("262144")),
                points("vary:\n  tileMemoryBytes: {from: 64KiB, to: 256KiB, factor: 2}\n"));
    }

    @Test
    void anEmptyRangeIsRefusedWithItsLine() {
        String message = error("base:\n  rule: dfa\nvary:\n  macsPerCycle: {from: 8, to: 4, step: 1}\n");
        assertTrue(message.startsWith("s.yaml:4:") && message.contains("empty range"), message);
    }

    @Test
    void anEmptyListIsRefused() {
        assertTrue(error("vary:\n  rule: []\n").contains("empty list"));
    }

    @Test
    void aFactorOfOneIsRefused() {
        assertTrue(error("vary:\n  macsPerCycle: {from: 1, to: 8, factor: 1}\n").contains("factor must be above 1"));
    }

    @Test
    void anUnknownTopLevelKeyNamesTheNearestValidOne() {
        String message = error("vary:\n  rule: [dfa]\ncombien: zip\n");
        assertTrue(message.startsWith("s.yaml:3: unknown key 'combien'") && message.contains("did you mean 'combine'"),
                message);
    }

    @Test
    void anUnknownRangeKeyNamesTheNearestValidOne() {
        String message = error("vary:\n  macsPerCycle: {from: 1, to: 8, stpe: 1}\n");
        assertTrue(message.startsWith("s.yaml:2:") && message.contains("did you mean 'step'"), message);
    }

    @Test
    void anIntervalWithoutStepNeedsASampledDesign() {
        assertTrue(error("vary:\n  macsPerCycle: {from: 1, to: 8}\n").contains("only a sampled design"));
    }

    @Test
    void aParameterBothFixedAndVariedIsRefused() {
        assertTrue(error("base:\n  rule: dfa\nvary:\n  rule: [bp]\n").contains("set in base too"));
    }

    @Test
    void aSampledDesignWithTheSameSeedDrawsTheSamePoints() {
        String yaml = "vary:\n  macsPerCycle: {from: 1, to: 64}\n  rule: [dfa, bp, ssdfa]\n"
                + "sample: {design: random, points: 20, seed: 7}\n";
        assertEquals(points(yaml), points(yaml));
        assertEquals(20, points(yaml).size());
        assertTrue(!points(yaml).equals(points(yaml.replace("seed: 7", "seed: 8"))));
    }

    @Test
    void aSampledIntervalOfWholeNumbersDrawsWholeNumbersInside() {
        for (List<String> point : points("vary:\n  macsPerCycle: {from: 1, to: 64}\n"
                + "sample: {design: latin-hypercube, points: 30, seed: 1}\n")) {
            int value = Integer.parseInt(point.get(0));
            assertTrue(value >= 1 && value <= 64, point.toString());
        }
    }

    @Test
    void aSampleNeedsItsDesign() {
        assertTrue(error("vary:\n  rule: [dfa]\nsample: {points: 3}\n").contains("design"));
    }

    @Test
    void combineAndSampleTogetherAreRefused() {
        assertTrue(error("vary:\n  rule: [dfa]\ncombine: zip\nsample: {design: random, points: 3}\n")
                .contains("does not apply to a sampled design"));
    }

    @Test
    void measuresAreKeptWithTheirLines() {
        SweepFile sweep = SweepFile.parse("vary:\n  rule: [dfa]\nmeasures:\n  - cycles\n  - macs\n", "s.yaml");
        assertEquals(List.of("cycles", "macs"), sweep.measures());
        assertEquals(List.of(4, 5), sweep.measureLines());
    }

    @Test
    void theIdentityDependsOnTheTextAndTheMode() {
        SweepFile a = SweepFile.parse("vary:\n  rule: [dfa]\n", "s.yaml");
        SweepFile b = SweepFile.parse("vary:\n  rule: [bp]\n", "s.yaml");
        assertEquals(a.identity("count"), SweepFile.parse("vary:\n  rule: [dfa]\n", "other.yaml").identity("count"));
        assertTrue(!a.identity("count").equals(b.identity("count")));
        assertTrue(!a.identity("count").equals(a.identity("train")));
    }
}
