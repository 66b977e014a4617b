package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.workloads.Workloads;
import org.neurotile.workloads.data.Dataset;
import org.neurotile.workloads.data.MnistDirectory;

/**
 * Directional dfa at its defaults does not diverge on the directional-DFA paper's network
 * (784-800-800-800-10) under plain SGD at 0.01: 2,000 MNIST examples, one epoch. With the former
 * default alpha of 0.001 the run ended in NaN at example 1,654 of the full sample's first epoch (the
 * noise of B_l grows with the gain it makes grow). Runs where the shared MNIST sample is.
 */
class DirectionalRegressionTest {
    private static final Path SAMPLE = Path.of("/work/shared/data/mnist-10k");

    @Test
    void twoThousandExamplesOfTheThreeLayerNetworkStayFiniteAndEndBelowATestLossOfOne() {
        assumeTrue(Files.isDirectory(SAMPLE), "the MNIST sample is not on this machine");
        Dataset train = MnistDirectory.load(SAMPLE, MnistDirectory.Split.TRAIN).head(2000);
        Dataset test = MnistDirectory.load(SAMPLE, MnistDirectory.Split.TEST).head(500);
        Trainer trainer = new Trainer(new Trainer.Settings(Workloads.resolve("mnist-3x800"),
                LearningRules.parse("directional-dfa", 1), Precision.FLOAT32, Optimizer.Settings.of(OptimizerCost.SGD),
                0.01, 1, 1, 1, true));
        EpochResult epoch = trainer.train(train, test, new Trainer.Listener() {
        }).get(0);
        assertTrue(epoch.testLoss() < 1.0, epoch.toString());
    }
}
