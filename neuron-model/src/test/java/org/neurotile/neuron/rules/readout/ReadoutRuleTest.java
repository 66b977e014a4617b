package org.neurotile.neuron.rules.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.functional.Model;
import org.neurotile.neuron.math.Precision;
import org.neurotile.neuron.optim.Optimizer;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.neuron.train.FunctionalStep;
import org.neurotile.neuron.train.Trainer;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.data.ClusterDataset;

/** docs/extending.md followed for a rule: one package in the test sources, found, counted, trained. */
class ReadoutRuleTest {
    private static final NetworkSpec NET = new NetworkSpec("readout", 12, List.of(Dense.of(16, Activation.TANH),
            Dense.of(8, Activation.TANH), Dense.of(4, Activation.IDENTITY)));

    @Test
    void theRegistryFindsItAndListsItInTheHelp() {
        assertEquals("test-readout", LearningRules.parse("test-readout", 1).spec());
        assertTrue(LearningRules.FORMS.contains("test-readout"), LearningRules.FORMS);
    }

    @Property(tries = 40)
    void itsBackwardCountsOnTheArrayEqualItsClosedForm(@ForAll @IntRange(min = 1, max = 40) int input,
                                                        @ForAll @IntRange(min = 1, max = 60) int hidden,
                                                        @ForAll @IntRange(min = 1, max = 30) int outputs,
                                                        @ForAll @IntRange(min = 2, max = 4) int side) {
        NetworkSpec network = new NetworkSpec("p", input, List.of(Dense.of(hidden, Activation.RELU),
                Dense.of(outputs, Activation.IDENTITY)));
        ChipSpec small = new ChipSpec(new GridShape(side, side), "mesh", ChipSpec.DEFAULTS.network(),
                ChipSpec.DEFAULTS.tile(), ChipSpec.MappingKind.CONTIGUOUS);
        LearningRule rule = LearningRules.parse("test-readout", 1);
        ExampleRun run = new Chip(small).run(network, rule, false, TraceRecorder.disabled()).run();
        ClosedForm expected = rule.closedForm(network, ChipKind.TILE_ARRAY).orElseThrow();
        assertEquals(expected.reads(), backward(run, Category.WEIGHT_READS) + backward(run, Category.FEEDBACK_READS));
        assertEquals(expected.writes(), backward(run, Category.WEIGHT_WRITES));
        assertEquals(expected.macs(), backward(run, Category.MACS));
        assertEquals(expected.wordsMoved(), backward(run, Category.WORDS_MOVED));
    }

    @Test
    void noHiddenTileHasAnErrorOrUpdateTask() {
        ExampleRun run = new Chip(ChipSpec.DEFAULTS).run(NET, LearningRules.parse("test-readout", 1), true,
                TraceRecorder.disabled()).run();
        for (int task = 0; task < run.taskCount(); task++) {
            if (run.phaseOf(task) != Phase.FORWARD) {
                assertEquals(NET.layerCount(), run.layerOf(task), "task " + task);
            }
        }
    }

    @Test
    void trainingChangesTheOutputWeightsOnly() {
        Trainer trainer = new Trainer(new Trainer.Settings(NET, LearningRules.parse("test-readout", 1),
                Precision.FLOAT64, Optimizer.Settings.of(OptimizerCost.SGD), 0.05, 1, 2, 3, true));
        Model initial = Model.initial(NET, 3, Precision.FLOAT64);
        ClusterDataset clusters = new ClusterDataset(3, 12, 4, 200, 1.0);
        var history = trainer.train(clusters.generate(0), clusters.generate(200), new Trainer.Listener() {
        });
        assertArrayEquals(initial.weights(1), trainer.model().weights(1));
        assertArrayEquals(initial.weights(2), trainer.model().weights(2));
        assertFalse(Arrays.equals(initial.weights(3), trainer.model().weights(3)));
        assertTrue(history.get(1).trainLoss() < history.get(0).trainLoss(), history.toString());
    }

    @Test
    void theSimulatedStepHasADeltaForTheOutputLayerOnly() {
        double[] input = new double[12];
        Arrays.fill(input, 0.5);
        FunctionalStep step = FunctionalStep.run(Model.initial(NET, 5), LearningRules.parse("test-readout", 5), 5,
                input, 2, 0.1, true);
        assertEquals(null, step.deltas()[1]);
        assertEquals(null, step.deltas()[2]);
        assertArrayEquals(step.pass().outputError(), step.deltas()[3]);
    }

    private static long backward(ExampleRun run, Category category) {
        return run.total(category, Phase.ERROR) + run.total(category, Phase.UPDATE);
    }
}
