package org.neurotile.neuron.chip;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.math.WordSizes;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.noc.topology.Topology;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.workloads.NetworkSpec;

/**
 * The hardware a chip runs the plans on: the spatial tile array, or the memory-bound processor
 * baseline (one tile whose memory is off chip). Each says what differs between them: where memory
 * words are charged and priced, which closed forms apply, the word sizes modelled, and how output
 * names it.
 */
public sealed interface ChipModel permits ChipModel.TileArray, ChipModel.Processor {

    /** The tiles and network the plans run on. */
    ChipSpec spec();

    /** The network built from {@link #spec}. */
    Topology topology();

    /** The kind of chip whose closed forms apply. */
    ChipKind kind();

    /** The rule's closed form on this chip, where the spec gives one. */
    default Optional<ClosedForm> closedForm(LearningRule rule, NetworkSpec network) {
        return rule.closedForm(network, kind());
    }

    /** The backward-pass reads a closed form on this chip counts. */
    List<Category> closedFormReads();

    /** Refuses word sizes this chip is not modelled with. */
    void requireWordSizes(WordSizes words);

    /** Charges, after a run, the memory words that cross the chip boundary. */
    void chargeOffChipMemory(ExampleRun run, int wordBytes);

    /** A tile's memory, whose words are priced at its SRAM energy; empty where memory words are off chip. */
    OptionalLong localMemoryBytes();

    /** The array and its network that links.csv and chip.json describe; empty without a NoC to report. */
    Optional<ChipSpec> arraySpec();

    /** The chip in a table's column: {@code processor}, {@code mesh:32x32}. */
    String name();

    /** The chip in a sentence: {@code the processor}, {@code mesh:32x32}. */
    String describe();

    /** The chip and its parameters, after "on": {@code mesh:32x32 of 512 KiB tiles, 4-byte words, ...}. */
    String summary();

    /** Binary units: 512 KiB, 2 MiB. */
    static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        long value = bytes;
        int unit = 0;
        while (value >= 1024 && value % 1024 == 0 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return value + " " + units[unit];
    }

    /** Tiles with their own memory joined by a network-on-chip. */
    final class TileArray implements ChipModel {
        private final ChipSpec spec;
        private final Topology topology;

        public TileArray(ChipSpec spec) {
            this.spec = spec;
            this.topology = spec.buildTopology();
        }

        @Override
        public ChipSpec spec() {
            return spec;
        }

        @Override
        public Topology topology() {
            return topology;
        }

        @Override
        public ChipKind kind() {
            return ChipKind.TILE_ARRAY;
        }

        @Override
        public List<Category> closedFormReads() {
            return List.of(Category.WEIGHT_READS, Category.FEEDBACK_READS);
        }

        @Override
        public void requireWordSizes(WordSizes words) {
            // every number format is modelled on the array
        }

        @Override
        public void chargeOffChipMemory(ExampleRun run, int wordBytes) {
            // memory words stay in the tiles
        }

        @Override
        public OptionalLong localMemoryBytes() {
            return OptionalLong.of(spec.tile().memoryBytes());
        }

        @Override
        public Optional<ChipSpec> arraySpec() {
            return Optional.of(spec);
        }

        @Override
        public String name() {
            return topology.spec();
        }

        @Override
        public String describe() {
            return topology.spec();
        }

        @Override
        public String summary() {
            TileParameters tile = spec.tile();
            return topology.spec() + " of " + bytes(tile.memoryBytes()) + " tiles, " + tile.wordBytes()
                    + "-byte words, " + tile.macsPerCycle() + " MACs/cycle, mapping " + spec.mapping().id();
        }
    }

    /** The memory-bound processor baseline (see {@link ProcessorSpec}). */
    final class Processor implements ChipModel {
        private final ProcessorSpec processor;
        private final ChipSpec spec;
        private final Topology topology;

        public Processor(ProcessorSpec processor) {
            this.processor = processor;
            this.spec = processor.asChip();
            this.topology = spec.buildTopology();
        }

        @Override
        public ChipSpec spec() {
            return spec;
        }

        @Override
        public Topology topology() {
            return topology;
        }

        @Override
        public ChipKind kind() {
            return ChipKind.PROCESSOR;
        }

        /** The processor's closed form counts the activations it fetches from memory too. */
        @Override
        public List<Category> closedFormReads() {
            return List.of(Category.WEIGHT_READS, Category.FEEDBACK_READS, Category.ACTIVATION_READS);
        }

        @Override
        public void requireWordSizes(WordSizes words) {
            if (!words.isUniform()) {
                throw new InvalidInputException("fixed-point numbers are modelled on the tile array, not on the "
                        + "processor baseline: use float32 numbers with --chip processor");
            }
        }

        /**
         * Every memory word crosses the chip boundary; the words a neuron's update moves are those
         * that cross it (the spec's words moved for a processor with separate memory).
         */
        @Override
        public void chargeOffChipMemory(ExampleRun run, int wordBytes) {
            for (int task = 0; task < run.taskCount(); task++) {
                long words = 0;
                for (Category category : Category.values()) {
                    if (category.isMemoryAccess()) {
                        words += run.count(task, category);
                    }
                }
                run.add(task, Category.OFF_CHIP_BYTES, words * wordBytes);
                if (run.phaseOf(task) != Phase.FORWARD) {
                    run.add(task, Category.WORDS_MOVED, words - run.count(task, Category.WORDS_MOVED));
                }
            }
        }

        @Override
        public OptionalLong localMemoryBytes() {
            return OptionalLong.empty();
        }

        @Override
        public Optional<ChipSpec> arraySpec() {
            return Optional.empty();
        }

        @Override
        public String name() {
            return "processor";
        }

        @Override
        public String describe() {
            return "the processor";
        }

        @Override
        public String summary() {
            return "the processor baseline: " + processor.macsPerCycle() + " MACs/cycle, "
                    + processor.offChipBytesPerCycle() + " B/cycle off-chip memory, " + processor.wordBytes()
                    + "-byte words";
        }
    }
}
