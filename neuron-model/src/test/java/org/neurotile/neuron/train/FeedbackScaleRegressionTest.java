package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.workloads.Workloads;
import org.neurotile.workloads.data.Dataset;
import org.neurotile.workloads.data.MnistDirectory;

/**
 * The feedback scales that made sparse and binary dfa's test loss grow on MNIST stay fixed: 2,000
 * examples of mnist-fc, one epoch, at the default start. At the spec's scales the same runs end
 * with a test loss of 0.94 (ssdfa:init=uniform) and 20.6 (binary-dfa:scale=one). Synthetic clusters
 * do not show it (their hidden layer gains from large feedback), so this runs where the shared MNIST
 * sample is.
 */
class FeedbackScaleRegressionTest {
    private static final Path SAMPLE = Path.of("/work/shared/data/mnist-10k");

    @ParameterizedTest
    @ValueSource(strings = {"ssdfa", "binary-dfa"})
    void anEpochOfTwoThousandMnistExamplesEndsBelowATestLossOfPointSevenFive(String rule) {
        assumeTrue(Files.isDirectory(SAMPLE), "the MNIST sample is not on this machine");
        Dataset train = MnistDirectory.load(SAMPLE, MnistDirectory.Split.TRAIN).head(2000);
        Dataset test = MnistDirectory.load(SAMPLE, MnistDirectory.Split.TEST).head(500);
        Trainer trainer = new Trainer(new Trainer.Settings(Workloads.resolve("mnist-fc"), LearningRules.parse(rule, 1),
                Precision.FLOAT32, Optimizer.Settings.of(OptimizerCost.SGD), 0.01, 1, 1, 1, true));
        EpochResult epoch = trainer.train(train, test, new Trainer.Listener() {
        }).get(0);
        assertTrue(epoch.testLoss() < 0.75, rule + ": " + epoch);
    }
}
