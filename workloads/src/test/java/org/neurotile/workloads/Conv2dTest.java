package org.neurotile.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Conv2dTest {

    /** The windows that fit, counted one by one, as a sliding convolution places them. */
    private static int windows(int size, int padding, int span, int stride) {
        int count = 0;
        for (int start = -padding; start + span <= size + padding; start += stride) {
            count++;
        }
        return count;
    }

    @Property
    void outputSizeIsTheNumberOfWindowPlacements(@ForAll @IntRange(min = 1, max = 40) int size,
                                                 @ForAll @IntRange(min = 1, max = 7) int kernel,
                                                 @ForAll @IntRange(min = 1, max = 4) int stride,
                                                 @ForAll @IntRange(min = 0, max = 3) int padding,
                                                 @ForAll @IntRange(min = 1, max = 3) int dilation) {
        Conv2d conv = new Conv2d(4, kernel, stride, padding, dilation, 1, Activation.RELU, Optional.empty(),
                OptionalInt.empty(), true);
        int expected = windows(size, padding, conv.span(), stride);
        TensorShape input = new TensorShape(2, size, size);
        if (expected == 0) {
            assertThrows(IllegalArgumentException.class, () -> conv.shape(input));
            return;
        }
        LayerShape shape = conv.shape(input);
        assertEquals(new TensorShape(4, expected, expected), shape.output());
        assertEquals((long) expected * expected * 4 * kernel * kernel * 2, shape.forwardMacs());
        assertEquals(4L * kernel * kernel * 2, shape.weights());
    }

    @Property
    void groupsDivideTheWeightsAndMacs(@ForAll @IntRange(min = 1, max = 4) int groupsLog) {
        int groups = 1 << groupsLog;
        Conv2d grouped = new Conv2d(32, 3, 1, 1, 1, groups, Activation.RELU, Optional.empty(), OptionalInt.empty(),
                true);
        Conv2d whole = Conv2d.of(32, 3, 1, Activation.RELU);
        TensorShape input = new TensorShape(16, 8, 8);
        assertEquals(whole.shape(input).weights(), grouped.shape(input).weights() * groups);
        assertEquals(whole.shape(input).forwardMacs(), grouped.shape(input).forwardMacs() * groups);
    }

    @Test
    void poolingShrinksTheOutputButNotTheMacs() {
        Conv2d conv = Conv2d.of(96, 5, 2, Activation.RELU);
        Conv2d pooled = conv.pooled(new Pool(Pool.Kind.MAX, 3, 2, 1));
        TensorShape input = new TensorShape(3, 32, 32);
        assertEquals(new TensorShape(96, 16, 16), pooled.shape(input).output());
        assertEquals(conv.shape(input).forwardMacs(), pooled.shape(input).forwardMacs());
    }

    @Test
    void inputChannelsNotDivisibleByGroupsAreRefused() {
        Conv2d conv = new Conv2d(8, 3, 1, 0, 1, 4, Activation.RELU, Optional.empty(), OptionalInt.empty(), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> conv.shape(new TensorShape(6, 8, 8)));
        assertEquals("6 input channels are not divisible by 4 groups", e.getMessage());
    }

    @Test
    void aKernelLargerThanItsPaddedInputIsRefusedNamingTheLayer() {
        LayerShapeException e = assertThrows(LayerShapeException.class, () -> new NetworkSpec("n",
                new TensorShape(1, 4, 4), List.of(Conv2d.of(2, 3, 0, Activation.RELU), Conv2d.of(2, 5, 0,
                        Activation.RELU), Dense.of(10, Activation.IDENTITY))));
        assertEquals(2, e.layer());
        assertEquals("network 'n': layer 2 (conv2d) cannot read 2x2x2 values: a 5x5 kernel is larger than its 2x2"
                + " input padded by 0", e.getMessage());
    }

    @Test
    void aResidualAddMustNameAnEarlierLayerThanTheOneItReads() {
        Conv2d adds = new Conv2d(2, 3, 1, 1, 1, 1, Activation.RELU, Optional.empty(), OptionalInt.of(1), true);
        LayerShapeException e = assertThrows(LayerShapeException.class, () -> new NetworkSpec("n",
                new TensorShape(2, 4, 4), List.of(Conv2d.of(2, 3, 1, Activation.RELU), adds,
                        Dense.of(10, Activation.IDENTITY))));
        assertTrue(e.getMessage().endsWith("its residual add names layer 1, valid: 0 (the input) to 0 (an earlier"
                + " layer than the one it reads)"), e.getMessage());
    }

    @Test
    void anIdentityResidualAddsNoWeights() {
        Conv2d adds = new Conv2d(2, 3, 1, 1, 1, 1, Activation.RELU, Optional.empty(), OptionalInt.of(0), true);
        NetworkSpec network = new NetworkSpec("n", new TensorShape(2, 4, 4), List.of(Conv2d.of(2, 3, 1,
                Activation.RELU), adds, Dense.of(10, Activation.IDENTITY)));
        assertEquals(2L * 2 * 9, network.weights(2));
    }
}
