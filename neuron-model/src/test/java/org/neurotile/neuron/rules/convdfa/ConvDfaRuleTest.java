package org.neurotile.neuron.rules.convdfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.functional.ConvFeedback;
import org.neurotile.neuron.functional.Feedback;
import org.neurotile.neuron.functional.ForwardPass;
import org.neurotile.neuron.functional.LearningStep;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.NumberFormats;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.math.Quantization;
import org.neurotile.neuron.math.Workers;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.train.EpochResult;
import org.neurotile.neuron.train.Trainer;
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

/** conv-dfa: modules of dfa, convolutional feedback between convolutions. */
class ConvDfaRuleTest {
    private static final NetworkSpec NET = new NetworkSpec("small-cnn", new TensorShape(1, 8, 8), List.of(
            Conv2d.of(4, 3, 1, Activation.RELU).pooled(new Pool(Pool.Kind.MAX, 2, 2, 0)),
            new Conv2d(6, 3, 1, 0, 1, 2, Activation.RELU, Optional.empty(), OptionalInt.empty(), true),
            Dense.of(16, Activation.RELU),
            Dense.of(4, Activation.IDENTITY)));

    private static Feedback feedback(String rule, NetworkSpec network) {
        Model initial = Model.initial(network, 1, Precision.FLOAT64);
        return LearningRules.parse(rule, 1).feedback(network, initial, 7).orElseThrow();
    }

    private static String error(String rule, NetworkSpec network) {
        return assertThrows(InvalidInputException.class, () -> LearningRules.parse(rule, 1).requireSupported(network))
                .getMessage();
    }

    @Test
    void onAFullyConnectedNetworkTheFeedbackIsDfas() {
        NetworkSpec fc = NetworkCatalog.get("mnist-fc");
        Feedback conv = feedback("conv-dfa", fc);
        Feedback dfa = feedback("dfa", fc);
        for (int l = 1; l < fc.layerCount(); l++) {
            assertEquals(dfa.sourceOf(l), conv.sourceOf(l));
            assertArrayEquals(dfa.matrix(l), conv.matrix(l), 0.0, "layer " + l);
        }
    }

    @Test
    void onAFullyConnectedNetworkItCountsAsDfa() {
        NetworkSpec fc = NetworkCatalog.get("mnist-fc");
        ExampleRun a = new Chip(ChipSpec.DEFAULTS).run(fc, LearningRules.parse("conv-dfa", 1), false,
                TraceRecorder.disabled()).run();
        ExampleRun b = new Chip(ChipSpec.DEFAULTS).run(fc, LearningRules.parse("dfa", 1), false,
                TraceRecorder.disabled()).run();
        for (Category category : Category.values()) {
            assertEquals(b.total(category), a.total(category), category.toString());
        }
    }

    @Test
    void theDefaultModulesStartAtTheLastConvolutionAndEndAtLayerOneAndAtEachPool() {
        assertEquals("1/2-4", ModuleOption.defaults(NetworkCatalog.get("mnist-cnn")).toString());
        assertEquals("1/2/3-6", ModuleOption.defaults(NetworkCatalog.get("cifar10-cnn")).toString());
        assertEquals("1-2", ModuleOption.defaults(NetworkCatalog.get("mnist-fc")).toString());
        // resnet18-cifar's stages start at its strided convolutions (layers 6, 10 and 14)
        assertEquals("1/2-5/6-9/10-13/14-16/17-18", ModuleOption.defaults(NetworkCatalog.get("resnet18-cifar")).toString());
        assertEquals("1/2-4", ModuleOption.defaults(NET).toString());
    }

    @Test
    void aConvolutionFedBackFromAConvolutionHoldsAConvolutionOfItsDeltaMap() {
        Feedback f = feedback("conv-dfa:kernel=5,dilation=2,groups=2", NET);
        assertEquals(2, f.sourceOf(1));
        assertNull(f.matrix(1));
        ConvFeedback c = f.convolution(1);
        assertEquals(new TensorShape(6, 2, 2), c.source()); // layer 2's sums
        assertEquals(new TensorShape(4, 4, 4), c.target()); // layer 1's outputs after the pool
        assertEquals(5, c.kernel());
        assertEquals(2, c.dilation());
        assertEquals(4, c.padding());
        assertEquals(4 * 3 * 5 * 5, c.kernels().length);
        double bound = 1 / Math.sqrt(3 * 25);
        for (double w : c.kernels()) {
            assertTrue(Math.abs(w) <= bound);
        }
        for (int l = 2; l <= 3; l++) {
            assertEquals(4, f.sourceOf(l));
            assertNotNull(f.matrix(l), "layer " + l + " is in the top module: dense B from e");
        }
    }

    @Test
    void aLayerFedBackFromADenseLayerHoldsADenseMatrix() {
        Feedback f = feedback("conv-dfa:modules=1-2/3-4", NET);
        assertEquals(3, f.sourceOf(1));
        assertEquals(3, f.sourceOf(2));
        assertEquals(64 * 16, f.matrix(1).length);
        assertNull(f.convolution(1));
    }

    @Test
    void signFeedbackIsTheBoundTimesTheSign() {
        Feedback f = feedback("conv-dfa:sign=true", NET);
        double bound = 1 / Math.sqrt(6 * 9);
        for (double w : f.convolution(1).kernels()) {
            assertEquals(bound, Math.abs(w), 0.0);
        }
        for (double w : f.matrix(3)) {
            assertEquals(1 / Math.sqrt(16), Math.abs(w), 0.0);
        }
    }

