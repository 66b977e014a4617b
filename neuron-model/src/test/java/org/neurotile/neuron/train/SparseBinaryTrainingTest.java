package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.Dataset;

class SparseBinaryTrainingTest {
    private static final NetworkSpec NET = new NetworkSpec("clusters", 20,
            List.of(Dense.of(32, Activation.TANH), Dense.of(4, Activation.IDENTITY)));
    private static final Dataset TRAIN = new ClusterDataset(5, 20, 4, 400, 1.5).generate(0);
    private static final Dataset TEST = new ClusterDataset(5, 20, 4, 200, 1.5).generate(400);

    private static EpochResult oneEpoch(String rule, double learningRate) {
        Trainer trainer = new Trainer(new Trainer.Settings(NET, LearningRules.parse(rule, 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), learningRate, 0.9, 1, 1, true, false, NumberFormats.FLOAT32));
        return trainer.train(TRAIN, TEST, new Trainer.Listener() {
        }).get(0);
    }

    @Test
    void oneEpochOfTwoSignsPerNeuronLearnsTheClusters() {
        EpochResult untrained = oneEpoch("binary-dfa:k=2", 0);
        EpochResult trained = oneEpoch("binary-dfa:k=2", 0.02);
        assertTrue(trained.testLoss() < untrained.testLoss() / 2,
                "test loss " + trained.testLoss() + " against " + untrained.testLoss() + " untrained");
        assertTrue(trained.testAccuracy() > 0.8, "accuracy " + trained.testAccuracy() + " (chance 0.25)");
    }
}
