package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.math.NumberFormat;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.Dataset;

class TrainerTest {
    private static final NetworkSpec NET = new NetworkSpec("clusters", 20,
            List.of(Dense.of(32, Activation.TANH), Dense.of(4, Activation.IDENTITY)));
    private static final ClusterDataset DATA = new ClusterDataset(5, 20, 4, 400, 1.5);
    private static final Dataset TRAIN = DATA.generate(0);
    private static final Dataset TEST = new ClusterDataset(5, 20, 4, 200, 1.5).generate(400);

    private static Trainer trainer(String rule, OptimizerCost optimizer, double lr) {
        return trainer(rule, optimizer, lr, NumberFormats.FLOAT32);
    }

    private static Trainer trainer(String rule, OptimizerCost optimizer, double lr, NumberFormats numbers) {
        return trainer(rule, optimizer, lr, numbers, 3);
    }

    private static Trainer trainer(String rule, OptimizerCost optimizer, double lr, NumberFormats numbers, int epochs) {
        return new Trainer(new Trainer.Settings(NET, LearningRules.parse(rule, 1), Precision.FLOAT32,
                Optimizer.Settings.of(optimizer), lr, 0.9, epochs, 1, true, false, numbers));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp", "fa", "dfa", "ssdfa", "binary-dfa", "fp:m=1", "directional-dfa:alpha=0.001"})
    void everyRuleLearnsSeparableClusters(String rule) {
        // five epochs: the authors' feedback scale of sparse dfa is small for a 32-unit layer;
        // directional dfa at its default alpha (1e-5, for wide layers) builds a few percent of B_l in so few steps
        List<EpochResult> history = trainer(rule, OptimizerCost.SGD, 0.02, NumberFormats.FLOAT32, 5)
                .train(TRAIN, TEST, new Trainer.Listener() {
                });
        EpochResult last = history.get(history.size() - 1);
        assertTrue(last.testAccuracy() > 0.9, rule + " reached " + last.testAccuracy());
        assertTrue(last.trainLoss() < history.get(0).trainLoss(), rule + ": the loss falls");
    }

    @Test
    void hybridWithOnlyBpStepsIsBpWithMomentum() {
        assertSameRun(trainer("bp", OptimizerCost.MOMENTUM, 0.01), trainer("hybrid:p=1", OptimizerCost.MOMENTUM, 0.01));
    }

    @Test
    void hybridWithOnlyFeedbackStepsAndGammaOneIsDfaWithMomentum() {
        assertSameRun(trainer("dfa", OptimizerCost.MOMENTUM, 0.01),
                trainer("hybrid:p=0,gamma=1", OptimizerCost.MOMENTUM, 0.01));
    }

    @Test
    void hybridMixesBpStepsIntoDfaAndLearns() {
        // v_bp is applied again at every feedback step: a smaller rate than dfa's with momentum
        List<EpochResult> history = trainer("hybrid:p=0.2", OptimizerCost.MOMENTUM, 0.003).train(TRAIN, TEST,
                new Trainer.Listener() {
                });
        assertTrue(history.get(2).testAccuracy() > 0.9, "reached " + history.get(2).testAccuracy());
        List<EpochResult> dfa = trainer("hybrid:p=0,gamma=1", OptimizerCost.MOMENTUM, 0.003).train(TRAIN, TEST,
                new Trainer.Listener() {
                });
        assertTrue(history.get(2).trainLoss() != dfa.get(2).trainLoss(), "the bp steps change the run");
    }

    @Test
    void hybridRefusesAnOptimizerWithoutSplitMomentum() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> trainer("hybrid:p=0.1", OptimizerCost.ADAM, 0.01));
        assertTrue(e.getMessage().contains("--optimizer momentum"), e.getMessage());
    }

    private static void assertSameRun(Trainer expected, Trainer actual) {
        List<EpochResult> a = expected.train(TRAIN, TEST, new Trainer.Listener() {
        });
        List<EpochResult> b = actual.train(TRAIN, TEST, new Trainer.Listener() {
        });
        for (int e = 0; e < a.size(); e++) {
            assertEquals(a.get(e).trainLoss(), b.get(e).trainLoss(), 0.0, "epoch " + (e + 1));
            assertEquals(a.get(e).testAccuracy(), b.get(e).testAccuracy(), 0.0, "epoch " + (e + 1));
        }
        assertArrayEquals(expected.model().weights(1), actual.model().weights(1));
        assertArrayEquals(expected.model().biases(1), actual.model().biases(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"momentum", "adam"})
    void theOptimizersLearnToo(String optimizer) {
        double lr = optimizer.equals("adam") ? 0.002 : 0.01;
        List<EpochResult> history = trainer("dfa", OptimizerCost.byName(optimizer), lr).train(TRAIN, TEST,
                new Trainer.Listener() {
                });
        assertTrue(history.get(2).testAccuracy() > 0.9, optimizer + " reached " + history.get(2).testAccuracy());
    }

    @Test
    void theSameSeedGivesBitIdenticalRuns() {
        Trainer a = trainer("ssdfa", OptimizerCost.ADAM, 0.002);
        Trainer b = trainer("ssdfa", OptimizerCost.ADAM, 0.002);
        List<EpochResult> first = a.train(TRAIN, TEST, new Trainer.Listener() {
        });
        List<EpochResult> second = b.train(TRAIN, TEST, new Trainer.Listener() {
        });
        for (int e = 0; e < first.size(); e++) {
            assertEquals(first.get(e).trainLoss(), second.get(e).trainLoss(), 0.0);
            assertEquals(first.get(e).testAccuracy(), second.get(e).testAccuracy(), 0.0);
        }
        assertArrayEquals(a.model().weights(1), b.model().weights(1));
    }

    @Test
    void momentumWithoutMomentumIsSgd() {
        Trainer sgd = new Trainer(new Trainer.Settings(NET, LearningRules.parse("dfa", 1), Precision.FLOAT64,
                Optimizer.Settings.of(OptimizerCost.SGD), 0.02, 0.9, 1, 1, true));
        Trainer momentum = new Trainer(new Trainer.Settings(NET, LearningRules.parse("dfa", 1), Precision.FLOAT64,
                new Optimizer.Settings(OptimizerCost.MOMENTUM, 0, 0.9, 0.999, 1e-8), 0.02, 0.9, 1, 1, true));
        sgd.train(TRAIN, TEST, new Trainer.Listener() {
        });
        momentum.train(TRAIN, TEST, new Trainer.Listener() {
        });
        double[] a = sgd.model().weights(1);
        double[] b = momentum.model().weights(1);
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], 1e-12, "weight " + k + ": (lr d) h and lr (d h) differ by rounding only");
        }
    }

    @Test
    void divergenceNamesTheEpochExampleLayerAndRule() {
        NetworkSpec relu = new NetworkSpec("relu", 20, List.of(Dense.of(32, Activation.RELU),
                Dense.of(4, Activation.IDENTITY)));
        Trainer trainer = new Trainer(new Trainer.Settings(relu, LearningRules.parse("dfa", 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), 1e30, 1, 3, 1, true));
        TrainingDiverged e = assertThrows(TrainingDiverged.class, () -> trainer.train(TRAIN, TEST,
                new Trainer.Listener() {
                }));
        assertTrue(e.getMessage().matches("training diverged under rule dfa in epoch 1, example \\d+ \\(data index \\d+\\), "
                + "layer \\d: .*; try a smaller --lr, or another --init or --feedback-init \\(was 1.0E30\\)"), e.getMessage());
    }

    @Test
    void aMinibatchDivergenceNamesTheFirstExampleWithANonFiniteValue() {
        NetworkSpec relu = new NetworkSpec("relu", 20, List.of(Dense.of(32, Activation.RELU),
                Dense.of(4, Activation.IDENTITY)));
        Trainer trainer = new Trainer(new Trainer.Settings(relu, LearningRules.parse("dfa", 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), 1e30, 1, 3, 1, true, false, 16));
        TrainingDiverged e = assertThrows(TrainingDiverged.class, () -> trainer.train(TRAIN, TEST,
                new Trainer.Listener() {
                }));
        assertTrue(e.getMessage().matches("training diverged under rule dfa in epoch 1, example (1[7-9]|2\\d|3[0-2]) "
                + "\\(data index \\d+\\), layer \\d: .*; try a smaller --lr, .*"), e.getMessage());
    }

    @Test
    void aTestLossThatGrowsAHundredFoldWithoutANaNStopsAsADivergence() {
        // tanh keeps every value finite while a huge rate drives the output weights, and the loss, up
        Trainer trainer = new Trainer(new Trainer.Settings(NET, LearningRules.parse("dfa", 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), 1e4, 1, 3, 1, true));
        TrainingDiverged e = assertThrows(TrainingDiverged.class, () -> trainer.train(TRAIN, TEST,
                new Trainer.Listener() {
                }));
        assertTrue(e.getMessage().matches("training diverged under rule dfa in epoch 1: the test loss grew to .*, over "
                + "100 times chance's loss ln\\(n_L\\) \\(1.39\\), without a NaN; layer \\d's weights grew most in the "
                + "epoch \\(L2 norm .* -> .*\\); try a smaller --lr, or another --init or --feedback-init \\(was 10000.0\\)"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"sgd; float32", "momentum; float32", "adam; float32",
        "sgd; fixed16:frac=12,rounding=stochastic", "adam; fixed8:frac=5,rounding=stochastic"})
    void aRunResumedFromACheckpointEndsBitForBitAsAnUninterruptedOne(String optimizer, String numbers)
            throws IOException {
        assertResumesBitForBit("fa", OptimizerCost.byName(optimizer),
                NumberFormats.all(NumberFormat.parse("--numbers", numbers)));
    }

    @Test
    void aRunWithLearnedFeedbackResumesBitForBit() throws IOException {
        assertResumesBitForBit("directional-dfa:alpha=0.01", OptimizerCost.SGD, NumberFormats.FLOAT32);
    }

    @Test
    void aHybridRunResumesBitForBit() throws IOException {
        assertResumesBitForBit("hybrid:p=0.3", OptimizerCost.MOMENTUM, NumberFormats.FLOAT32);
    }

    private static void assertResumesBitForBit(String rule, OptimizerCost optimizer, NumberFormats formats)
            throws IOException {
        ResumeCheck.assertResumesBitForBit(() -> trainer(rule, optimizer, 0.002, formats), TRAIN, TEST, 150);
    }
}
