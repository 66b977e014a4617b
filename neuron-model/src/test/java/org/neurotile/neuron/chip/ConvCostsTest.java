package org.neurotile.neuron.chip;

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
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.layers.ConvKernel;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.Placement;
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
 * The conv closed forms against the simulated counts, on random convolution networks: forward MACs
 * H_out W_out C_out k^2 C_in / groups, bp's rotated-kernel propagation as many, the weight gradient
 * as a correlation as many, and the dfa family's backward pass (feedback n_l x n_L per conv layer).
 * Exact where every kernel lives in one tile (the single mapping); with kernel copies the weight
 * writes exceed them by the copies' kernels, and nothing else changes.
 */
class ConvCostsTest {

    /** A random conv layer; pools never overlap (kernel = stride), so no slice recomputes a sum. */
    @Provide
    Arbitrary<Conv2d> convs() {
        Arbitrary<Integer> groups = Arbitraries.of(1, 1, 2);
        Arbitrary<Optional<Pool>> pools = Arbitraries.of(Optional.empty(), Optional.of(new Pool(Pool.Kind.MAX, 2, 2, 0)),
                Optional.of(new Pool(Pool.Kind.AVG, 2, 2, 0)));
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.of(1, 3, 5),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 2), groups, pools)
                .as((channels, kernel, stride, padding, dilation, g, pool) -> new Conv2d(channels * g, kernel, stride,
                        padding, dilation, g, Activation.RELU, pool, OptionalInt.empty(), true));
    }

    /** conv layers (dropped where the map has become too small), then a dense output layer. */
    private static Optional<NetworkSpec> network(int channels, int side, List<Conv2d> convs, int outputs) {
        List<Layer> layers = new ArrayList<>();
        TensorShape in = new TensorShape(channels * 2, side, side);
        for (Conv2d conv : convs) {
            try {
                TensorShape out = conv.shape(in).output();
                if (in.channels() % conv.groups() != 0) {
                    continue;
                }
                layers.add(conv);
                in = out;
            } catch (IllegalArgumentException e) {
                // a kernel larger than its input: leave the layer out
            }
        }
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        layers.add(Dense.of(outputs, Activation.IDENTITY));
        return Optional.of(new NetworkSpec("random-cnn", new TensorShape(channels * 2, side, side), layers));
    }

    /** One example, or empty where the rule refuses the network (too few neurons for k errors, no fit). */
    private static Optional<Chip.Example> run(NetworkSpec net, String rule, WeightSharing sharing, long memoryBytes) {
        ChipSpec spec = new ChipSpec(new GridShape(8, 8), "mesh", NocParameters.DEFAULTS,
                new TileParameters(memoryBytes, 4, 2, 4, 16, 4), ChipSpec.MappingKind.CONTIGUOUS, sharing);
        try {
            return Optional.of(new Chip(spec).run(net, LearningRules.parse(rule, 3), false, TraceRecorder.disabled()));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private static long forwardMacs(NetworkSpec net) {
        long macs = 0;
        for (int l = 1; l <= net.layerCount(); l++) {
            macs += net.shape(l).forwardMacs();
        }
        return macs;
    }

    /** Kernel words the copies hold: a conv slice that starts inside a channel copies its kernel. */
    private static long copiedWeights(Chip.Example example, NetworkSpec net) {
        long words = 0;
        for (Placement p : example.mapping().placements()) {
            if (LayerKernels.of(net, p.layer()) instanceof ConvKernel conv && conv.sharedChannel(p.first()) >= 0) {
                words += conv.channelParameterWords() - 1;
            }
        }
        return words;
    }

    @Property(tries = 60)
    void dfaFamilyBackwardCountsEqualTheClosedFormWhenEveryKernelLivesInOneTile(
            @ForAll("convs") Conv2d first, @ForAll("convs") Conv2d second,
            @ForAll("sides") int side, @ForAll("channels") int channels,
            @ForAll("dfaRules") String rule, @ForAll("sharings") WeightSharing sharing,
            @ForAll("memories") long memoryBytes) {
        Optional<NetworkSpec> built = network(channels, side, List.of(first, second), 4);
        if (built.isEmpty()) {
            return;
        }
        NetworkSpec net = built.get();
        Optional<Chip.Example> ran = run(net, rule, sharing, memoryBytes);
        if (ran.isEmpty()) {
            return;
        }
        Chip.Example example = ran.get();
        ExampleRun run = example.run();
        Statistics.collect(copiedWeights(example, net) > 0 ? "kernel copies" : "no copies");
        LearningRule parsed = LearningRules.parse(rule, 3);
        ClosedForm expected = parsed.closedForm(net, ChipKind.TILE_ARRAY).orElseThrow();
        long copies = copiedWeights(example, net);
        if (sharing == WeightSharing.SINGLE) {
            assertEquals(0, copies, "one tile per kernel");
        }
        assertEquals(forwardMacs(net), run.total(Category.MACS, Phase.FORWARD), "forward MACs");
        assertEquals(expected.reads(), run.total(Category.WEIGHT_READS, Phase.UPDATE)
                + run.total(Category.FEEDBACK_READS), "reads");
        assertEquals(expected.writes() + copies, run.total(Category.WEIGHT_WRITES), "writes, copies aside");
        assertEquals(expected.macs(), run.total(Category.MACS) - run.total(Category.MACS, Phase.FORWARD), "MACs");
        assertEquals(expected.wordsMoved(), run.total(Category.WORDS_MOVED), "words moved");
    }

    @Property(tries = 60)
    void bpPropagatesWithTheRotatedKernelAndCorrelatesForTheGradient(
            @ForAll("convs") Conv2d first, @ForAll("convs") Conv2d second,
            @ForAll("sides") int side, @ForAll("channels") int channels,
            @ForAll("sharings") WeightSharing sharing, @ForAll("memories") long memoryBytes) {
        Optional<NetworkSpec> built = network(channels, side, List.of(first, second), 4);
        if (built.isEmpty()) {
            return;
        }
        NetworkSpec net = built.get();
        Optional<Chip.Example> ran = run(net, "bp", sharing, memoryBytes);
        if (ran.isEmpty()) {
            return;
        }
        Chip.Example example = ran.get();
        ExampleRun run = example.run();
        long propagation = 0; // layers above the first propagate: W^T delta, or the rotated kernel
        long gradient = 0;
        for (int l = 1; l <= net.layerCount(); l++) {
            gradient += net.shape(l).forwardMacs();
            if (l > 1) {
                propagation += net.shape(l).forwardMacs();
            }
        }
        assertEquals(propagation, run.total(Category.MACS, Phase.ERROR), "rotated-kernel propagation");
        assertEquals(gradient, run.total(Category.MACS, Phase.UPDATE), "gradient as a correlation");
        assertEquals(net.totalTrainableWeights() + copiedWeights(example, net), run.total(Category.WEIGHT_WRITES));
        assertTrue(run.total(Category.ERROR_WRITES) > 0);
    }

    @Property(tries = 40)
    void theLinksCarryExactlyTheCountedByteHops(
            @ForAll("convs") Conv2d first, @ForAll("sides") int side, @ForAll("channels") int channels,
            @ForAll("everyRule") String rule, @ForAll("sharings") WeightSharing sharing) {
        Optional<NetworkSpec> built = network(channels, side, List.of(first), 3);
        if (built.isEmpty()) {
            return;
        }
        Optional<Chip.Example> ran = run(built.get(), rule, sharing, 16 * 1024);
        if (ran.isEmpty()) {
            return;
        }
        Chip.Example example = ran.get();
        long carried = 0;
        for (int link = 0; link < example.links().linkCount(); link++) {
            carried += example.links().bytes(link);
        }
        assertEquals(example.run().total(Category.NOC_BYTE_HOPS), carried);
    }

    /** Small tiles split channels over tiles (kernel copies under the copies mapping). */
    @Provide
    Arbitrary<Long> memories() {
        return Arbitraries.of(3072L, 6144L, 65536L);
    }

    @Provide
    Arbitrary<Integer> sides() {
        return Arbitraries.integers().between(4, 14);
    }

    @Provide
    Arbitrary<Integer> channels() {
        return Arbitraries.integers().between(1, 3);
    }

    @Provide
    Arbitrary<String> dfaRules() {
        return Arbitraries.of("dfa", "ssdfa", "sdfa:k=2");
    }

    @Provide
    Arbitrary<String> everyRule() {
        return Arbitraries.of("bp", "dfa", "ssdfa", "binary-dfa", "blocked-dfa:s=1", "fp:m=1", "directional-dfa",
                "hybrid:p=0.3");
    }

    @Provide
    Arbitrary<WeightSharing> sharings() {
        return Arbitraries.of(WeightSharing.values());
    }
}
