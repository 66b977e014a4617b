package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.layers.ConvCut;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.TensorShape;

/**
 * The rows conv mapping against its closed forms on random two-convolution networks: bp's partial
 * sums for layer 1 are, per slice of layer 2, every input row its windows read of all C_1 channels
 * (C_2 / G_2 per value of layer 1, times the halo), and the work (MACs, sums) is that of copies.
 */
class RowsMappingCostsTest {

    private static Optional<Chip.Example> run(NetworkSpec net, WeightSharing sharing, long memoryBytes) {
        ChipSpec spec = new ChipSpec(new GridShape(8, 8), "mesh", NocParameters.DEFAULTS,
                new TileParameters(memoryBytes, 4, 2, 4, 16, 4), ChipSpec.MappingKind.CONTIGUOUS, sharing);
        try {
            return Optional.of(new Chip(spec).run(net, LearningRules.parse("bp", 3), false, TraceRecorder.disabled()));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static NetworkSpec network(int channels, int side, int first, int second, int kernel, int stride,
                                       int padding) {
        Conv2d below = Conv2d.of(first, 3, 1, Activation.RELU);
        Conv2d above = new Conv2d(second, kernel, stride, padding, 1, 1, Activation.RELU, Optional.empty(),
                OptionalInt.empty(), true);
        return new NetworkSpec("two-convs", new TensorShape(channels, side, side),
                List.of(below, above, Dense.of(3, Activation.IDENTITY)));
    }

    /**
     * The partial sums each tile of layer 1 receives, by tile: per slice of layer 2 and block of G
     * channels it covers, the input rows from its first row's windows to its last's (a stride past
     * the kernel skips none: whole rows are kept), of every channel, counted where layer 1's
     * (blocked) order puts those values.
     */
    private static Map<Integer, Long> expectedPartialSums(Chip.Example example, NetworkSpec net, int kernel,
                                                         int stride, int padding) {
        TensorShape below = net.output(1);
        TensorShape above = net.output(2);
        ConvCut cut = example.mapping().cut(2);
        int blocks = above.channels() / cut.blockChannels();
        int[] readers = new int[below.height()]; // per row of layer 1: the slices of layer 2 that read it
        for (Placement p : example.mapping().placementsOf(2)) {
            int[] low = new int[blocks];
            int[] high = new int[blocks];
            Arrays.fill(low, Integer.MAX_VALUE);
            Arrays.fill(high, -1);
            for (long position = p.first(); position < p.end(); position++) {
                long unit = cut.chwUnit(position, above);
                int block = (int) (unit / above.positions()) / cut.blockChannels();
                int y = (int) (unit % above.positions() / above.width());
                low[block] = Math.min(low[block], y);
                high[block] = Math.max(high[block], y);
            }
            boolean[] rows = new boolean[below.height()];
            for (int block = 0; block < blocks; block++) {
                for (int r = Math.max(0, low[block] * stride - padding); high[block] >= 0
                        && r <= Math.min(below.height() - 1, high[block] * stride - padding + kernel - 1); r++) {
                    rows[r] = true;
                }
            }
            for (int r = 0; r < rows.length; r++) {
                readers[r] += rows[r] ? 1 : 0;
            }
        }
        ConvCut belowCut = example.mapping().cut(1);
        Map<Integer, Long> byTile = new TreeMap<>();
        for (Placement q : example.mapping().placementsOf(1)) {
            long partials = 0;
            for (long position = q.first(); position < q.end(); position++) {
                long unit = belowCut.chwUnit(position, below);
                partials += readers[(int) (unit % below.positions() / below.width())];
            }
            byTile.put(q.tile(), partials);
        }
        return byTile;
    }

    /** The error words each tile's tasks of layer 1 write in the error phase: its reduction's partial sums. */
    private static Map<Integer, Long> errorWritesOfLayerOne(Chip.Example example) {
        ExampleRun run = example.run();
        Map<Integer, Long> byTile = new TreeMap<>();
        for (Placement q : example.mapping().placementsOf(1)) {
            byTile.put(q.tile(), 0L);
        }
        for (int task = 0; task < run.taskCount(); task++) {
            if (run.layerOf(task) == 1 && run.phaseOf(task) == Phase.ERROR) {
                byTile.merge(run.tileOf(task), run.count(task, Category.ERROR_WRITES), Long::sum);
            }
        }
        return byTile;
    }

    @Property(tries = 100)
    void bpSendsEachTileOfLayerOneTheRowsEachLayerTwoSliceReadsOfAllChannels(
            @ForAll @IntRange(min = 1, max = 3) int channels, @ForAll @IntRange(min = 5, max = 12) int side,
            @ForAll @IntRange(min = 1, max = 4) int first, @ForAll("outChannels") int second,
            @ForAll("kernels") int kernel, @ForAll @IntRange(min = 1, max = 2) int stride,
            @ForAll @IntRange(min = 0, max = 2) int padding, @ForAll("memories") long memoryBytes) {
        if (padding >= kernel || side + 2 * padding < kernel) {
            return;
        }
        NetworkSpec net = network(channels, side, first, second, kernel, stride, padding);
        Optional<Chip.Example> ran = run(net, WeightSharing.ROWS, memoryBytes);
        if (ran.isEmpty()) {
            return;
        }
        Chip.Example example = ran.get();
        Statistics.collect(example.mapping().cut(2).blockChannels() == second ? "G = C_out" : "G < C_out",
                example.mapping().placementsOf(2).size() > 1 ? "layer 2 cut" : "layer 2 whole");
        assertEquals(expectedPartialSums(example, net, kernel, stride, padding), errorWritesOfLayerOne(example));
    }

    @Property(tries = 40)
    void theWorkIsThatOfCopies(@ForAll @IntRange(min = 1, max = 3) int channels,
                               @ForAll @IntRange(min = 5, max = 12) int side,
                               @ForAll @IntRange(min = 1, max = 4) int first,
                               @ForAll("outChannels") int second, @ForAll("kernels") int kernel,
                               @ForAll("memories") long memoryBytes) {
        NetworkSpec net = network(channels, side, first, second, kernel, 1, kernel / 2);
        Optional<Chip.Example> rows = run(net, WeightSharing.ROWS, memoryBytes);
        Optional<Chip.Example> copies = run(net, WeightSharing.COPIES, memoryBytes);
        if (rows.isEmpty() || copies.isEmpty()) {
            return;
        }
        for (Phase phase : Phase.values()) {
            assertEquals(copies.get().run().total(Category.MACS, phase), rows.get().run().total(Category.MACS, phase),
                    "MACs of " + phase);
        }
        assertEquals(copies.get().run().total(Category.ELEMENTWISE_OPS, Phase.FORWARD),
                rows.get().run().total(Category.ELEMENTWISE_OPS, Phase.FORWARD), "one activation per sum");
    }

    @Provide
    Arbitrary<Integer> outChannels() {
        return Arbitraries.of(1, 2, 4, 6, 8);
    }

    @Provide
    Arbitrary<Integer> kernels() {
        return Arbitraries.of(1, 3, 5);
    }

    /** From a row of one channel per tile to whole layers per tile. */
    @Provide
    Arbitrary<Long> memories() {
        return Arbitraries.of(1024L, 1536L, 2048L, 3072L, 6144L, 16384L);
    }
}
