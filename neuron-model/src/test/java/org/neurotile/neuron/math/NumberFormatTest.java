package org.neurotile.neuron.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurotile.sim.InvalidInputException;

class NumberFormatTest {

    @Provide
    Arbitrary<FixedPoint> formats() {
        return Arbitraries.of(8, 16).flatMap(bits -> Combinators.combine(
                Arbitraries.integers().between(0, bits - 1), Arbitraries.of(Rounding.values()))
                .as((frac, rounding) -> new FixedPoint(bits, frac, rounding)));
    }

    @Property
    void quantizingTwiceChangesNothing(@ForAll("formats") FixedPoint format,
                                       @ForAll @DoubleRange(min = -1e6, max = 1e6) double value) {
        RoundingNoise noise = new RoundingNoise(7);
        double once = format.quantize(value, noise);
        assertEquals(once, format.quantize(once, noise), 0.0);
    }

    @Property
    void aQuantizedValueIsAMultipleOfTheStepWithinTheRange(@ForAll("formats") FixedPoint format,
                                                           @ForAll @DoubleRange(min = -1e6, max = 1e6) double value) {
        double q = format.quantize(value, new RoundingNoise(3));
        assertTrue(q >= format.min() && q <= format.max(), q + " outside " + format.spec());
        assertEquals(Math.rint(q / format.step()), q / format.step(), 0.0);
    }

    @Property
    void nearestRoundsToTheNearestRepresentableValue(@ForAll("formats") FixedPoint any,
                                                    @ForAll @DoubleRange(min = -1e3, max = 1e3) double value) {
        FixedPoint format = new FixedPoint(any.bits(), any.fractionBits(), Rounding.NEAREST);
        double q = format.quantize(value, new RoundingNoise(0));
        double clamped = Math.max(format.min(), Math.min(format.max(), value));
        assertTrue(Math.abs(q - clamped) <= format.step() / 2, value + " -> " + q + " in " + format.spec());
    }

    @Property
    void stochasticRoundingPicksOneOfTheTwoNeighbours(@ForAll("formats") FixedPoint any,
                                                     @ForAll @DoubleRange(min = -3, max = 3) double value) {
        FixedPoint format = new FixedPoint(any.bits(), any.fractionBits(), Rounding.STOCHASTIC);
        double q = format.quantize(value, new RoundingNoise(11));
        double clamped = Math.max(format.min(), Math.min(format.max(), value));
        assertTrue(Math.abs(q - clamped) < format.step(), value + " -> " + q + " in " + format.spec());
    }

    @Test
    void valuesBeyondTheRangeSaturate() {
        FixedPoint format = new FixedPoint(8, 5, Rounding.NEAREST);
        RoundingNoise noise = new RoundingNoise(1);
        assertEquals(127 / 32.0, format.quantize(100, noise), 0.0);
        assertEquals(-4.0, format.quantize(-100, noise), 0.0);
        assertEquals(127 / 32.0, format.quantize(Double.POSITIVE_INFINITY, noise), 0.0);
        assertEquals(-4.0, format.quantize(Double.NEGATIVE_INFINITY, noise), 0.0);
        assertTrue(Double.isNaN(format.quantize(Double.NaN, noise)), "a NaN stays visible");
    }

    @Test
    void nearestBreaksTiesToEven() {
        FixedPoint format = new FixedPoint(8, 0, Rounding.NEAREST);
        RoundingNoise noise = new RoundingNoise(1);
        assertEquals(2.0, format.quantize(2.5, noise), 0.0);
        assertEquals(4.0, format.quantize(3.5, noise), 0.0);
        assertEquals(-2.0, format.quantize(-2.5, noise), 0.0);
    }

    @Test
    void stochasticRoundingIsUnbiasedInTheMean() {
        FixedPoint format = new FixedPoint(8, 4, Rounding.STOCHASTIC);
        RoundingNoise noise = new RoundingNoise(42);
        double value = 0.3 * format.step() + 1.0; // rounds up with probability 0.3
        int draws = 200_000;
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            sum += format.quantize(value, noise);
        }
        // standard error of the mean: step * sqrt(0.3 * 0.7 / draws), about 1e-3 steps
        assertEquals(value, sum / draws, 5e-3 * format.step());
    }

    @Test
    void stochasticRoundingIsDeterministicForAKeyAndResumesFromItsDrawCount() {
        FixedPoint format = new FixedPoint(16, 12, Rounding.STOCHASTIC);
        RoundingNoise first = new RoundingNoise(9);
        RoundingNoise second = new RoundingNoise(9);
        for (int i = 0; i < 1000; i++) {
            assertEquals(format.quantize(i * 1e-5, first), format.quantize(i * 1e-5, second), 0.0);
        }
        RoundingNoise restored = new RoundingNoise(9);
        restored.restore(first.draws());
        for (int i = 0; i < 1000; i++) {
            assertEquals(first.nextUniform(), restored.nextUniform(), 0.0);
        }
    }

    @Test
    void anotherSeedGivesOtherDraws() {
        RoundingNoise a = RoundingNoise.forSeed(1);
        RoundingNoise b = RoundingNoise.forSeed(2);
        int same = 0;
        for (int i = 0; i < 100; i++) {
            same += a.nextUniform() == b.nextUniform() ? 1 : 0;
        }
        assertEquals(0, same);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "float32; float32",
        "fixed8; fixed8:frac=5",
        "fixed16; fixed16:frac=13",
        "fixed8:frac=5; fixed8:frac=5",
        "FIXED16:frac=12,rounding=stochastic; fixed16:frac=12,rounding=stochastic",
        "fixed8:rounding=nearest,frac=0; fixed8:frac=0"})
    void specsParseAndPrintCanonically(String text, String spec) {
        NumberFormat format = NumberFormat.parse("--numbers", text);
        assertEquals(spec, format.spec());
        assertEquals(format, NumberFormat.parse("--numbers", format.spec()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "fixed12; bits must be 8 or 16",
        "fixed8:frac=8; frac must be in 0..7 for fixed8",
        "fixed16:frac=-1; frac must be in 0..15 for fixed16",
        "fixed8:frac=x; frac must be a whole number of bits",
        "fixed8:rounding=up; rounding must be nearest or stochastic",
        "fixed8:bias=2; unknown setting 'bias'",
        "fixed8:frac=3,frac=4; setting 'frac' is given twice",
        "fixed16:rounding=nearest,frac=2,rounding=stochastic; setting 'rounding' is given twice",
        "int8; unknown format 'int8'"})
    void badSpecsNameTheOptionAndWhatIsValid(String text, String why) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NumberFormat.parse("--error-numbers", text));
        assertEquals("--error-numbers '" + text + "': " + why + " (valid: " + NumberFormat.VALID + ")", e.getMessage());
    }

    @Test
    void wordBytesFollowTheBits() {
        assertEquals(4, NumberFormat.FLOAT32.wordBytes(4));
        assertEquals(1, NumberFormat.parse("x", "fixed8").wordBytes(4));
        assertEquals(2, NumberFormat.parse("x", "fixed16").wordBytes(4));
    }
}
