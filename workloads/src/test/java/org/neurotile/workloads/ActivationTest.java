package org.neurotile.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;
import org.neurotile.sim.InvalidInputException;

class ActivationTest {

    @Test
    void byNameFindsEveryIdCaseInsensitively() {
        for (final Activation activation : Activation.values()) {
            assertEquals(activation, Activation.byName(activation.id().toUpperCase(Locale.ROOT)));
        }
    }

    @Test
    void unknownNameErrorListsValidNames() {
        final InvalidInputException e = assertThrows(InvalidInputException.class, () -> Activation.byName("gelu"));
        assertEquals("unknown activation 'gelu' (valid: relu, tanh, sigmoid, identity)", e.getMessage());
    }

    @Test
    void reluClipsNegativesAndHasZeroSlopeAtZero() {
        assertEquals(0.0, Activation.RELU.apply(-2.0));
        assertEquals(3.0, Activation.RELU.apply(3.0));
        assertEquals(0.0, Activation.RELU.derivative(0.0));
        assertEquals(1.0, Activation.RELU.derivative(0.5));
    }

    @Test
    void sigmoidIsOneHalfWithSlopeOneQuarterAtZero() {
        assertEquals(0.5, Activation.SIGMOID.apply(0.0));
        assertEquals(0.25, Activation.SIGMOID.derivative(0.0));
    }

    @Property
    void derivativeMatchesCentralDifference(@ForAll("smooth") Activation activation,
            @ForAll @FloatRange(min = -4f, max = 4f) float x) {
        final double h = 1e-5;
        final double numeric = (activation.apply(x + h) - activation.apply(x - h)) / (2 * h);
        assertEquals(numeric, activation.derivative((double) x), 1e-6);
    }

    @Provide
    Arbitrary<Activation> smooth() {
        return Arbitraries.of(Activation.TANH, Activation.SIGMOID, Activation.IDENTITY);
    }

    @Property
    void arrayVersionsEqualScalarVersions(@ForAll Activation activation,
            @ForAll @FloatRange(min = -10f, max = 10f) float a, @ForAll @FloatRange(min = -10f, max = 10f) float b) {
        final float[] pre = {a, b, 7f};
        final float[] out = new float[3];
        final float[] slope = new float[3];
        activation.apply(pre, out, 2);
        activation.derivative(pre, slope, 2);
        assertEquals(activation.apply(a), out[0]);
        assertEquals(activation.apply(b), out[1]);
        assertEquals(0f, out[2]);
        assertEquals(activation.derivative(a), slope[0]);
        assertEquals(activation.derivative(b), slope[1]);
    }

    @Test
    void arrayVersionMayWorkInPlace() {
        final float[] values = {-1f, 2f};
        Activation.RELU.apply(values, values, 2);
        assertEquals(0f, values[0]);
        assertEquals(2f, values[1]);
    }

    @Test
    void arrayVersionRejectsCountBeyondArray() {
        assertThrows(IllegalArgumentException.class, () -> Activation.TANH.apply(new float[2], new float[1], 2));
    }

    @Test
    void floatVersionStaysInRange() {
        assertTrue(Activation.SIGMOID.apply(100f) <= 1f);
        assertTrue(Activation.TANH.apply(-100f) >= -1f);
    }
}
