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
import org.neurotile.neuron.layers.ConvCut;
import org.neurotile.neuron.layers.ConvKernel;
import org.neurotile.neuron.layers.LayerKernels;
import org.neurotile.neuron.layers.WeightSharing;
import org.neurotile.neuron.plan.ClosedForm;
import org.neurotile.neuron.plan.ChipKind;
import org.neurotile.neuron.plan.Placement;
import org.neurotile.neuron.plan.StorageModel;
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

    /** Kernel words the copies hold: a conv slice that starts inside a block (copies: a channel) copies its kernels. */
    private static long copiedWeights(Chip.Example example, NetworkSpec net) {
        long words = 0;
        for (Placement p : example.mapping().placements()) {
            ConvCut cut = example.mapping().cut(p.layer());
            if (LayerKernels.of(net, p.layer()) instanceof ConvKernel conv && conv.sharedBlock(p.first(), cut) >= 0) {
                words += cut.blockChannels() * (conv.channelParameterWords() - 1);
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

    @Property(tries = 10)
    void aResidualAddReadsEachAddedValueOnceAndItsLinksCarryWhatIsCounted(
            @ForAll("memories") long memoryBytes, @ForAll("sharings") WeightSharing sharing) {
        Conv2d same = Conv2d.of(4, 3, 1, Activation.RELU);
        Conv2d identity = new Conv2d(4, 3, 1, 1, 1, 1, Activation.RELU, Optional.empty(), OptionalInt.of(1), true);
        Conv2d projected = new Conv2d(8, 3, 2, 1, 1, 1, Activation.RELU, Optional.empty(), OptionalInt.of(2), true);
        NetworkSpec net = new NetworkSpec("residual", new TensorShape(2, 8, 8),
                List.of(same, same, identity, projected, Dense.of(3, Activation.IDENTITY)));
        Optional<Chip.Example> ran = run(net, "bp", sharing, memoryBytes * 4);
        if (ran.isEmpty()) {
            return;
        }
        Chip.Example example = ran.get();
        long added = 0;
        for (Placement p : example.mapping().placementsOf(3)) {
            long[] ranges = LayerKernels.of(net, 3).addedRanges(p.first(), p.count(), example.mapping().cut(3));
            for (int i = 0; i < ranges.length; i += 2) {
                added += ranges[i + 1] - ranges[i];
            }
        }
        assertEquals(net.neurons(1), added, "the identity add reads layer 1's output once");
        long carried = 0;
        for (int link = 0; link < example.links().linkCount(); link++) {
            carried += example.links().bytes(link);
        }
        assertEquals(example.run().total(Category.NOC_BYTE_HOPS), carried);
        long sums = net.neurons(3) + net.neurons(4); // no pool: one add per sum of the two residual layers
        assertEquals(sums, example.run().total(Category.ADDS, Phase.FORWARD));
    }

    @Property(tries = 10)
    void bpSendsEachResidualAddsErrorBackToTheAddedLayer(@ForAll("memories") long memoryBytes,
                                                         @ForAll("sharings") WeightSharing sharing) {
        Conv2d same = Conv2d.of(4, 3, 1, Activation.RELU);
        Conv2d identity = new Conv2d(4, 3, 1, 1, 1, 1, Activation.RELU, Optional.empty(), OptionalInt.of(1), true);
        Conv2d projected = new Conv2d(8, 3, 2, 1, 1, 1, Activation.RELU, Optional.empty(), OptionalInt.of(2), true);
        Conv2d plainIdentity = new Conv2d(4, 3, 1, 1, 1, 1, Activation.RELU, Optional.empty(), OptionalInt.empty(), true);
        Conv2d plainProjected = new Conv2d(8, 3, 2, 1, 1, 1, Activation.RELU, Optional.empty(), OptionalInt.empty(),
                true);
        TensorShape input = new TensorShape(2, 8, 8);
        NetworkSpec net = new NetworkSpec("residual", input,
                List.of(same, same, identity, projected, Dense.of(3, Activation.IDENTITY)));
        NetworkSpec plain = new NetworkSpec("plain", input,
                List.of(same, same, plainIdentity, plainProjected, Dense.of(3, Activation.IDENTITY)));
        Optional<Chip.Example> residual = run(net, "bp", sharing, memoryBytes * 4);
        Optional<Chip.Example> without = run(plain, "bp", sharing, memoryBytes * 4);
        if (residual.isEmpty() || without.isEmpty()) {
            return;
        }
        for (int from = 1; from <= 2; from++) {
            int adding = from + 2;
            long read = 0;
            for (Placement p : residual.get().mapping().placementsOf(adding)) {
                long[] ranges = LayerKernels.of(net, adding).addedRanges(p.first(), p.count(),
                        residual.get().mapping().cut(adding));
                for (int i = 0; i < ranges.length; i += 2) {
                    read += ranges[i + 1] - ranges[i];
                }
            }
            assertEquals(read, errorWrites(residual.get(), from) - errorWrites(without.get(), from),
                    "layer " + from + " receives the error of each value layer " + adding + " added");
        }
        // layer 4's propagation also computes P^T delta: one MAC per projection weight and sum
        long projectionMacs = (long) net.neurons(4) * net.output(2).channels();
        assertEquals(projectionMacs, errorMacs(residual.get(), 4) - errorMacs(without.get(), 4));
    }

    /** fa multiplies delta_{l+1} at the sums, so a pooled convolution above feeds back a value per sum. */
    @Property(tries = 10)
    void faFeedsBackEverySumOfAPooledConvolutionAbove(@ForAll("memories") long memoryBytes,
                                                      @ForAll("sharings") WeightSharing sharing) {
        Pool pool = new Pool(Pool.Kind.MAX, 2, 2, 0);
        NetworkSpec net = new NetworkSpec("pooled", new TensorShape(2, 10, 10), List.of(
                Conv2d.of(3, 3, 1, Activation.RELU).pooled(pool), Conv2d.of(4, 2, 1, Activation.RELU).pooled(pool),
                Dense.of(5, Activation.RELU), Dense.of(3, Activation.IDENTITY)));
        Optional<Chip.Example> ran = run(net, "fa", sharing, memoryBytes * 4);
        if (ran.isEmpty()) {
            return;
        }
        long expected = 0;
        for (int l = 1; l < net.layerCount(); l++) {
            expected += (long) net.neurons(l) * LayerKernels.of(net, l + 1).sumCount();
        }
        assertEquals(expected, ran.get().run().total(Category.FEEDBACK_READS));
        StorageModel storage = LearningRules.parse("fa", 3).storage(net, 4);
        for (int l = 1; l < net.layerCount(); l++) {
            assertEquals(4L * LayerKernels.of(net, l + 1).sumCount(), storage.feedbackBytesPerNeuron(l), "layer " + l);
        }
    }

    private static long errorWrites(Chip.Example example, int layer) {
        return ofLayerInErrorPhase(example, Category.ERROR_WRITES, layer);
    }

    private static long errorMacs(Chip.Example example, int layer) {
        return ofLayerInErrorPhase(example, Category.MACS, layer);
    }

    private static long ofLayerInErrorPhase(Chip.Example example, Category category, int layer) {
        long total = 0;
        for (int task = 0; task < example.run().taskCount(); task++) {
            if (example.run().layerOf(task) == layer && example.run().phaseOf(task) == Phase.ERROR) {
                total += example.run().count(task, category);
            }
        }
        return total;
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
