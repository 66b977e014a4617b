package org.neurotile.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LayerShapeTest {

    @Property
    void aDenseLayerHasOneWeightAndOneMacPerInputOutputPair(@ForAll @IntRange(min = 1, max = 1 << 20) int inputs,
                                                           @ForAll @IntRange(min = 1, max = 1 << 20) int neurons) {
        LayerShape shape = Dense.of(neurons, Activation.RELU).shape(inputs);
        assertEquals((long) inputs * neurons, shape.weights());
        assertEquals(shape.weights(), shape.forwardMacs());
        assertEquals(shape.weights(), (long) shape.outputs() * shape.fanIn());
    }

    @Property
    void aDenseLayersOutputsReadEveryInputAndItsInputsFeedEveryOutput(
            @ForAll @IntRange(min = 1, max = 4096) int inputs, @ForAll @IntRange(min = 1, max = 4096) int neurons) {
        LayerShape shape = Dense.of(neurons, Activation.TANH).shape(inputs);
        assertEquals(inputs, shape.inputs());
        assertEquals(neurons, shape.outputs());
        assertEquals(inputs, shape.fanIn());
        assertEquals(neurons, shape.fanOut());
    }

    @Property
    void connectionsCountedFromEitherSideAgree(@ForAll @IntRange(min = 1, max = 4096) int inputs,
                                               @ForAll @IntRange(min = 1, max = 4096) int neurons) {
        LayerShape shape = Dense.of(neurons, Activation.RELU).shape(inputs);
        assertEquals((long) shape.inputs() * shape.fanOut(), (long) shape.outputs() * shape.fanIn());
    }

    @Provide
    Arbitrary<List<Integer>> sizes() {
        return Arbitraries.integers().between(1, 2000).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property
    void eachLayerOfANetworkReadsTheOutputsOfTheLayerBefore(@ForAll @IntRange(min = 1, max = 2000) int input,
                                                            @ForAll("sizes") List<Integer> sizes) {
        NetworkSpec network = network(input, sizes);
        for (int l = 1; l <= network.layerCount(); l++) {
            assertEquals(network.neurons(l - 1), network.shape(l).inputs());
            assertEquals(network.neurons(l), network.shape(l).outputs());
        }
    }

    @Property
    void theNetworksWeightsAreItsLayerShapesWeights(@ForAll @IntRange(min = 1, max = 2000) int input,
                                                     @ForAll("sizes") List<Integer> sizes) {
        NetworkSpec network = network(input, sizes);
        long total = 0;
        for (int l = 1; l <= network.layerCount(); l++) {
            assertEquals(network.shape(l).weights(), network.weights(l));
            assertEquals((long) network.neurons(l) * network.neurons(l - 1), network.weights(l));
            total += network.weights(l);
        }
        assertEquals(total, network.totalTrainableWeights());
    }

    @Property
    void describeListsTheInputThenEachLayersOutputs(@ForAll @IntRange(min = 1, max = 99) int input,
                                                    @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 99) Integer> sizes) {
        StringBuilder expected = new StringBuilder().append(input);
        sizes.forEach(size -> expected.append('-').append(size));
        assertEquals(expected.toString(), network(input, sizes).describe());
    }

    @Test
    void aShapeWhoseFanInExceedsItsInputsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LayerShape(4, 2, 8, 8, 5, 2));
    }

    @Test
    void aShapeWithoutOutputsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LayerShape(4, 0, 0, 0, 4, 0));
    }

    @Test
    void aLayerThatCannotReadItsInputsIsRefusedWithTheNetworkAndLayerNamed() {
        Layer pairs = new PairSum(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new NetworkSpec("odd", 5, List.of(pairs, Dense.of(2, Activation.IDENTITY))));
        assertEquals("network 'odd': layer 1 (pair-sum) cannot read 5 values: pair-sum of 3 outputs reads 6 inputs",
                e.getMessage());
    }

    @Test
    void aNetworkTakesLayersOfAKindDefinedElsewhere() {
        NetworkSpec network = new NetworkSpec("pairs", 6, List.of(new PairSum(3), Dense.of(2, Activation.IDENTITY)));
        assertEquals(3, network.neurons(1));
        assertEquals(0, network.weights(1));
        assertEquals(6, network.weights(2));
    }

    private static NetworkSpec network(int input, List<Integer> sizes) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            layers.add(Dense.of(sizes.get(i), i == sizes.size() - 1 ? Activation.IDENTITY : Activation.RELU));
        }
        return new NetworkSpec("random", input, layers);
    }

    /** A layer kind from outside the built-ins: sums adjacent pairs of its inputs, no weights. */
    private record PairSum(int outputs) implements ExtensionLayer {
        @Override
        public String kind() {
            return "pair-sum";
        }

        @Override
        public Activation activation() {
            return Activation.RELU;
        }

        @Override
        public boolean trainable() {
            return false;
        }

        @Override
        public LayerShape shape(int inputs) {
            if (inputs != 2 * outputs) {
                throw new IllegalArgumentException("pair-sum of " + outputs + " outputs reads " + 2 * outputs + " inputs");
            }
            return new LayerShape(inputs, outputs, 0, outputs, 2, 1);
        }
    }
}
