package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.NetworkCatalog;
import org.neurotile.workloads.NetworkSpec;

class ChipModelTest {
    private static final NetworkSpec MNIST = NetworkCatalog.get("mnist-fc");
    private static final ChipModel ARRAY = new ChipModel.TileArray(ChipSpec.DEFAULTS);
    private static final ChipModel PROCESSOR = new ChipModel.Processor(ProcessorSpec.DEFAULTS);

    @Test
    void theArraysMemoryIsPricedLocallyAndTheProcessorsOffChip() {
        assertEquals(OptionalLong.of(ChipSpec.DEFAULTS.tile().memoryBytes()), ARRAY.localMemoryBytes());
        assertEquals(OptionalLong.empty(), PROCESSOR.localMemoryBytes());
    }

    @Test
    void theDfaFamilysClosedFormHoldsOnTheArrayAndBpsOnTheProcessor() {
        assertTrue(ARRAY.closedForm(LearningRules.parse("dfa", 1), MNIST).isPresent());
        assertTrue(ARRAY.closedForm(LearningRules.parse("bp", 1), MNIST).isEmpty());
        assertTrue(PROCESSOR.closedForm(LearningRules.parse("bp", 1), MNIST).isPresent());
        assertTrue(PROCESSOR.closedForm(LearningRules.parse("dfa", 1), MNIST).isEmpty());
    }

    @Test
    void onlyTheProcessorChargesMemoryWordsOffChip() {
        ExampleRun array = new Chip(ARRAY).run(MNIST, LearningRules.parse("dfa", 1), false, TraceRecorder.disabled())
                .run();
        ExampleRun processor = new Chip(PROCESSOR).run(MNIST, LearningRules.parse("dfa", 1), false,
                TraceRecorder.disabled()).run();
        assertTrue(array.total(Category.OFF_CHIP_BYTES) < memoryWords(array), "the array keeps its words in the tiles");
        assertTrue(processor.total(Category.OFF_CHIP_BYTES) > memoryWords(processor) * 4,
                "every word of the processor crosses the boundary");
    }

    private static long memoryWords(ExampleRun run) {
        long words = 0;
        for (Category category : Category.values()) {
            if (category.isMemoryAccess()) {
                words += run.total(category);
            }
        }
        return words;
    }

    @Test
    void outputNamesTheChip() {
        assertEquals("mesh:32x32", ARRAY.name());
        assertEquals("processor", PROCESSOR.name());
        assertEquals("the processor", PROCESSOR.describe());
        assertEquals("mesh:32x32 of 512 KiB tiles, 4-byte words, 16 MACs/cycle, mapping contiguous", ARRAY.summary());
        assertTrue(ARRAY.arraySpec().isPresent());
        assertTrue(PROCESSOR.arraySpec().isEmpty());
    }
}
