package org.neurotile.neuron.rules.convdfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.neurotile.neuron.chip.Chip;
import org.neurotile.neuron.chip.ChipSpec;
import org.neurotile.neuron.chip.ExampleRun;
import org.neurotile.neuron.chip.TileParameters;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.rules.LearningRule;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.sim.InvalidInputException;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.NetworkSpec;
import org.neurotile.workloads.Pool;
import org.neurotile.workloads.TensorShape;

/**
 * conv-dfa's closed form against the simulated counts on random convolution networks: the feedback
 * kernels read once per example (C_l (C_s/G) K^2 words), (C_s/G) K^2 products per unit, the weight
 * gradients as dfa's. Exact where every kernel lives in one tile; with kernel copies the feedback
 * rows of a channel split over slices are read in each, and the weight copies are written.
 */
class ConvDfaCostsTest {

    @Provide
    Arbitrary<Conv2d> convs() {
        Arbitrary<Optional<Pool>> pools = Arbitraries.of(Optional.empty(), Optional.of(new Pool(Pool.Kind.MAX, 2, 2, 0)),
                Optional.of(new Pool(Pool.Kind.AVG, 2, 2, 0))); // no overlap: no slice recomputes a sum
        return Combinators.combine(Arbitraries.integers().between(1, 3), Arbitraries.of(1, 3),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 1), pools)
                .as((channels, kernel, stride, padding, pool) -> new Conv2d(channels * 2, kernel, stride, padding, 1, 1,
                        Activation.RELU, pool, OptionalInt.empty(), true));
    }

    @Provide
    Arbitrary<String> rules() {
        return Arbitraries.of("conv-dfa", "conv-dfa:kernel=1", "conv-dfa:kernel=5,dilation=2", "conv-dfa:groups=2",
                "conv-dfa:modules=1/2/3-4", "conv-dfa:modules=1-2/3-4,groups=2");
    }

    @Provide
    Arbitrary<WeightSharing> sharings() {
        return Arbitraries.of(WeightSharing.values());
    }

    @Provide
    Arbitrary<Long> memories() {
        return Arbitraries.of(3072L, 8192L, 65536L);
    }

    /** Three conv layers (left out where the map has become too small), then a dense output layer. */
    private static Optional<NetworkSpec> network(int side, List<Conv2d> convs) {
        List<Layer> layers = new ArrayList<>();
        TensorShape in = new TensorShape(2, side, side);
        for (Conv2d conv : convs) {
            try {
                in = conv.shape(in).output();
                layers.add(conv);
            } catch (IllegalArgumentException e) {
                // a kernel larger than its input
            }
        }
        if (layers.size() < 2) {
            return Optional.empty();
        }
        layers.add(Dense.of(3, Activation.IDENTITY));
        return Optional.of(new NetworkSpec("random-cnn", new TensorShape(2, side, side), layers));
    }

    @Property(tries = 80)
    void theCountsEqualTheClosedFormWhenEveryKernelLivesInOneTile(
            @ForAll("convs") Conv2d first, @ForAll("convs") Conv2d second, @ForAll("convs") Conv2d third,
            @ForAll("rules") String rule, @ForAll("sharings") WeightSharing sharing, @ForAll("memories") long memory,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 5, max = 14) int side) {
        Optional<NetworkSpec> built = network(side, List.of(first, second, third));
        if (built.isEmpty()) {
            return;
        }
        NetworkSpec net = built.get();
        ChipSpec spec = new ChipSpec(new GridShape(8, 8), "mesh", NocParameters.DEFAULTS,
                new TileParameters(memory, 4, 2, 4, 16, 4), ChipSpec.MappingKind.CONTIGUOUS, sharing);
        LearningRule parsed = LearningRules.parse(rule, 3);
        ExampleRun run;
        ClosedForm expected;
        try {
            expected = parsed.closedForm(net, ChipKind.TILE_ARRAY).orElseThrow();
            run = new Chip(spec).run(net, parsed, false, TraceRecorder.disabled()).run();
        } catch (InvalidInputException e) {
            return; // modules or groups that do not fit this network, or a network that does not fit the chip
        }
        boolean convolved = parsed.feedback(net, org.neurotile.neuron.functional.Model.initial(net, 1), 3)
                .orElseThrow().convolution(1) != null;
        Statistics.collect(convolved ? "conv feedback" : "dense feedback", sharing);
        long backwardMacs = run.total(Category.MACS) - run.total(Category.MACS, Phase.FORWARD);
        assertEquals(expected.macs(), backwardMacs, "MACs");
        assertEquals(expected.wordsMoved(), run.total(Category.WORDS_MOVED), "words moved");
        long reads = run.total(Category.WEIGHT_READS, Phase.UPDATE) + run.total(Category.FEEDBACK_READS);
        if (sharing == WeightSharing.SINGLE) {
            assertEquals(expected.reads(), reads, "reads");
            assertEquals(expected.writes(), run.total(Category.WEIGHT_WRITES), "writes");
        } else {
            assertTrue(reads >= expected.reads(), "copies read their feedback rows too");
        }
    }
}
