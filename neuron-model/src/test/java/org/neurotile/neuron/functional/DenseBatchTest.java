package org.neurotile.neuron.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.BlasProducts;
import org.neurotile.neuron.math.FixedPoint;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Rounding;
import org.neurotile.neuron.math.RoundingNoise;
import org.neurotile.neuron.math.Workers;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;

/**
 * A dense minibatch as float32 matrices gives each example the bits of its {@link ForwardPass},
 * its deltas and its gradient sums, for bp and for feedback (a direct source, a bp layer and a
 * layer without a delta), in the fixed order and through a BLAS, on one thread or three.
 */
class DenseBatchTest {
    private static final NetworkSpec NET = new NetworkSpec("dense", 37, List.of(Dense.of(41, Activation.TANH),
            Dense.of(19, Activation.RELU), Dense.of(23, Activation.SIGMOID), Dense.of(5, Activation.IDENTITY)));
    private static final int COUNT = 13;

    private static double[][] inputs(Random random) {
        double[][] x = new double[COUNT][NET.inputSize()];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return x;
    }

    /** B_3 e for layer 3, bp's delta for layer 2 from layer 3's, none for layer 1. */
    private static Feedback feedback(Random random) {
        int layers = NET.layerCount();
        int[] source = {0, 0, Feedback.BACKPROP, layers, 0};
        double[][] matrices = new double[layers + 1][];
        matrices[3] = new double[NET.neurons(3) * NET.neurons(layers)];
        for (int k = 0; k < matrices[3].length; k++) {
            matrices[3][k] = (float) random.nextGaussian();
        }
        return Feedback.of(source, matrices);
    }

    /** The fixed order split into one-row ranges where it can, to take every range apart. */
    private static Workers workers(String products, int threads) {
        return products.equals("blas") ? Workers.of(threads, BlasProducts.load()) : Workers.of(threads, 1);
    }

    @ParameterizedTest
    @CsvSource({"fixed, 1, false", "fixed, 3, false", "fixed, 1, true", "fixed, 3, true", "blas, 1, false",
        "blas, 3, true"})
    void everyExampleHasTheBitsOfItsForwardPassDeltasAndGradients(String products, int threads, boolean fedBack) {
        Random random = new Random(7);
        Model model = Model.initial(NET, 11, Precision.FLOAT32);
        double[][] x = inputs(random);
        int[] labels = new int[COUNT];
        for (int m = 0; m < COUNT; m++) {
            labels[m] = random.nextInt(NET.neurons(NET.layerCount()));
        }
        Optional<Feedback> feedback = fedBack ? Optional.of(feedback(random)) : Optional.empty();
        Quantization q = Quantization.none();
        try (Workers workers = workers(products, threads)) {
            ForwardPass[] passes = ForwardPass.runBatch(model, x, labels, COUNT, q, workers, true);
            double[][][] deltas = fedBack
                    ? LearningStep.feedbackDeltas(model, feedback.get(), passes, COUNT, q, workers)
                    : LearningStep.backpropDeltas(model, passes, COUNT, q, workers);
            BatchGradient expected = new BatchGradient(model, workers);
            for (int m = 0; m < COUNT; m++) {
                expected.add(passes[m], deltas[m]);
            }

            DenseBatch batch = DenseBatch.of(model, workers, COUNT);
            for (int m = 0; m < COUNT; m++) {
                float[] values = new float[NET.inputSize()];
                for (int j = 0; j < values.length; j++) {
                    values[j] = (float) x[m][j];
                }
                setInput(batch, m, values);
            }
            batch.forward(labels, COUNT);
            batch.deltas(feedback);
            BatchGradient actual = new BatchGradient(model, workers);
            actual.add(batch);

            for (int m = 0; m < COUNT; m++) {
                assertEquals(passes[m].loss(), batch.loss(m), "loss of example " + m);
                assertEquals(passes[m].predicted(), batch.predicted(m), "class of example " + m);
                for (int l = 1; l <= NET.layerCount(); l++) {
                    assertEquals(deltas[m][l] != null, batch.present(l), "layer " + l + " has a delta");
                    if (deltas[m][l] != null) {
                        assertArrayEquals(deltas[m][l], example(batch.delta(l), m, NET.neurons(l)),
                                "delta of layer " + l + ", example " + m);
                    }
                }
            }
            for (int l = 1; l <= NET.layerCount(); l++) {
                assertEquals(expected.present(l), actual.present(l), "layer " + l + " is in the batch");
                if (expected.present(l)) {
                    assertArrayEquals(expected.floatWeightGradient(l), actual.floatWeightGradient(l), "layer " + l);
                    assertArrayEquals(expected.biasGradient(l), actual.biasGradient(l), "biases of layer " + l);
                }
            }
            assertEquals(expected.examples(), actual.examples());
        }
    }

    /** Example m's n values of a matrix stored by unit. */
    private static double[] example(float[] matrix, int m, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = matrix[i * COUNT + m];
        }
        return values;
    }

    @Test
    void aBlockIsFiniteUntilOneExampleCarriesAnInfinity() {
        Model model = Model.initial(NET, 11, Precision.FLOAT32);
        double[][] x = inputs(new Random(3));
        int[] labels = new int[COUNT];
        try (Workers workers = workers("fixed", 1)) {
            DenseBatch batch = DenseBatch.of(model, workers, COUNT);
            for (int bad = -1; bad < COUNT; bad += 6) {
                for (int m = 0; m < COUNT; m++) {
                    float[] values = new float[NET.inputSize()];
                    for (int j = 0; j < values.length; j++) {
                        values[j] = m == bad ? Float.POSITIVE_INFINITY : (float) x[m][j];
                    }
                    setInput(batch, m, values);
                }
                batch.forward(labels, COUNT);
                batch.deltas(Optional.empty());
                assertEquals(bad < 0, batch.finite(), "infinite input in example " + bad);
                for (int m = 0; m < COUNT; m++) {
                    assertEquals(m != bad, Double.isFinite(batch.loss(m)) && batch.firstNonFiniteDelta(m) == null,
                            "example " + m + " of a block whose example " + bad + " is infinite");
                }
            }
        }
    }

    @Test
    void aFloat32DenseNetworkWithoutQuantizationGoesThroughTheMatrices() {
        assertTrue(DenseBatch.supports(Model.initial(NET, 1, Precision.FLOAT32), Quantization.none()));
    }

    @Test
    void float64AndFixedPointNumbersKeepThePerExamplePath() {
        assertFalse(DenseBatch.supports(Model.initial(NET, 1, Precision.FLOAT64), Quantization.none()));
        Quantization fixed = new Quantization(NumberFormats.all(new FixedPoint(16, 8, Rounding.NEAREST)),
                new RoundingNoise(0));
        assertFalse(DenseBatch.supports(Model.initial(NET, 1, Precision.FLOAT32), fixed));
    }

    /** Example m's input, into the batch's inputs stored by unit. */
    private static void setInput(DenseBatch batch, int m, float[] values) {
        for (int j = 0; j < values.length; j++) {
            batch.inputs()[j * COUNT + m] = values[j];
        }
    }
}
