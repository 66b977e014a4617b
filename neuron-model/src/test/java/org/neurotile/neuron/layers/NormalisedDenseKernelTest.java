package org.neurotile.neuron.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Weights;
import org.neurotile.neuron.math.Workers;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;

class NormalisedDenseKernelTest {
    private static final int INPUTS = 4;
    private static final int UNITS = 3;
    private static final int BATCH = 6;
    private static final Precision P = Precision.FLOAT64;

    private final NormalisedDenseKernel kernel = new NormalisedDenseKernel(Dense.normalised(UNITS, Activation.RELU),
            Dense.normalised(UNITS, Activation.RELU).shape(INPUTS));
    private final Random random = new Random(9);
    private final Weights weights = Weights.of(P, values(UNITS * INPUTS));
    private final double[][] inputs = new double[BATCH][];

    NormalisedDenseKernelTest() {
        for (int m = 0; m < BATCH; m++) {
            inputs[m] = values(INPUTS);
        }
    }

    private double[] values(int count) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            values[k] = 2 * random.nextDouble() - 1;
        }
        return values;
    }

    private double[][] pre(int count) {
        return new double[count][kernel.sumCount()];
    }

    private double[][] out(int count) {
        return new double[count][UNITS];
    }

    private double sum(int m, int i) {
        double s = 0;
        for (int j = 0; j < INPUTS; j++) {
            s += weights.get(i * INPUTS + j) * inputs[m][j];
        }
        return s;
    }

    @Test
    void aTrainingPassGivesEachUnitTheShiftAsMeanAndTheScaleAsDeviation() {
        double[] units = kernel.initialBiases();
        for (int i = 0; i < UNITS; i++) {
            units[i] = 0.25 * (i + 1); // shift
            units[UNITS + i] = 1.5 + i; // scale
        }
        double[][] pre = pre(BATCH);
        kernel.forwardTraining(weights, units, inputs, pre, out(BATCH), BATCH, false, P, Quantization.none(),
                Workers.single());
        for (int i = 0; i < UNITS; i++) {
            double mean = 0;
            for (double[] a : pre) {
                mean += a[i] / BATCH;
            }
            double variance = 0;
            for (double[] a : pre) {
                variance += (a[i] - mean) * (a[i] - mean) / BATCH;
            }
            assertEquals(units[i], mean, 1e-12, "unit " + i + ": the mean of y is the shift");
            assertEquals(units[UNITS + i] * units[UNITS + i], variance, 1e-3 * variance,
                    "unit " + i + ": the variance of y is the scale squared (less eps's share)");
        }
    }

    @Test
    void theRunningStatisticsMoveATenthOfTheWayToTheBatchsWithTheUnbiasedVariance() {
        double[] units = kernel.initialBiases();
        kernel.forwardTraining(weights, units, inputs, pre(BATCH), out(BATCH), BATCH, false, P, Quantization.none(),
                Workers.single());
        for (int i = 0; i < UNITS; i++) {
            double mean = 0;
            for (int m = 0; m < BATCH; m++) {
                mean += sum(m, i) / BATCH;
            }
            double squares = 0;
            for (int m = 0; m < BATCH; m++) {
                squares += (sum(m, i) - mean) * (sum(m, i) - mean);
            }
            assertEquals(0.1 * mean, units[2 * UNITS + i], 1e-12, "running mean of unit " + i);
            assertEquals(0.9 + 0.1 * squares / (BATCH - 1), units[3 * UNITS + i], 1e-12, "running variance of unit " + i);
        }
    }

    @Test
    void aTestPassNormalisesWithTheRunningStatistics() {
        double[] units = kernel.initialBiases();
        for (int i = 0; i < UNITS; i++) {
            units[i] = 0.1;
            units[UNITS + i] = 2;
            units[2 * UNITS + i] = 0.3;
            units[3 * UNITS + i] = 0.5;
        }
        double[] pre = new double[kernel.sumCount()];
        double[] out = new double[UNITS];
        kernel.forward(weights, units, inputs[0], pre, out, false, P, Quantization.none());
        for (int i = 0; i < UNITS; i++) {
            double y = 2 * (sum(0, i) - 0.3) / Math.sqrt(0.5 + NormalisedDenseKernel.EPSILON) + 0.1;
            assertEquals(y, pre[i], 1e-12, "y of unit " + i);
            assertEquals(Math.max(y, 0), out[i], 1e-12, "relu(y) of unit " + i);
            assertEquals(2 / Math.sqrt(0.5 + NormalisedDenseKernel.EPSILON), kernel.sumGain(pre, i), 1e-12);
        }
        assertEquals(0.3, units[2 * UNITS], "a test pass leaves the running mean");
    }

    @Test
    void aBatchOfOneKeepsTheRunningVarianceAndPassesNoDelta() {
        double[] units = kernel.initialBiases();
        double[][] pre = pre(1);
        kernel.forwardTraining(weights, units, inputs, pre, out(1), 1, false, P, Quantization.none(), Workers.single());
        double[][] g = {{0.5, -0.25, 1}};
        double[][] unitGradients = kernel.normaliseDeltas(g, pre, 1, P);
        for (int i = 0; i < UNITS; i++) {
            assertEquals(1.0, units[3 * UNITS + i]);
            assertEquals(0.0, g[0][i], 1e-9, "the mean takes all of a lone example's delta");
        }
        assertEquals(0.5, unitGradients[0][0], "the shift's gradient is g");
    }

    @Test
    void theChipCostModelRefusesTheLayerInOneLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> kernel.slice(1));
        assertTrue(e.getMessage().startsWith("batch normalisation (normalise: batch) has no cost model on the chip"), e.getMessage());
        assertThrows(InvalidInputException.class, kernel::parameterWordsPerUnit);
    }
}
