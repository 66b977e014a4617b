package org.neurotile.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {
    private static final NetworkSpec NET = new NetworkSpec("net", 6, List.of(
            Dense.of(4, Activation.RELU),
            new Dense(3, Activation.TANH, false),
            Dense.of(2, Activation.IDENTITY)));

    @Test
    void neuronsOfLayerZeroIsTheInputSize() {
        assertEquals(6, NET.neurons(0));
        assertEquals(4, NET.neurons(1));
        assertEquals(2, NET.neurons(3));
    }

    @Test
    void weightsOfALayerAreItsNeuronsTimesThePreviousLayers() {
        assertEquals(24L, NET.weights(1));
        assertEquals(12L, NET.weights(2));
        assertEquals(6L, NET.weights(3));
    }

    @Test
    void totalTrainableWeightsSkipsFrozenLayers() {
        assertEquals(30L, NET.totalTrainableWeights());
    }

    @Test
    void outputsAndLayerCountDescribeTheLastLayer() {
        assertEquals(3, NET.layerCount());
        assertEquals(2, NET.outputs());
    }

    @Test
    void describeJoinsSizesInputFirst() {
        assertEquals("6-4-3-2", NET.describe());
    }

    @Test
    void weightsDoNotOverflowInt() {
        final NetworkSpec wide = new NetworkSpec("wide", 100_000, List.of(Dense.of(100_000, Activation.IDENTITY)));
        assertEquals(10_000_000_000L, wide.weights(1));
    }

    @Test
    void layerOutsideNetworkIsRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> NET.layer(4));
        assertThrows(IndexOutOfBoundsException.class, () -> NET.layer(0));
    }

    @Test
    void networkWithoutLayersIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NetworkSpec("empty", 3, List.of()));
    }

    @Test
    void nonPositiveInputSizeIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec("n", 0, List.of(Dense.of(2, Activation.IDENTITY))));
    }

    @Test
    void nonPositiveLayerSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dense.of(0, Activation.RELU));
    }

    @Test
    void outputLayerMustBeIdentity() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSpec("n", 3, List.of(Dense.of(2, Activation.SIGMOID))));
        assertEquals("network 'n': the output layer feeds softmax + cross-entropy, so its activation must be"
                + " identity, got sigmoid", e.getMessage());
    }
}
