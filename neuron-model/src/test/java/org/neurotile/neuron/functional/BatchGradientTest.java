package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

class BatchGradientTest {
    /** One layer, 3 inputs to 2 outputs: the output error is the delta, computed here by hand. */
    private static final NetworkSpec NET = new NetworkSpec("tiny", 3, List.of(Dense.of(2, Activation.IDENTITY)));
    private static final double[][] X = {{0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}, {-0.5, 0.5, 1.0}};
    private static final int[] LABELS = {0, 1, 1};
    private static final double LR = 0.1;

    /** e = softmax(W x + c) - onehot(label), in float64. */
    private static double[] error(double[] w, double[] c, double[] x, int label) {
        double[] a = new double[2];
        for (int i = 0; i < 2; i++) {
            a[i] = c[i];
            for (int j = 0; j < 3; j++) {
                a[i] += w[i * 3 + j] * x[j];
            }
        }
        double max = Math.max(a[0], a[1]);
        double total = Math.exp(a[0] - max) + Math.exp(a[1] - max);
        return new double[] {Math.exp(a[0] - max) / total - (label == 0 ? 1 : 0),
            Math.exp(a[1] - max) / total - (label == 1 ? 1 : 0)};
    }

    /** The mean over the examples of e_i x_j (weights, row-major) followed by the mean e_i (biases). */
    private static double[] meanGradient(double[] w, double[] c, int examples) {
        double[] g = new double[8];
        for (int b = 0; b < examples; b++) {
            double[] e = error(w, c, X[b], LABELS[b]);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    g[i * 3 + j] += e[i] * X[b][j] / examples;
                }
                g[6 + i] += e[i] / examples;
            }
        }
        return g;
    }

    /** Adds the first {@code examples} examples to a batch, with the model's current weights. */
    private static BatchGradient batch(Model model, int examples) {
        BatchGradient gradient = new BatchGradient(model);
        for (int b = 0; b < examples; b++) {
            ForwardPass pass = ForwardPass.run(model, X[b], LABELS[b]);
            gradient.add(pass, LearningStep.backpropDeltas(model, pass));
        }
        return gradient;
    }

    @Test
    void sgdStepsWithTheMeanOfTheExamplesGradients() {
        Model model = Model.initial(NET, 7, Precision.FLOAT64);
        double[] w = model.weights(1);
        double[] c = model.biases(1);
        double[] g = meanGradient(w, c, 3);
        Optimizer.create(Optimizer.Settings.of(OptimizerCost.SGD), model, true).step(model, batch(model, 3), LR);
        for (int k = 0; k < 6; k++) {
            assertEquals(w[k] - LR * g[k], model.weights(1)[k], 1e-15, "weight " + k);
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(c[i] - LR * g[6 + i], model.biases(1)[i], 1e-15, "bias " + i);
        }
    }

    @Test
    void momentumKeepsTheMeanGradientAsItsFirstVelocity() {
        Model model = Model.initial(NET, 7, Precision.FLOAT64);
        double[] w = model.weights(1);
        double[] g = meanGradient(w, model.biases(1), 2);
        Optimizer.create(Optimizer.Settings.of(OptimizerCost.MOMENTUM), model, true).step(model, batch(model, 2), LR);
        for (int k = 0; k < 6; k++) {
            assertEquals(w[k] - LR * g[k], model.weights(1)[k], 1e-15, "weight " + k);
        }
    }

    @Test
    void adamCountsOneStepPerBatch() {
        Model model = Model.initial(NET, 7, Precision.FLOAT64);
        Optimizer adam = Optimizer.create(Optimizer.Settings.of(OptimizerCost.ADAM), model, true);
        double b1 = 0.9;
        double b2 = 0.999;
        double[] m = new double[6];
        double[] v = new double[6];
        for (int t = 1; t <= 2; t++) {
            double[] w = model.weights(1);
            double[] g = meanGradient(w, model.biases(1), 3);
            adam.step(model, batch(model, 3), LR);
            double rate = LR * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int k = 0; k < 6; k++) {
                m[k] = b1 * m[k] + (1 - b1) * g[k];
                v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
                assertEquals(w[k] - rate * m[k] / (Math.sqrt(v[k]) + 1e-8), model.weights(1)[k], 1e-14,
                        "step " + t + ", weight " + k);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"MOMENTUM", "ADAM"})
    void aBatchOfOneStepsBitForBitAsOneExample(OptimizerCost kind) {
        for (Precision precision : Precision.values()) {
            Model perExample = Model.initial(NET, 3, precision);
            Model batched = perExample.copy();
            Optimizer one = Optimizer.create(Optimizer.Settings.of(kind), perExample, true);
            Optimizer mean = Optimizer.create(Optimizer.Settings.of(kind), batched, true);
            BatchGradient gradient = new BatchGradient(batched);
            for (int b = 0; b < X.length; b++) {
                ForwardPass pass = ForwardPass.run(perExample, X[b], LABELS[b]);
                one.step(perExample, pass, LearningStep.backpropDeltas(perExample, pass), LR);
                ForwardPass same = ForwardPass.run(batched, X[b], LABELS[b]);
                gradient.add(same, LearningStep.backpropDeltas(batched, same));
                mean.step(batched, gradient, LR);
            }
            assertArrayEquals(perExample.weights(1), batched.weights(1), precision.id());
            assertArrayEquals(perExample.biases(1), batched.biases(1), precision.id());
        }
    }

    @Test
    void aStepEmptiesTheBatch() {
        Model model = Model.initial(NET, 7, Precision.FLOAT32);
        BatchGradient gradient = batch(model, 2);
        Optimizer.create(Optimizer.Settings.of(OptimizerCost.SGD), model, true).step(model, gradient, LR);
        assertEquals(0, gradient.examples());
        assertThrows(IllegalStateException.class, () -> Optimizer.create(Optimizer.Settings.of(OptimizerCost.SGD),
                model, true).step(model, gradient, LR), "an empty batch has no mean");
    }

    @Test
    void takenSumsTimesTheMeanFactorAreTheMeanGradients() {
        Model model = Model.initial(NET, 5, Precision.FLOAT32);
        BatchGradient read = batch(model, 3);
        read.mean();
        BatchGradient taken = batch(model, 3);
        taken.mean();
        float[] sums = taken.takeFloatSums(1);
        float[] means = new float[sums.length];
        for (int k = 0; k < sums.length; k++) {
            means[k] = sums[k] * taken.meanFactor(1);
        }
        assertArrayEquals(read.floatWeightGradient(1), means);
        assertThrows(IllegalStateException.class, () -> taken.floatWeightGradient(1));
    }

    @Test
    void sumsATakerLeftAtZeroStartTheNextBatch() {
        Model model = Model.initial(NET, 5, Precision.FLOAT32);
        BatchGradient gradient = batch(model, 3);
        gradient.mean();
        java.util.Arrays.fill(gradient.takeFloatSums(1), 0f);
        gradient.clear();
        for (int m = 0; m < 2; m++) {
            ForwardPass pass = ForwardPass.run(model, X[m], LABELS[m]);
            gradient.add(pass, LearningStep.backpropDeltas(model, pass));
        }
        gradient.mean();
        BatchGradient fresh = batch(model, 2);
        fresh.mean();
        assertArrayEquals(fresh.floatWeightGradient(1), gradient.floatWeightGradient(1));
    }
}
