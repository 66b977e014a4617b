package org.neurotile.neuron.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.functional.WeightInit;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.ClusterDataset;

class AlignmentTest {
    @Test
    void anglesAreZeroForParallelAndNinetyForOrthogonalVectors() {
        assertEquals(0, Alignment.angleDegrees(new double[] {1, 2}, new double[] {2, 4}), 1e-6);
        assertEquals(90, Alignment.angleDegrees(new double[] {1, 0}, new double[] {0, 3}), 1e-12);
        assertEquals(180, Alignment.angleDegrees(new double[] {1, 0}, new double[] {-1, 0}), 1e-12);
        assertTrue(Double.isNaN(Alignment.angleDegrees(new double[] {0, 0}, new double[] {1, 0})));
    }

    @Test
    void dfaComesIntoAlignmentWithBpAsItLearns() {
        NetworkSpec net = new NetworkSpec("clusters", 20, List.of(Dense.of(32, Activation.TANH),
                Dense.of(32, Activation.TANH), Dense.of(4, Activation.IDENTITY)));
        // the spec's scales: feedback of 1/sqrt(n_L) makes a 32-unit layer align within four epochs
        Trainer trainer = new Trainer(new Trainer.Settings(net, LearningRules.parse("dfa:init=uniform", 1),
                Precision.FLOAT64, Optimizer.Settings.of(OptimizerCost.SGD), 0.02, 1, 4, 1, true, true, 1,
                NumberFormats.FLOAT32, 0, WeightInit.UNIFORM_FAN_IN));
        List<EpochResult> history = trainer.train(new ClusterDataset(5, 20, 4, 400, 1.5).generate(0),
                new ClusterDataset(5, 20, 4, 100, 1.5).generate(400), new Trainer.Listener() {
                });
        EpochResult last = history.get(history.size() - 1);
        assertEquals(List.of(1, 2), List.copyOf(last.updateAngleDegrees().keySet()));
        assertEquals(List.of(1, 2), List.copyOf(last.feedbackAngleDegrees().keySet()));
        EpochResult first = history.get(0);
        for (int layer : List.of(1, 2)) {
            assertTrue(last.updateAngleDegrees().get(layer) < first.updateAngleDegrees().get(layer),
                    "layer " + layer + " aligns: " + first + " then " + last);
            assertTrue(last.updateAngleDegrees().get(layer) < 60, "layer " + layer + ": " + last);
            assertTrue(last.feedbackAngleDegrees().get(layer) < first.feedbackAngleDegrees().get(layer),
                    "the forward weights turn toward the feedback: " + first + " then " + last);
        }
    }

    @Test
    void bpHasNoAlignmentToMeasure() {
        NetworkSpec net = new NetworkSpec("clusters", 20, List.of(Dense.of(16, Activation.TANH),
                Dense.of(4, Activation.IDENTITY)));
        Trainer trainer = new Trainer(new Trainer.Settings(net, LearningRules.parse("bp", 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), 0.02, 1, 1, 1, true, true));
        EpochResult result = trainer.train(new ClusterDataset(5, 20, 4, 100, 1.5).generate(0),
                new ClusterDataset(5, 20, 4, 50, 1.5).generate(100), new Trainer.Listener() {
                }).get(0);
        assertTrue(result.updateAngleDegrees().isEmpty() && result.feedbackAngleDegrees().isEmpty());
    }
}
