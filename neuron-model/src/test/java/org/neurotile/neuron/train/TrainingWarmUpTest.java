package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.math.BlasProducts;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Products;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.Dataset;

class TrainingWarmUpTest {
    private static final NetworkSpec NET = new NetworkSpec("clusters", 200, List.of(Dense.of(100, Activation.RELU),
            Dense.of(40, Activation.TANH), Dense.normalised(70, Activation.RELU), Dense.of(4, Activation.IDENTITY)));
    private static final Dataset TRAIN = new ClusterDataset(5, 200, 4, 640, 1.5).generate(0);
    private static final Dataset TEST = new ClusterDataset(5, 200, 4, 100, 1.5).generate(640);

    @Test
    void aDenseNetworkIsCopiedWithItsHiddenLayersAndInputNarrowedAndItsOutputsKept() {
        NetworkSpec small = TrainingWarmUp.scaledDown(NET);
        assertEquals(2 * TrainingWarmUp.WIDTH, small.inputSize());
        assertEquals(List.of(Dense.of(TrainingWarmUp.WIDTH, Activation.RELU), Dense.of(40, Activation.TANH),
                Dense.normalised(TrainingWarmUp.WIDTH, Activation.RELU), Dense.of(4, Activation.IDENTITY)),
                small.layers());
    }

    @Test
    void aConvolutionalNetworkHasNoWarmUp() {
        assertNull(TrainingWarmUp.scaledDown(NetworkCatalog.get("cifar10-cnn")));
    }

    /** The warm-up shares nothing with the run: with one beside it, the run's weights and history are the same. */
    @ParameterizedTest
    @ValueSource(strings = {"fixed", "blas"})
    void aRunWithAWarmUpBesideItHasTheBitsOfARunWithout(String arithmetic) {
        Products products = arithmetic.equals("blas") ? BlasProducts.load() : Products.FIXED_ORDER;
        Trainer.Settings settings = new Trainer.Settings(NET, LearningRules.parse("dfa", 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.ADAM), 1e-3, 1, 3, 1, true, false, 32);
        List<EpochResult> alone = train(settings, products);
        for (int run = 0; run < 3; run++) {
            TrainingWarmUp.start(settings, products, true, true);
            assertEquals(withoutSeconds(alone), withoutSeconds(train(settings, products)), "run " + run);
        }
    }

    private static List<EpochResult> train(Trainer.Settings settings, Products products) {
        try (Workers workers = Workers.of(1, products)) {
            return new Trainer(settings, workers).train(TRAIN, TEST, new Trainer.Listener() { });
        }
    }

    private static List<List<Double>> withoutSeconds(List<EpochResult> history) {
        return history.stream().map(r -> List.of(r.trainLoss(), r.trainAccuracy(), r.testLoss(), r.testAccuracy()))
                .toList();
    }
}
