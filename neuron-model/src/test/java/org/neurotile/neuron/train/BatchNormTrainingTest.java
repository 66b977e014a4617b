package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.functional.WeightInit;
import org.neurotile.neuron.math.NumberFormat;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.Dataset;

/** Training a network with batch-normalised layers: what it learns, what it keeps, and what it refuses. */
class BatchNormTrainingTest {
    private static final NetworkSpec NET = new NetworkSpec("clusters-bn", 20, List.of(
            Dense.normalised(32, Activation.RELU), Dense.normalised(16, Activation.RELU),
            Dense.of(4, Activation.IDENTITY)));
    private static final Dataset TRAIN = new ClusterDataset(5, 20, 4, 300, 1.5).generate(0);
    private static final Dataset TEST = new ClusterDataset(5, 20, 4, 100, 1.5).generate(300);

    private static Trainer.Settings settings(String rule, int batch, NumberFormats numbers, double clipNorm) {
        return new Trainer.Settings(NET, LearningRules.parse(rule, 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.ADAM), 0.03, 1, 5, 1, true, false, batch, numbers, clipNorm,
                WeightInit.DEFAULT);
    }

    private static Trainer trainer(String rule, int batch) {
        return new Trainer(settings(rule, batch, NumberFormats.FLOAT32, 0));
    }

    private static List<EpochResult> train(Trainer trainer) {
        return trainer.train(TRAIN, TEST, new Trainer.Listener() {
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp", "dfa", "directional-dfa", "fa", "ssdfa", "binary-dfa", "fp:m=2"})
    void everyRuleLearnsTheClustersThroughBatchNormalisation(String rule) {
        List<EpochResult> history = train(trainer(rule, 16));
        EpochResult last = history.get(history.size() - 1);
        assertTrue(last.testAccuracy() > 0.8, rule + " (chance: 0.25): " + last);
        assertTrue(last.trainLoss() < 0.7 * history.get(0).trainLoss(), rule + ": the loss falls");
    }

    @Test
    void scaleShiftAndRunningStatisticsMoveAndStayFinite() {
        Trainer trainer = trainer("dfa", 16);
        train(trainer);
        double[] units = trainer.model().biases(1);
        int n = 32;
        boolean scaleMoved = false;
        boolean meanMoved = false;
        for (int i = 0; i < n; i++) {
            scaleMoved |= units[n + i] != 1;
            meanMoved |= units[2 * n + i] != 0;
            assertTrue(units[3 * n + i] > 0, "a running variance is positive");
            for (int k = 0; k < 4; k++) {
                assertTrue(Double.isFinite(units[k * n + i]));
            }
        }
        assertTrue(scaleMoved, "the scale is trained");
        assertTrue(meanMoved, "the running mean follows the batches");
    }

    @Test
    void theSameSeedGivesTheSameBitsOnTwoThreads() {
        List<EpochResult> one = train(trainer("bp", 16));
        List<EpochResult> two;
        try (Workers workers = Workers.of(2, 1)) {
            two = new Trainer(settings("bp", 16, NumberFormats.FLOAT32, 0), workers).train(TRAIN, TEST,
                    new Trainer.Listener() {
                    });
        }
        for (int e = 0; e < one.size(); e++) {
            assertEquals(one.get(e).trainLoss(), two.get(e).trainLoss(), 0.0);
            assertEquals(one.get(e).testLoss(), two.get(e).testLoss(), 0.0);
        }
    }

    @Test
    void aResumedRunKeepsTheRunningStatistics() throws IOException {
        ResumeCheck.assertResumesBitForBit(() -> trainer("dfa", 32), TRAIN, TEST, 100);
    }

    @Test
    void aBatchOfOneIsRefusedWithTheOption() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> trainer("bp", 1));
        assertEquals("--batch 1: layer 1 of clusters-bn has batch normalisation, which needs a minibatch's statistics;"
                + " use --batch 2 or more", e.getMessage());
    }

    @Test
    void fixedPointNumbersAreRefused() {
        NumberFormats fixed = NumberFormats.all(NumberFormat.parse("--numbers", "fixed16:frac=12"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new Trainer(settings("bp", 8, fixed, 0)));
        assertTrue(e.getMessage().startsWith("--numbers: layer 1 of clusters-bn has batch normalisation"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void clippingIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new Trainer(settings("bp", 8, NumberFormats.FLOAT32, 1.0)));
        assertTrue(e.getMessage().startsWith("--clip-norm: layer 1 of clusters-bn"), e.getMessage());
    }
}
