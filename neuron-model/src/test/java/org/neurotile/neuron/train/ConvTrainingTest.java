package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Pool;
import org.neurotile.workloads.TensorShape;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.Dataset;

/** Training conv networks: every rule with conv arithmetic learns; the others refuse them in one line. */
class ConvTrainingTest {
    private static final NetworkSpec NET = new NetworkSpec("small-cnn", new TensorShape(1, 8, 8), List.of(
            Conv2d.of(4, 3, 1, Activation.RELU).pooled(new Pool(Pool.Kind.MAX, 2, 2, 0)),
            new Conv2d(6, 3, 1, 0, 1, 2, Activation.RELU, Optional.empty(), OptionalInt.empty(), true),
            Dense.of(16, Activation.RELU),
            Dense.of(4, Activation.IDENTITY)));
    private static final Dataset TRAIN = new ClusterDataset(5, 64, 4, 300, 0.5).generate(0);
    private static final Dataset TEST = new ClusterDataset(5, 64, 4, 200, 0.5).generate(300);

    private static Trainer trainer(String rule, int batch, boolean alignment, Workers workers) {
        // hybrid keeps split momentum, whose steps add up: a smaller rate, as for dense networks
        boolean hybrid = rule.startsWith("hybrid");
        return new Trainer(new Trainer.Settings(NET, LearningRules.parse(rule, 1), Precision.FLOAT32,
                Optimizer.Settings.of(hybrid ? OptimizerCost.MOMENTUM : OptimizerCost.SGD), hybrid ? 0.003 : 0.01, 1, 3,
                1, true, alignment, batch, NumberFormats.FLOAT32), workers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp", "fa", "dfa", "sdfa:k=2", "ssdfa", "binary-dfa", "blocked-dfa:s=2", "fp:m=1",
                            "hybrid:p=0.5"})
    void everyRuleWithConvArithmeticLearnsSeparableClusters(String rule) {
        List<EpochResult> history = trainer(rule, 1, false, Workers.single()).train(TRAIN, TEST,
                new Trainer.Listener() {
                });
        EpochResult last = history.get(history.size() - 1);
        assertTrue(last.testAccuracy() > 0.9, rule + " reached " + last.testAccuracy());
        assertTrue(last.trainLoss() < history.get(0).trainLoss(), rule + ": the loss falls");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp", "dfa"})
    void aMinibatchRunHasTheSameBitsOnOneAndThreeThreads(String rule) {
        Trainer one = trainer(rule, 8, false, Workers.single());
        one.train(TRAIN, TEST, new Trainer.Listener() {
        });
        try (Workers three = Workers.of(3, 1)) {
            Trainer more = trainer(rule, 8, false, three);
            more.train(TRAIN, TEST, new Trainer.Listener() {
            });
            Model a = one.model();
            Model b = more.model();
            for (int l = 1; l <= NET.layerCount(); l++) {
                assertTrue(java.util.Arrays.equals(a.weights(l), b.weights(l)), "layer " + l + " weights");
                assertTrue(java.util.Arrays.equals(a.biases(l), b.biases(l)), "layer " + l + " biases");
            }
        }
    }

    @Test
    void directionalDfaRefusesAConvLayerInOneLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> trainer("directional-dfa", 1, false, Workers.single()));
        assertEquals("rule 'directional-dfa' works on dense layers only: layer 1 of small-cnn is conv2d", e.getMessage());
    }

    @Test
    void alignmentRefusesAConvLayerInOneLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> trainer("dfa", 1, true, Workers.single()));
        assertEquals("--alignment works on dense layers only: layer 1 of small-cnn is conv2d", e.getMessage());
    }

    @Test
    void theWeightsProductFeedbackRefusesAConvLayerInOneLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> trainer("dfa:init=weights-product", 1, false, Workers.single()));
        assertTrue(e.getMessage().startsWith("feedback init weights-product multiplies dense weight matrices: layer 1"
                + " of small-cnn is conv2d"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
