package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.math.NumberFormat;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.Dataset;

class FixedPointTrainingTest {
    private static final NetworkSpec NET = new NetworkSpec("clusters", 20,
            List.of(Dense.of(32, Activation.TANH), Dense.of(4, Activation.IDENTITY)));
    private static final Dataset TRAIN = new ClusterDataset(5, 20, 4, 400, 1.5).generate(0);
    private static final Dataset TEST = new ClusterDataset(5, 20, 4, 200, 1.5).generate(400);

    private static Trainer trainer(String rule, double lr, NumberFormats numbers) {
        return new Trainer(new Trainer.Settings(NET, LearningRules.parse(rule, 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), lr, 1.0, 3, 1, true, false, numbers));
    }

    private static NumberFormats weights(String spec) {
        return new NumberFormats(NumberFormat.parse("--weight-numbers", spec), NumberFormat.FLOAT32,
                NumberFormat.FLOAT32);
    }

    private static int changed(double[] before, double[] after) {
        int changed = 0;
        for (int k = 0; k < before.length; k++) {
            changed += before[k] != after[k] ? 1 : 0;
        }
        return changed;
    }

    @Test
    void sixteenBitNumbersEverywhereLearnAsWellAsFloat32() {
        for (String rule : new String[] {"bp", "dfa"}) {
            List<EpochResult> float32 = trainer(rule, 0.02, NumberFormats.FLOAT32).train(TRAIN, TEST,
                    new Trainer.Listener() {
                    });
            List<EpochResult> fixed16 = trainer(rule, 0.02,
                    NumberFormats.all(NumberFormat.parse("--numbers", "fixed16:frac=12"))).train(TRAIN, TEST,
                    new Trainer.Listener() {
                    });
            double expected = float32.get(2).testAccuracy();
            assertEquals(expected, fixed16.get(2).testAccuracy(), 0.02, rule);
            assertEquals(float32.get(2).trainLoss(), fixed16.get(2).trainLoss(), 0.02, rule);
        }
    }

    @Test
    void nearestRoundingOfEightBitWeightsLosesTheSmallUpdatesThatStochasticRoundingKeeps() {
        // lr 0.001: a step lr * delta_i * h_j is far below half of fixed8:frac=7's 2^-7
        Trainer nearest = trainer("dfa", 0.001, weights("fixed8:frac=7"));
        double[] initial = nearest.model().weights(1);
        List<EpochResult> stuck = nearest.train(TRAIN, TEST, new Trainer.Listener() {
        });
        assertEquals(0, changed(initial, nearest.model().weights(1)), "every update of W_1 rounds away");
        assertEquals(stuck.get(0).trainLoss(), stuck.get(2).trainLoss(), 1e-12, "so the loss never moves");

        Trainer stochastic = trainer("dfa", 0.001, weights("fixed8:frac=7,rounding=stochastic"));
        initial = stochastic.model().weights(1);
        List<EpochResult> learning = stochastic.train(TRAIN, TEST, new Trainer.Listener() {
        });
        assertTrue(changed(initial, stochastic.model().weights(1)) > initial.length / 2,
                "stochastic rounding keeps updates in expectation");
        assertTrue(learning.get(2).trainLoss() < 0.8 * learning.get(0).trainLoss(), learning.toString());
        assertTrue(learning.get(2).testAccuracy() > stuck.get(2).testAccuracy() + 0.2,
                learning.get(2).testAccuracy() + " against " + stuck.get(2).testAccuracy());
    }

    @Test
    void theSameSeedGivesBitIdenticalRunsWithStochasticRounding() {
        NumberFormats numbers = NumberFormats.all(NumberFormat.parse("--numbers", "fixed8:frac=5,rounding=stochastic"));
        List<EpochResult> first = trainer("fa", 0.01, numbers).train(TRAIN, TEST, new Trainer.Listener() {
        });
        List<EpochResult> second = trainer("fa", 0.01, numbers).train(TRAIN, TEST, new Trainer.Listener() {
        });
        for (int e = 0; e < first.size(); e++) {
            assertEquals(first.get(e).trainLoss(), second.get(e).trainLoss(), 0.0);
            assertEquals(first.get(e).testLoss(), second.get(e).testLoss(), 0.0);
        }
    }
}
