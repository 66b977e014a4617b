package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

/** A small dense network and a whole minibatch's block of it with bp's deltas, the same examples every time. */
public final class DenseBlockFixture {
    public static final NetworkSpec NET = new NetworkSpec("dense", 37, List.of(Dense.of(41, Activation.RELU),
            Dense.of(10, Activation.IDENTITY)));
    public static final int COUNT = 13;

    private DenseBlockFixture() {
    }

    /** The block's forward pass and deltas on {@code model}'s weights as they are now. */
    public static DenseBatch block(Model model, Workers workers) {
        Random random = new Random(5);
        DenseBatch batch = DenseBatch.of(model, workers, COUNT);
        int[] labels = new int[COUNT];
        for (int m = 0; m < COUNT; m++) {
            for (int j = 0; j < NET.inputSize(); j++) { // stored by unit
                batch.inputs()[j * COUNT + m] = (float) random.nextGaussian();
            }
            labels[m] = random.nextInt(10);
        }
        batch.forward(labels, COUNT);
        batch.deltas(Optional.empty());
        return batch;
    }

    /** {@code fused} within float32 rounding of {@code unfused}, weights and biases, and most weights moved from {@code start}. */
    public static void assertWithinRounding(Model start, Model unfused, Model fused) {
        for (int l = 1; l <= NET.layerCount(); l++) {
            double[] a = fused.weights(l);
            double[] b = unfused.weights(l);
            double[] w = start.weights(l);
            int moved = 0;
            for (int k = 0; k < a.length; k++) {
                assertEquals(b[k], a[k], 1e-5 * (1 + Math.abs(b[k])), "layer " + l + ", weight " + k);
                moved += a[k] != w[k] ? 1 : 0;
            }
            assertTrue(moved > a.length / 2, "the steps moved the weights of layer " + l);
            assertArrayEquals(unfused.biases(l), fused.biases(l), 1e-5, "biases of layer " + l);
        }
    }
}
