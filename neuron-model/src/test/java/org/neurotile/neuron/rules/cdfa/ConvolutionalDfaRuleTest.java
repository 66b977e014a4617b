package org.neurotile.neuron.rules.cdfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.neuron.train.Trainer;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Pool;
import org.neurotile.workloads.TensorShape;
import org.neurotile.workloads.data.ClusterDataset;
import org.neurotile.workloads.data.Dataset;

/** cdfa: bp in the convolutions, dfa in the fully connected layers above them. */
class ConvolutionalDfaRuleTest {
    private static final NetworkSpec NET = new NetworkSpec("small-cnn", new TensorShape(1, 8, 8), List.of(
            Conv2d.of(4, 3, 1, Activation.RELU).pooled(new Pool(Pool.Kind.MAX, 2, 2, 0)),
            new Conv2d(6, 3, 1, 0, 1, 2, Activation.RELU, Optional.empty(), OptionalInt.empty(), true),
            Dense.of(16, Activation.RELU),
            Dense.of(12, Activation.RELU),
            Dense.of(4, Activation.IDENTITY)));

    private static Feedback feedback(String rule) {
        Model initial = Model.initial(NET, 1, Precision.FLOAT64);
        return LearningRules.parse(rule, 1).feedback(NET, initial, 7).orElseThrow();
    }

    @Test
    void theConvolutionsTakeBpsDeltasAndTheFullyConnectedLayersDfasFeedback() {
        Feedback cdfa = feedback("cdfa:init=crafton");
        Feedback dfa = feedback("dfa:init=crafton");
        assertEquals(Feedback.BACKPROP, cdfa.sourceOf(1));
        assertEquals(Feedback.BACKPROP, cdfa.sourceOf(2));
        assertNull(cdfa.matrix(2));
        for (int l = 3; l <= 4; l++) {
            assertEquals(5, cdfa.sourceOf(l));
            assertArrayEquals(dfa.matrix(l), cdfa.matrix(l), "layer " + l + " draws dfa's B_l");
        }
    }

