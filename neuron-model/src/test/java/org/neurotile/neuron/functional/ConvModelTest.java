package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Precision;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

class ConvModelTest {
    // layer 2: 3x3 kernels over 4 channels (fan-in 36), plus a projection of layer 0's 2 channels (fan-in 2)
    private static final NetworkSpec NET = new NetworkSpec("projected", new TensorShape(2, 8, 8), List.of(
            Conv2d.of(4, 3, 1, Activation.RELU),
            new Conv2d(6, 3, 2, 1, 1, 1, Activation.RELU, Optional.empty(), OptionalInt.of(0), true),
            Dense.of(3, Activation.IDENTITY)));

    @Test
    void aConvolutionHasOneBiasPerOutputChannel() {
        Model model = Model.initial(NET, 1, Precision.FLOAT64);
        assertEquals(4, model.biases(1).length);
        assertEquals(6, model.biases(2).length);
        assertEquals(3, model.biases(3).length);
    }

    @Test
    void theProjectionIsDrawnWithItsOwnFanIn() {
        double[] w = Model.initial(NET, 1, Precision.FLOAT64).weights(2);
        int kernels = 6 * 4 * 9;
        assertEquals(kernels + 6 * 2, w.length);
        double kernelBound = Math.sqrt(6.0 / 36);
        double projectionBound = Math.sqrt(6.0 / 2);
        double kernelLargest = 0;
        double projectionLargest = 0;
        for (int k = 0; k < w.length; k++) {
            if (k < kernels) {
                kernelLargest = Math.max(kernelLargest, Math.abs(w[k]));
            } else {
                projectionLargest = Math.max(projectionLargest, Math.abs(w[k]));
            }
        }
        assertTrue(kernelLargest <= kernelBound, "kernels within he's bound for fan-in 36");
        assertTrue(projectionLargest <= projectionBound && projectionLargest > kernelBound,
                "the projection within he's bound for fan-in 2, beyond the kernels': " + projectionLargest);
    }
}
