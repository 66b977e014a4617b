package org.neurotile.neuron.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.rules.bp.BackpropRule;
import org.neurotile.neuron.rules.feedback.DirectFeedbackClosedForm;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.LayerShape;
import org.neurotile.workloads.NetworkSpec;

class DenseKernelTest {
    private static final int INPUTS = 11;
    private static final int UNITS = 5;
    private static final Precision P = Precision.FLOAT64;

    private final Random random = new Random(42);
    private final DenseKernel kernel = DenseKernel.of(Dense.of(UNITS, Activation.TANH), INPUTS);
    private final double[] w = values(UNITS * INPUTS);
    private final double[] c = values(UNITS);
    private final double[] x = values(INPUTS);
    private final double[] delta = values(UNITS);

    @Test
    void forwardIsTheActivationOfEachRowTimesTheInputPlusTheBias() {
        double[] pre = new double[UNITS];
        double[] out = new double[UNITS];
        kernel.forward(Weights.of(P, w), c, x, pre, out, false, P, Quantization.none());
        for (int i = 0; i < UNITS; i++) {
            double sum = c[i];
            for (int j = 0; j < INPUTS; j++) {
                sum += w[i * INPUTS + j] * x[j];
            }
            assertEquals(sum, pre[i], 1e-12);
            assertEquals(Math.tanh(sum), out[i], 1e-12);
        }
    }

    @Test
    void theOutputLayersOutputsAreItsSums() {
        double[] pre = new double[UNITS];
        double[] out = new double[UNITS];
        kernel.forward(Weights.of(P, w), c, x, pre, out, true, P, Quantization.none());
        assertArrayEquals(pre, out, 0.0);
    }

    @Test
    void productIsEachRowTimesTheVectorWithoutBiases() {
        double[] product = kernel.product(Weights.of(P, w), x, P);
        for (int i = 0; i < UNITS; i++) {
            double sum = 0;
            for (int j = 0; j < INPUTS; j++) {
                sum += w[i * INPUTS + j] * x[j];
            }
            assertEquals(sum, product[i], 1e-12);
        }
    }

    @Test
    void backwardIsTheTransposedWeightsTimesTheDeltasSummedRowByRow() {
        double[] expected = new double[INPUTS];
        for (int i = 0; i < UNITS; i++) {
            for (int j = 0; j < INPUTS; j++) {
                expected[j] += delta[i] * w[i * INPUTS + j];
            }
        }
        assertArrayEquals(expected, kernel.backward(Weights.of(P, w), delta, P), 0.0);
    }

    @Test
    void sgdSubtractsTheRateTimesDeltaTimesInputFromEachWeightAndTheRateTimesDeltaFromEachBias() {
        Weights weights = Weights.of(P, w);
        double[] biases = c.clone();
        double rate = 0.125;
        kernel.sgdStep(weights, biases, delta, x, rate, true, P, Quantization.none());
        for (int i = 0; i < UNITS; i++) {
            double step = rate * delta[i];
            for (int j = 0; j < INPUTS; j++) {
                assertEquals(w[i * INPUTS + j] - step * x[j], weights.get(i * INPUTS + j), 0.0);
            }
            assertEquals(c[i] - step, biases[i], 0.0);
        }
    }

    @Test
    void sgdWithoutBiasesLeavesThemAlone() {
        double[] biases = c.clone();
        kernel.sgdStep(Weights.of(P, w), biases, delta, x, 0.5, false, P, Quantization.none());
        assertArrayEquals(c, biases, 0.0);
    }

    @Test
    void addGradientSumsDeltaTimesInputPerWeightAndDeltaPerBias() {
        double[] gradient = new double[UNITS * INPUTS];
        double[] biasGradient = new double[UNITS];
        kernel.addGradient(gradient, biasGradient, delta, x, P);
        kernel.addGradient(gradient, biasGradient, delta, x, P);
        for (int i = 0; i < UNITS; i++) {
            for (int j = 0; j < INPUTS; j++) {
                assertEquals(2 * (delta[i] * x[j]), gradient[i * INPUTS + j], 0.0);
            }
            assertEquals(2 * delta[i], biasGradient[i], 0.0);
        }
    }

