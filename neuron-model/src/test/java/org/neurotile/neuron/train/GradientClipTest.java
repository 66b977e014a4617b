package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.LearningStep;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.Dataset;

class GradientClipTest {
    private static final NetworkSpec NET = new NetworkSpec("clusters", 20, List.of(Dense.of(32, Activation.TANH),
            Dense.of(16, Activation.RELU), Dense.of(4, Activation.IDENTITY)));
    private static final Dataset TRAIN = new ClusterDataset(5, 20, 4, 300, 1.5).generate(0);
    private static final Dataset TEST = new ClusterDataset(5, 20, 4, 100, 1.5).generate(300);

    private static double[] input() {
        double[] input = new double[NET.inputSize()];
        for (int i = 0; i < input.length; i++) {
            input[i] = Math.sin(i + 1);
        }
        return input;
    }

    /** The global L2 norm of the weight and bias gradients delta_i h_j and delta_i, computed directly. */
    private static double norm(ForwardPass pass, double[][] deltas) {
        double sum = 0;
        for (int l = 1; l < deltas.length; l++) {
            double[] h = pass.activations(l - 1);
            for (double d : deltas[l]) {
                sum += d * d;
                for (double x : h) {
                    sum += d * x * d * x;
                }
            }
        }
        return Math.sqrt(sum);
    }

    @Test
    void aGradientAboveTheBoundIsScaledToIt() {
        Model model = Model.initial(NET, 3);
        ForwardPass pass = ForwardPass.run(model, input(), 2);
        double[][] deltas = LearningStep.backpropDeltas(model, pass);
        double before = norm(pass, deltas);
        GradientClip clip = new GradientClip(model, before / 4, true);
        double[][] clipped = clip.clip(model, pass, deltas);
        assertEquals(before / 4, norm(pass, clipped), 1e-9 * before);
        assertEquals(1, clip.take());
        assertEquals(0, clip.take());
    }

    @Test
    void aGradientWithinTheBoundIsLeftAsItIs() {
        Model model = Model.initial(NET, 3);
        ForwardPass pass = ForwardPass.run(model, input(), 2);
        double[][] deltas = LearningStep.backpropDeltas(model, pass);
        GradientClip clip = new GradientClip(model, norm(pass, deltas) * 1.01, true);
        assertSame(deltas, clip.clip(model, pass, deltas));
        assertEquals(0, clip.take());
    }

    private static Trainer trainer(double clipNorm, int batch) {
        return new Trainer(new Trainer.Settings(NET, LearningRules.parse("dfa", 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), 0.05, 1, 2, 1, true, false, batch, NumberFormats.FLOAT32,
                clipNorm));
    }

    private static List<EpochResult> train(Trainer trainer) {
        return trainer.train(TRAIN, TEST, new Trainer.Listener() {
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void aBoundNoGradientReachesTrainsBitForBitAsWithoutClipping(int batch) {
        List<EpochResult> plain = train(trainer(0, batch));
        List<EpochResult> bounded = train(trainer(1e9, batch));
        for (int e = 0; e < plain.size(); e++) {
            assertEquals(plain.get(e).trainLoss(), bounded.get(e).trainLoss());
            assertEquals(plain.get(e).testLoss(), bounded.get(e).testLoss());
            assertEquals(0, bounded.get(e).clippedExamples());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void aTinyBoundClipsEveryExampleAndIsCountedPerEpoch(int batch) {
        List<EpochResult> history = train(trainer(1e-3, batch));
        for (EpochResult epoch : history) {
            assertEquals(TRAIN.size(), epoch.clippedExamples(), "epoch " + epoch.epoch());
        }
        assertTrue(history.get(1).trainLoss() != train(trainer(0, batch)).get(1).trainLoss());
    }
}