    @Test
    void theDefaultStartIsTheTransposedProductOfTheWeightsAbove() {
        Model initial = Model.initial(NET, 1, Precision.FLOAT64);
        Feedback cdfa = LearningRules.parse("cdfa", 1).feedback(NET, initial, 7).orElseThrow();
        double[] b4 = cdfa.matrix(4); // W_5^T: 12 x 4
        for (int i = 0; i < 12; i++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(initial.weights(5)[k * 12 + i], b4[i * 4 + k], 0.0);
            }
        }
    }

    @Test
    void withBinaryFullyConnectedLayersTheirFeedbackIsTheSignsOfTheAlignedStartTimesTheScale() {
        Model initial = Model.initial(NET, 1, Precision.FLOAT64);
        Feedback dense = LearningRules.parse("cdfa", 1).feedback(NET, initial, 7).orElseThrow();
        Feedback binary = LearningRules.parse("cdfa:fc=binary-dfa,scale=one", 1).feedback(NET, initial, 7)
                .orElseThrow();
        assertEquals(Feedback.BACKPROP, binary.sourceOf(2));
        for (int l = 3; l <= 4; l++) {
            double[] d = dense.matrix(l);
            double[] s = binary.matrix(l);
            for (int k = 0; k < d.length; k++) {
                assertEquals(d[k] < 0 ? -1.0 : 1.0, s[k], 0.0, "layer " + l + " entry " + k);
            }
        }
    }

    @Test
    void withBinaryFullyConnectedLayersTheyCountAsBinaryDfaAndTheConvolutionsAsBp() {
        ExampleRun cdfa = run("cdfa:fc=binary-dfa");
        ExampleRun bp = run("bp");
        ExampleRun binary = run("binary-dfa");
        for (Category category : Category.values()) {
            for (int l = 1; l <= 2; l++) {
                assertEquals(backward(bp, category, l), backward(cdfa, category, l), category + " of layer " + l);
            }
            for (int l = 4; l <= 5; l++) {
                assertEquals(backward(binary, category, l), backward(cdfa, category, l), category + " of layer " + l);
            }
        }
        // layer 3 adds its signed errors as binary dfa does, then propagates W_3^T delta_3 as bp does
        assertEquals(backward(binary, Category.FEEDBACK_READS, 3), backward(cdfa, Category.FEEDBACK_READS, 3));
        assertEquals(backward(binary, Category.ADDS, 3), backward(cdfa, Category.ADDS, 3));
        assertEquals(backward(binary, Category.MACS, 3) + NET.shape(3).forwardMacs(), backward(cdfa, Category.MACS, 3));
    }

    @Test
    void aScaleWithoutBinaryFeedbackIsRefusedInOneLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LearningRules.parse("cdfa:scale=one", 1));
        assertEquals("rule 'cdfa:scale=one': option 'scale' is binary feedback's magnitude: it applies with"
                + " fc=binary-dfa", e.getMessage());
    }

    /** The whole network in one tile under every rule, so that the rules' placements are the same. */
    private static ExampleRun run(String rule) {
        ChipSpec spec = new ChipSpec(new GridShape(8, 8), "mesh", NocParameters.DEFAULTS,
                new TileParameters(1 << 20, 4, 2, 4, 16, 4), ChipSpec.MappingKind.CONTIGUOUS, WeightSharing.SINGLE);
        return new Chip(spec).run(NET, LearningRules.parse(rule, 3), false, TraceRecorder.disabled()).run();
    }

    private static long backward(ExampleRun run, Category category, int layer) {
        return run.totalOfLayer(category, layer) - forward(run, category, layer);
    }

    private static long forward(ExampleRun run, Category category, int layer) {
        long total = 0;
        for (int task = 0; task < run.taskCount(); task++) {
            if (run.layerOf(task) == layer && run.phaseOf(task) == Phase.FORWARD) {
                total += run.count(task, category);
            }
        }
        return total;
    }

    @Test
    void onTheChipTheConvolutionsCountAsBpAndTheLayersAboveAsDfa() {
        ExampleRun cdfa = run("cdfa");
        ExampleRun bp = run("bp");
        ExampleRun dfa = run("dfa");
        for (Category category : Category.values()) {
            for (int l = 1; l <= 2; l++) {
                assertEquals(backward(bp, category, l), backward(cdfa, category, l), category + " of layer " + l);
            }
            for (int l = 4; l <= 5; l++) {
                assertEquals(backward(dfa, category, l), backward(cdfa, category, l), category + " of layer " + l);
            }
        }
        // layer 3 computes dfa's delta, then propagates W_3^T delta_3 to the convolution below as bp does
        assertEquals(backward(dfa, Category.FEEDBACK_READS, 3), backward(cdfa, Category.FEEDBACK_READS, 3));
        assertEquals(backward(dfa, Category.MACS, 3) + NET.shape(3).forwardMacs(), backward(cdfa, Category.MACS, 3));
        assertEquals(0, backward(cdfa, Category.FEEDBACK_READS, 1) + backward(cdfa, Category.FEEDBACK_READS, 2));
    }

    @Test
    void onAFullyConnectedNetworkItCountsAsDfa() {
        assertSameTotalsOnMnistFc("cdfa", "dfa");
    }

    @Test
    void onAFullyConnectedNetworkWithBinaryFeedbackItCountsAsBinaryDfa() {
        assertSameTotalsOnMnistFc("cdfa:fc=binary-dfa", "binary-dfa");
    }

    private static void assertSameTotalsOnMnistFc(String rule, String same) {
        NetworkSpec fc = NetworkCatalog.get("mnist-fc");
        ChipSpec spec = ChipSpec.DEFAULTS;
        ExampleRun a = new Chip(spec).run(fc, LearningRules.parse(rule, 1), false, TraceRecorder.disabled()).run();
        ExampleRun b = new Chip(spec).run(fc, LearningRules.parse(same, 1), false, TraceRecorder.disabled()).run();
        for (Category category : Category.values()) {
            assertEquals(b.total(category), a.total(category), category.toString());
        }
        assertEquals(b.cycles(), a.cycles(), "cycles");
    }

    @Test
    void itLearnsSeparableClustersWithBpInTheConvolutions() {
        assertLearnsClusters("cdfa");
    }

    @Test
    void itLearnsSeparableClustersWithBinaryFeedbackAboveTheConvolutions() {
        assertLearnsClusters("cdfa:fc=binary-dfa");
    }

    private static void assertLearnsClusters(String rule) {
        Dataset train = new ClusterDataset(5, 64, 4, 300, 0.5).generate(0);
        Dataset test = new ClusterDataset(5, 64, 4, 200, 0.5).generate(300);
        Trainer trainer = new Trainer(new Trainer.Settings(NET, LearningRules.parse(rule, 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), 0.01, 1, 3, 1, true, false, 1, NumberFormats.FLOAT32),
                Workers.single());
        List<EpochResult> history = trainer.train(train, test, new Trainer.Listener() {
        });
        EpochResult last = history.get(history.size() - 1);
        assertTrue(last.testAccuracy() > 0.9, "reached " + last.testAccuracy());
        assertTrue(last.trainLoss() < history.get(0).trainLoss(), "the loss falls");
    }

    @Test
    void aFrozenLayerAboveTrainedConvolutionsIsRefusedInOneLine() {
        NetworkSpec frozen = new NetworkSpec("frozen-head", new TensorShape(1, 8, 8), List.of(
                Conv2d.of(4, 3, 1, Activation.RELU), new Dense(16, Activation.RELU, false),
                Dense.of(4, Activation.IDENTITY)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LearningRules.parse("cdfa", 1).requireSupported(frozen));
        assertEquals("rule 'cdfa': layer 2 of frozen-head is frozen, but the convolutions below it learn by bp from"
                + " its delta (train it, or freeze the convolutions too)", e.getMessage());
    }
}
