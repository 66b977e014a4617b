package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Weights;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Pool;
import org.neurotile.workloads.TensorShape;

/** bp's gradients of conv networks against finite differences of the softmax cross-entropy loss, in float64. */
class ConvGradientCheckTest {
    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-6;

    private static Conv2d conv(int channels, int kernel, int stride, int padding, Optional<Pool> pool, OptionalInt add) {
        return new Conv2d(channels, kernel, stride, padding, 1, 1, Activation.TANH, pool, add, true);
    }

    @Test
    void convPoolDenseGradientsAreTheLossesSlopes() {
        NetworkSpec network = new NetworkSpec("conv-pool-dense", new TensorShape(2, 6, 6), List.of(
                conv(3, 3, 1, 1, Optional.empty(), OptionalInt.empty()),
                conv(4, 3, 1, 0, Optional.of(new Pool(Pool.Kind.MAX, 2, 2, 0)), OptionalInt.empty()),
                new Dense(5, Activation.TANH, true),
                Dense.of(3, Activation.IDENTITY)));
        checkGradients(network);
    }

    @Test
    void averagePooledAndGroupedConvGradientsAreTheLossesSlopes() {
        NetworkSpec network = new NetworkSpec("grouped-avg", new TensorShape(4, 7, 7), List.of(
                new Conv2d(4, 3, 2, 1, 2, 2, Activation.TANH, Optional.of(new Pool(Pool.Kind.AVG, 3, 2, 1)),
                        OptionalInt.empty(), true),
                Dense.of(3, Activation.IDENTITY)));
        checkGradients(network);
    }

    @Test
    void residualGradientsWithAndWithoutProjectionAreTheLossesSlopes() {
        NetworkSpec network = new NetworkSpec("residual", new TensorShape(2, 6, 6), List.of(
                conv(3, 3, 1, 1, Optional.empty(), OptionalInt.empty()),
                conv(3, 3, 1, 1, Optional.empty(), OptionalInt.empty()),
                conv(3, 3, 1, 1, Optional.empty(), OptionalInt.of(1)),
                conv(4, 3, 2, 1, Optional.empty(), OptionalInt.of(2)),
                Dense.of(3, Activation.IDENTITY)));
        checkGradients(network);
    }

    private static void checkGradients(NetworkSpec network) {
        Model model = Model.initial(network, 7, Precision.FLOAT64);
        Random random = new Random(11);
        for (int l = 1; l <= network.layerCount(); l++) { // nonzero biases, so that no unit sits at a kink
            double[] c = model.liveBiases(l);
            for (int i = 0; i < c.length; i++) {
                c[i] = 0.2 * (2 * random.nextDouble() - 1);
            }
        }
        double[] x = new double[network.inputSize()];
        for (int j = 0; j < x.length; j++) {
            x[j] = 2 * random.nextDouble() - 1;
        }
        int label = 1;
        ForwardPass pass = ForwardPass.run(model, x, label);
        BatchGradient gradient = new BatchGradient(model);
        gradient.add(pass, LearningStep.backpropDeltas(model, pass));
        for (int l = 1; l <= network.layerCount(); l++) {
            Weights w = model.liveWeights(l);
            double[] g = gradient.weightGradient(l);
            for (int k = 0; k < w.length(); k++) {
                double kept = w.get(k);
                w.set(k, kept + STEP);
                double up = ForwardPass.run(model, x, label).loss();
                w.set(k, kept - STEP);
                double down = ForwardPass.run(model, x, label).loss();
                w.set(k, kept);
                assertEquals((up - down) / (2 * STEP), g[k], TOLERANCE, "layer " + l + " weight " + k);
            }
            double[] c = model.liveBiases(l);
            double[] gb = gradient.biasGradient(l);
            for (int i = 0; i < c.length; i++) {
                double kept = c[i];
                c[i] = kept + STEP;
                double up = ForwardPass.run(model, x, label).loss();
                c[i] = kept - STEP;
                double down = ForwardPass.run(model, x, label).loss();
                c[i] = kept;
                assertEquals((up - down) / (2 * STEP), gb[i], TOLERANCE, "layer " + l + " bias " + i);
            }
        }
    }
}
