package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

/**
 * bp's minibatch gradients through batch normalisation against finite differences of the batch's
 * summed loss, in float64: the weights of every layer, and each normalised layer's shift and scale.
 */
class BatchNormGradientCheckTest {
    private static final double STEP = 1e-6;
    private static final double TOLERANCE = 1e-6;
    private static final int BATCH = 5;

    private final NetworkSpec network = new NetworkSpec("bn", 6, List.of(
            Dense.normalised(5, Activation.TANH),
            Dense.normalised(4, Activation.RELU),
            Dense.of(3, Activation.IDENTITY)));
    private final Random random = new Random(3);
    private final double[][] inputs = new double[BATCH][network.inputSize()];
    private final int[] labels = {0, 2, 1, 1, 0};

    @Test
    void weightShiftAndScaleGradientsAreTheBatchLossesSlopes() {
        Model model = Model.initial(network, 5, Precision.FLOAT64);
        for (double[] x : inputs) {
            for (int j = 0; j < x.length; j++) {
                x[j] = 2 * random.nextDouble() - 1;
            }
        }
        for (int l = 1; l <= 2; l++) { // shift and scale away from 0 and 1, so that no relu unit sits at a kink
            double[] units = model.liveBiases(l);
            int n = network.neurons(l);
            for (int i = 0; i < n; i++) {
                units[i] = 0.3 * (2 * random.nextDouble() - 1);
                units[n + i] = 0.5 + random.nextDouble();
            }
        }
        ForwardPass[] passes = passes(model);
        double[][][] deltas = LearningStep.backpropDeltas(model, passes, BATCH, Quantization.none(), Workers.single());
        BatchGradient gradient = new BatchGradient(model);
        for (int m = 0; m < BATCH; m++) {
            gradient.add(passes[m], deltas[m]);
        }
        for (int l = 1; l <= network.layerCount(); l++) {
            Weights w = model.liveWeights(l);
            double[] g = gradient.weightGradient(l);
            for (int k = 0; k < w.length(); k++) {
                double kept = w.get(k);
                w.set(k, kept + STEP);
                double up = loss(model);
                w.set(k, kept - STEP);
                double down = loss(model);
                w.set(k, kept);
                assertEquals((up - down) / (2 * STEP), g[k], TOLERANCE, "layer " + l + " weight " + k);
            }
            double[] c = model.liveBiases(l);
            double[] gb = gradient.biasGradient(l);
            int trained = l < network.layerCount() ? 2 * network.neurons(l) : network.neurons(l);
            for (int i = 0; i < trained; i++) {
                double kept = c[i];
                c[i] = kept + STEP;
                double up = loss(model);
                c[i] = kept - STEP;
                double down = loss(model);
                c[i] = kept;
                assertEquals((up - down) / (2 * STEP), gb[i], TOLERANCE, "layer " + l + " unit parameter " + i);
            }
            for (int i = trained; i < gb.length; i++) {
                assertEquals(0.0, gb[i], "layer " + l + ": a running statistic has no gradient");
            }
        }
    }

    private ForwardPass[] passes(Model model) {
        return ForwardPass.runBatch(model, inputs, labels, BATCH, Quantization.none(), Workers.single(), true);
    }

    /** The batch's summed loss with the batch's statistics (the running statistics do not enter it). */
    private double loss(Model model) {
        double total = 0;
        for (ForwardPass pass : passes(model)) {
            total += pass.loss();
        }
        return total;
    }
}