    @Test
    void withSignTheFeedbackProductsAreAdditionsAndTheKernelsBits() {
        ExampleRun real = new Chip(ChipSpec.DEFAULTS).run(NET, LearningRules.parse("conv-dfa", 1), false,
                TraceRecorder.disabled()).run();
        ExampleRun sign = new Chip(ChipSpec.DEFAULTS).run(NET, LearningRules.parse("conv-dfa:sign=true", 1), false,
                TraceRecorder.disabled()).run();
        long products = 64 * 6 * 9 + (24 + 16) * 4; // layer 1: T = 6 x 3 x 3 per unit; layers 2, 3: n_L = 4
        assertEquals(real.total(Category.MACS) - products, sign.total(Category.MACS));
        assertEquals(real.total(Category.ADDS) + products, sign.total(Category.ADDS));
        assertEquals(4 * 54 + 24 * 4 + 16 * 4, real.total(Category.FEEDBACK_READS));
        assertEquals(4 * 2 + 24 + 16, sign.total(Category.FEEDBACK_READS), "54 bits in two words, 4 bits in one");
    }

    @Test
    void theLowerModuleTakesTheConvolutionOfTheUpperModulesFirstDelta() {
        Model model = Model.initial(NET, 3, Precision.FLOAT64);
        Feedback f = feedback("conv-dfa", NET);
        double[] x = new double[64];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) / 7.0;
        }
        ForwardPass pass = ForwardPass.run(model, x, 2);
        double[][] delta = LearningStep.feedbackDeltas(model, f, pass);
        double[] d = f.convolution(1).apply(delta[2], Precision.FLOAT64);
        double[] pre = new double[4 * 8 * 8]; // layer 1's sums, before the pool
        for (int i = 0; i < pre.length; i++) {
            pre[i] = pass.preActivation(1, i);
        }
        assertArrayEquals(model.kernel(1).delta(d, pre, Precision.FLOAT64, Quantization.none()), delta[1], 0.0);
    }

    @Test
    void aBatchOnThreeThreadsHasTheDeltasOfOneExampleAtATime() {
        Model model = Model.initial(NET, 3, Precision.FLOAT32);
        Feedback f = feedback("conv-dfa:groups=2", NET).rounded(Precision.FLOAT32);
        ForwardPass[] passes = new ForwardPass[4];
        for (int m = 0; m < passes.length; m++) {
            double[] x = new double[64];
            for (int i = 0; i < x.length; i++) {
                x[i] = Precision.FLOAT32.round(((i * (m + 3)) % 11) / 11.0);
            }
            passes[m] = ForwardPass.run(model, x, m);
        }
        double[][][] batch;
        try (Workers three = Workers.of(3, 1)) {
            batch = LearningStep.feedbackDeltas(model, f, passes, passes.length, Quantization.none(), three);
        }
        for (int m = 0; m < passes.length; m++) {
            double[][] one = LearningStep.feedbackDeltas(model, f, passes[m]);
            for (int l = 1; l <= 4; l++) {
                assertArrayEquals(one[l], batch[m][l], 0.0, "example " + m + " layer " + l);
            }
        }
    }

    @Test
    void itLearnsSeparableClusters() {
        Dataset train = new ClusterDataset(4, 64, 4, 300, 0.5).generate(0);
        Dataset test = new ClusterDataset(4, 64, 4, 200, 0.5).generate(300);
        Trainer trainer = new Trainer(new Trainer.Settings(NET, LearningRules.parse("conv-dfa", 1), Precision.FLOAT32,
                Optimizer.Settings.of(OptimizerCost.SGD), 0.01, 1, 3, 1, true, false, 1, NumberFormats.FLOAT32),
                Workers.single());
        List<EpochResult> history = trainer.train(train, test, new Trainer.Listener() {
        });
        EpochResult last = history.get(history.size() - 1);
        assertTrue(last.testAccuracy() > 0.9, "reached " + last.testAccuracy());
    }

    @Test
    void convolutionOptionsOnANetworkWithoutConvolutionsAreRefusedInOneLine() {
        assertEquals("rule 'conv-dfa:groups=4': kernel, dilation and groups apply to convolutional layers; mnist-fc"
                + " has none (valid there: modules, sign, init)", error("conv-dfa:groups=4", NetworkCatalog.get("mnist-fc")));
    }

    @Test
    void groupsThatDoNotDivideTheChannelsAreRefusedInOneLine() {
        assertEquals("rule 'conv-dfa:groups=4': groups=4 must divide the channels of the feedback from layer 2 (6)"
                + " to layer 1 (4) of small-cnn (valid: a common divisor)", error("conv-dfa:groups=4", NET));
    }

    @Test
    void anEvenKernelIsRefusedInOneLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LearningRules.parse("conv-dfa:kernel=2", 1));
        assertEquals("rule 'conv-dfa:kernel=2': kernel must be odd (the feedback keeps the map's size with 'same'"
                + " padding), got 2", e.getMessage());
    }

    @Test
    void modulesWithAGapAreRefusedInOneLine() {
        assertEquals("rule 'conv-dfa:modules=1/3-4': modules=1/3-4 must cover layers 1..4 of small-cnn in order"
                + " without gaps or overlaps (valid: e.g. modules=1/2-4)", error("conv-dfa:modules=1/3-4", NET));
    }

    @Test
    void modulesThatStopShortAreRefusedInOneLine() {
        assertEquals("rule 'conv-dfa:modules=1/2-3': modules=1/2-3 stops at layer 3; they must cover layers 1..4 of"
                + " small-cnn (valid: e.g. modules=1/2-4)", error("conv-dfa:modules=1/2-3", NET));
    }

    @Test
    void malformedModulesAreRefusedInOneLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LearningRules.parse("conv-dfa:modules=1/x", 1));
        assertEquals("rule 'conv-dfa:modules=1/x': modules=1/x is not layer ranges separated by '/' (valid: e.g."
                + " modules=1/2-3/4-6, covering layers 1..L in order)", e.getMessage());
    }
}