    @Test
    void gradientRunsAreTheRowsInOrderEachWithItsUnitsBias() {
        List<String> runs = new ArrayList<>();
        double[] scratch = new double[kernel.gradientRunLength()];
        kernel.gradientRuns(delta, x, P, scratch, (first, g, n, bias, gb) -> {
            for (int j = 0; j < n; j++) {
                assertEquals(delta[bias] * x[j], g[j], 0.0);
            }
            assertEquals(delta[bias], gb, 0.0);
            runs.add(first + "+" + n + ":" + bias);
        });
        assertEquals(List.of("0+11:0", "11+11:1", "22+11:2", "33+11:3", "44+11:4"), runs);
    }

    @Test
    void aUnitKeepsItsWeightRowAndItsBiasAndASliceKeepsTheWholeInput() {
        assertEquals(INPUTS + 1, kernel.parameterWordsPerUnit());
        assertEquals(INPUTS, kernel.inputWordsPerSlice());
    }

    @Test
    void aSliceOfCUnitsOwnsAndMultipliesCRowsAndReadsEveryInput() {
        assertEquals(new SliceCost(3, 3L * INPUTS, INPUTS, 3L * INPUTS, 3L * INPUTS), kernel.slice(3));
    }

    @Test
    void everySliceAboveSendsEachUnitBelowAPartialSum() {
        assertEquals(28, kernel.partialSumsReceived(7, 4));
    }

    @Test
    void aShapeThatIsNotTheLayersIsRefused() {
        Dense layer = Dense.of(UNITS, Activation.RELU);
        LayerShape other = Dense.of(4, Activation.RELU).shape(3);
        assertThrows(IllegalArgumentException.class, () -> new DenseKernel(layer, other));
    }

    @Property
    void slicesOfALayerSumToItsShapeAndItsWholeSlice(@ForAll @IntRange(min = 1, max = 3000) int inputs,
                                                     @ForAll @IntRange(min = 1, max = 3000) int units,
                                                     @ForAll @IntRange(min = 1, max = 64) int sliceUnits) {
        DenseKernel dense = DenseKernel.of(Dense.of(units, Activation.RELU), inputs);
        long weights = 0;
        long forward = 0;
        long propagation = 0;
        for (int first = 0; first < units; first += sliceUnits) {
            SliceCost slice = dense.slice(Math.min(sliceUnits, units - first));
            weights += slice.weights();
            forward += slice.forwardMacs();
            propagation += slice.propagationMacs();
            assertEquals(inputs, slice.inputs());
        }
        assertEquals(dense.shape().weights(), weights);
        assertEquals(dense.shape().forwardMacs(), forward);
        assertEquals(dense.whole().weights(), weights);
        assertEquals(dense.whole().propagationMacs(), propagation);
        assertEquals(dense.shape().weights() + units, dense.parameterWordsPerUnit() * units);
    }

    @Property
    void theSlicesWeightsAreTheClosedFormsWeightTerms(@ForAll @IntRange(min = 1, max = 1000) int input,
                                                      @ForAll @Size(min = 1, max = 5)
                                                      List<@IntRange(min = 1, max = 1000) Integer> sizes) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            layers.add(Dense.of(sizes.get(i), i == sizes.size() - 1 ? Activation.IDENTITY : Activation.RELU));
        }
        NetworkSpec network = new NetworkSpec("random", input, layers);
        LayerKernels kernels = LayerKernels.of(network);
        long weights = 0;
        long propagation = 0;
        long units = 0;
        for (int l = 1; l <= network.layerCount(); l++) {
            weights += kernels.layer(l).whole().weights();
            propagation += kernels.layer(l).whole().propagationMacs();
            units += network.neurons(l);
        }
        assertEquals(weights, DirectFeedbackClosedForm.of(network, 1).writes());
        ClosedForm processor = BackpropRule.onProcessor(network);
        assertEquals(weights + propagation, processor.macs());
        assertEquals(weights + units, processor.reads());
        assertEquals(2 * network.totalTrainableWeights(), processor.macs());
    }

    private double[] values(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble() * 2 - 1;
        }
        return values;
    }
}
