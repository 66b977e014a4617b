package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;

class ProcessorTest {
    private static final Chip PROCESSOR = Chip.processor(ProcessorSpec.DEFAULTS);

    private static ExampleRun run(NetworkSpec network, String rule) {
        return PROCESSOR.run(network, LearningRules.parse(rule, 1), false, TraceRecorder.disabled()).run();
    }

    @Test
    void everyMemoryWordCrossesTheChipBoundaryAndNothingUsesTheNetwork() {
        NetworkSpec mnist = NetworkCatalog.get("mnist-fc");
        ExampleRun run = run(mnist, "dfa");
        long memoryWords = 0;
        for (Category category : Category.values()) {
            if (category.isMemoryAccess()) {
                memoryWords += run.total(category);
            }
        }
        long inputAndLabel = (784 + 1) * 4L;
        assertEquals(memoryWords * 4 + inputAndLabel, run.total(Category.OFF_CHIP_BYTES));
        assertEquals(0, run.total(Category.NOC_BYTES_INJECTED));
    }

    @Test
    void aLayerIsBoundByTheOffChipBandwidth() {
        NetworkSpec tiny = new NetworkSpec("t", 1000, List.of(Dense.of(100, Activation.IDENTITY)));
        ExampleRun run = run(tiny, "dfa");
        int forward = -1;
        for (int task = 0; task < run.taskCount(); task++) {
            if (run.phaseOf(task) == Phase.FORWARD && run.layerOf(task) == 1) {
                forward = task;
            }
        }
        // 100,000 weight reads + 1,000 input writes and reads + 100 activation writes: 4 words a cycle.
        long words = 100_000 + 1_000 + 1_000 + 100;
        assertEquals(words / 4 + 4, run.finishCycles(forward) - run.startCycles(forward));
    }

    @Test
    void theProcessorsWordsMovedAreItsMemoryTrafficInTheBackwardPass() {
        ExampleRun run = run(NetworkCatalog.get("mnist-fc"), "bp");
        long backwardMemory = 0;
        for (Category category : Category.values()) {
            if (category.isMemoryAccess()) {
                backwardMemory += run.total(category, Phase.ERROR) + run.total(category, Phase.UPDATE);
            }
        }
        assertEquals(backwardMemory, run.total(Category.WORDS_MOVED));
        assertTrue(run.total(Category.WORDS_MOVED) > 2 * NetworkCatalog.get("mnist-fc").totalTrainableWeights());
    }
}
