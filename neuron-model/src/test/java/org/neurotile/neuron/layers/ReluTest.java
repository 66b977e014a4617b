package org.neurotile.neuron.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.neurotile.workloads.Activation;

/** The branch-free ReLU gives {@link Activation#RELU}'s bits for every double, the odd ones included. */
class ReluTest {
    private static final double[] ODD = {0.0, -0.0, Double.NaN, -Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.MIN_NORMAL, Double.longBitsToDouble(0x7FF0000000000001L), Double.longBitsToDouble(0xFFF0000000000001L)};

    private static void assertSameBits(double expected, double actual, double a) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), "at " + a);
    }

    @Test
    void zerosInfinitiesNaNsAndSubnormalsGiveReluBits() {
        for (double a : ODD) {
            assertSameBits(Activation.RELU.apply(a), Relu.apply(Activation.RELU, a), a);
            assertSameBits(Activation.RELU.derivative(a), Relu.derivative(Activation.RELU, a), a);
        }
    }

    @Property(tries = 2000)
    void everyDoubleGivesReluBits(@ForAll long bits) {
        double a = Double.longBitsToDouble(bits);
        assertSameBits(Activation.RELU.apply(a), Relu.apply(Activation.RELU, a), a);
        assertSameBits(Activation.RELU.derivative(a), Relu.derivative(Activation.RELU, a), a);
    }

    @Test
    void otherActivationsAreTheirOwn() {
        assertSameBits(Activation.TANH.apply(0.5), Relu.apply(Activation.TANH, 0.5), 0.5);
        assertSameBits(Activation.SIGMOID.derivative(0.5), Relu.derivative(Activation.SIGMOID, 0.5), 0.5);
    }
}
