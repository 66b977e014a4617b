package org.neurotile.neuron.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.neurotile.neuron.counts.Category;
import org.neurotile.neuron.optim.OptimizerCost;
import org.neurotile.neuron.plan.MappingDoesNotFitException;
import org.neurotile.neuron.plan.MemoryKind;
import org.neurotile.neuron.counts.Phase;
import org.neurotile.neuron.rules.LearningRules;
import org.neurotile.noc.NocParameters;
import org.neurotile.noc.topology.GridShape;
import org.neurotile.sim.trace.TraceRecorder;
import org.neurotile.workloads.Activation;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.NetworkSpec;

/** What every rule must do, on random networks and chips. */
class RuleInvariantsTest {

    @Provide
    Arbitrary<String> rules() {
        return Arbitraries.of("bp", "bp:reads=shared", "fa", "dfa", "sdfa:k=2", "ssdfa", "binary-dfa",
                "blocked-dfa:s=1", "blocked-dfa:s=2", "fp:m=1", "fp:m=2");
    }

    /** With the rules whose forward pass or update costs more: directional dfa, hybrid's split momentum. */
    @Provide
    Arbitrary<String> everyRule() {
        return Arbitraries.oneOf(rules(), Arbitraries.of("directional-dfa", "directional-dfa:zero-product=skip",
                "hybrid:p=0.3", "hybrid:p=0.3,step=bp"));
    }

    /** Rules that need at least two layers. */
    private static boolean needsTwoLayers(String rule) {
        return rule.equals("blocked-dfa:s=2") || rule.equals("fp:m=2");
    }

    private static NetworkSpec network(int input, List<Integer> sizes, int outputs) {
        List<Layer> layers = new ArrayList<>();
        for (int size : sizes) {
            layers.add(Dense.of(Math.max(size, outputs), Activation.RELU));
        }
        layers.add(Dense.of(outputs, Activation.IDENTITY));
        return new NetworkSpec("random", input, layers);
    }

    @Property(tries = 80)
    void everyRuleUpdatesEveryWeightOnceAndSharesTheForwardPass(
            @ForAll("rules") String rule,
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 24) Integer> hidden,
            @ForAll @IntRange(min = 1, max = 24) int input,
            @ForAll @IntRange(min = 2, max = 6) int outputs,
            @ForAll @IntRange(min = 2, max = 6) int side,
            @ForAll boolean biases) {
        NetworkSpec net = network(input, hidden, outputs);
        if (needsTwoLayers(rule) && net.layerCount() < 2) {
            return;
        }
        ChipSpec spec = new ChipSpec(new GridShape(side, side), "mesh", NocParameters.DEFAULTS,
                new TileParameters(1536, 4, 2, 4, 16, 4), ChipSpec.MappingKind.CONTIGUOUS);
        Chip chip = new Chip(spec);
        ExampleRun run;
        try {
            run = chip.run(net, LearningRules.parse(rule, 3), biases, TraceRecorder.disabled()).run();
        } catch (MappingDoesNotFitException e) {
            return;
        }
        long parameters = 0;
        for (int l = 1; l <= net.layerCount(); l++) {
            parameters += net.weights(l) + (biases ? net.neurons(l) : 0);
        }
        assertEquals(parameters, run.total(Category.WEIGHT_WRITES), "every weight written once");
        assertEquals(parameters, run.total(Category.MACS, Phase.UPDATE), "one MAC per weight update");
        // Forward MACs do not depend on the rule, whatever tiles the neurons went to.
        long forward = 0;
        for (int l = 1; l <= net.layerCount(); l++) {
            forward += net.weights(l);
        }
        assertEquals(forward, run.total(Category.MACS, Phase.FORWARD));
        assertEquals((input + 1L) * 4, run.total(Category.OFF_CHIP_BYTES), "the input and the label");
    }

    @Property(tries = 60)
    void theLinksCarryExactlyTheCountedByteHops(
            @ForAll("everyRule") String rule,
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 24) Integer> hidden,
            @ForAll @IntRange(min = 1, max = 24) int input,
            @ForAll @IntRange(min = 2, max = 6) int outputs,
            @ForAll @IntRange(min = 2, max = 6) int side,
            @ForAll("topologies") String topology) {
        NetworkSpec net = network(input, hidden, outputs);
        if (needsTwoLayers(rule) && net.layerCount() < 2) {
            return;
        }
        ChipSpec spec = new ChipSpec(new GridShape(side, side), topology, NocParameters.DEFAULTS,
                new TileParameters(1536, 4, 2, 4, 16, 4), ChipSpec.MappingKind.CONTIGUOUS);
        Chip.Example example;
        try {
            example = new Chip(spec).run(net, LearningRules.parse(rule, 3), true, TraceRecorder.disabled());
        } catch (MappingDoesNotFitException e) {
            return;
        }
        long carried = 0;
        for (int link = 0; link < example.links().linkCount(); link++) {
            carried += example.links().bytes(link);
        }
        assertEquals(example.run().total(Category.NOC_BYTE_HOPS), carried);
    }

    @Provide
    Arbitrary<String> topologies() {
        return Arbitraries.of("mesh", "torus");
    }

    @Property(tries = 60)
    void anOptimizerReadsAndWritesItsStateOncePerWeightAndKeepsItInTheTiles(
            @ForAll("everyRule") String rule,
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 24) Integer> hidden,
            @ForAll @IntRange(min = 1, max = 24) int input,
            @ForAll @IntRange(min = 2, max = 6) int outputs,
            @ForAll("optimizers") OptimizerCost optimizer) {
        NetworkSpec net = network(input, hidden, outputs);
        if (needsTwoLayers(rule) && net.layerCount() < 2) {
            return;
        }
        ChipSpec spec = new ChipSpec(new GridShape(6, 6), "mesh", NocParameters.DEFAULTS,
                new TileParameters(4096, 4, 2, 4, 16, 4), ChipSpec.MappingKind.CONTIGUOUS);
        Chip.Example example;
        try {
            example = new Chip(spec).run(net, LearningRules.parse(rule, 3), true, optimizer, TraceRecorder.disabled());
        } catch (MappingDoesNotFitException e) {
            return;
        }
        long parameters = 0;
        for (int l = 1; l <= net.layerCount(); l++) {
            parameters += net.weights(l) + net.neurons(l);
        }
        ExampleRun run = example.run();
        OptimizerCost used = LearningRules.parse(rule, 3).optimizer(optimizer);
        long state = parameters * used.stateWordsPerWeight();
        assertEquals(parameters * used.stateReadsPerWeight(), run.total(Category.OPTIMIZER_READS));
        assertEquals(parameters * used.stateWritesPerWeight(), run.total(Category.OPTIMIZER_WRITES));
        assertEquals(parameters * used.macsPerWeight(), run.total(Category.MACS, Phase.UPDATE));
        long bytes = 0;
        for (int tile = 0; tile < example.mapping().tileCount(); tile++) {
            bytes += example.mapping().footprintBytes(tile, MemoryKind.OPTIMIZER);
        }
        assertEquals(state * 4, bytes, "state words of every weight and bias in the tiles");
    }

    @Provide
    Arbitrary<OptimizerCost> optimizers() {
        return Arbitraries.of(OptimizerCost.SGD, OptimizerCost.MOMENTUM, OptimizerCost.ADAM);
    }
}
