package org.neurotile.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.sim.InvalidInputException;

class NetworkSpecsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private String error(String name, String text) throws IOException {
        final Path file = write(name, text);
        return assertThrows(InvalidInputException.class, () -> NetworkSpecs.load(file)).getMessage();
    }

    @Test
    void minimalFileGivesReluHiddenIdentityOutputAndTheFileName() throws IOException {
        final NetworkSpec network = NetworkSpecs.load(write("small.yaml", "input: 784\nlayers: [400, 10]\n"));
        assertEquals("small", network.name());
        assertEquals("784-400-10", network.describe());
        assertEquals(Activation.RELU, network.layer(1).activation());
        assertEquals(Activation.IDENTITY, network.layer(2).activation());
    }

    @Test
    void hiddenActivationAndOverridesApplyToTheirLayers() throws IOException {
        final NetworkSpec network = NetworkSpecs.load(write("n.yaml", """
                name: tanh-net
                input: 8
                layers: [6, 4, 2]
                hidden-activation: tanh
                overrides:
                  1: {trainable: false}
                  2: {activation: sigmoid}
                """));
        assertEquals("tanh-net", network.name());
        assertEquals(new Dense(6, Activation.TANH, false), network.layer(1));
        assertEquals(new Dense(4, Activation.SIGMOID, true), network.layer(2));
        assertEquals(new Dense(2, Activation.IDENTITY, true), network.layer(3));
    }

    @Test
    void jsonFileIsReadToo() throws IOException {
        final NetworkSpec network = NetworkSpecs.load(write("n.json", "{\"input\": 3, \"layers\": [2]}"));
        assertEquals("3-2", network.describe());
    }

    @Test
    void outputLayerMayBeFrozen() throws IOException {
        final NetworkSpec network = NetworkSpecs.load(write("n.yaml",
                "input: 3\nlayers: [2]\noverrides:\n  1: {trainable: false}\n"));
        assertFalse(network.layer(1).trainable());
    }

    @Test
    void unknownTopLevelKeyNamesFileLineAndNearestKey() throws IOException {
        final String message = error("n.yaml", "input: 3\nlayer: [2]\n");
        assertEquals(dir.resolve("n.yaml") + ":2: unknown key 'layer' (did you mean 'layers'? valid keys:"
                + " hidden-activation, input, layers, name, overrides)", message);
    }

    @Test
    void unknownOverrideKeyNamesItsDottedPathAndLine() throws IOException {
        final String message = error("n.yaml", "input: 3\nlayers: [4, 2]\noverrides:\n  1:\n    activaton: tanh\n");
        assertEquals(dir.resolve("n.yaml") + ":5: unknown key 'overrides.1.activaton' (did you mean 'activation'?"
                + " valid keys: activation, normalise, trainable)", message);
    }

    @Test
    void missingLayersIsAnError() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":1: missing required key 'layers' (a list of neurons per layer,"
                + " output layer last, e.g. [400, 10], or of conv2d, maxpool, avgpool, flatten and dense entries)",
                error("n.yaml", "input: 3\n"));
    }

    @Test
    void missingInputIsAnError() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":1: missing required key 'input' (an integer in [1, 1048576])",
                error("n.yaml", "layers: [2]\n"));
    }

    @Test
    void emptyLayerListIsAnError() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":2: key 'layers' must list at least one layer (the output layer)",
                error("n.yaml", "input: 3\nlayers: []\n"));
    }

    @Test
    void zeroLayerSizeIsAnErrorAtItsLine() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":4: key 'layers' element 2 must be a number in [1, 1048576], got '0'",
                error("n.yaml", "input: 3\nlayers:\n  - 4\n  - 0\n"));
    }

    @Test
    void aLayerOfUnknownKindIsAnErrorAtItsLineListingTheKinds() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":3: unknown key 'layers.neurons' (valid keys: avgpool, conv2d, dense,"
                + " flatten, maxpool)", error("n.yaml", "input: 3\nlayers:\n  - {neurons: 4}\n"));
    }

    @Test
    void fractionalLayerSizeIsAnError() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":2: key 'layers' element 1 must be a whole number of neurons, got 2.5",
                error("n.yaml", "input: 3\nlayers: [2.5, 2]\n"));
    }

    @Test
    void unknownActivationListsValidOnes() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":3: key 'hidden-activation' has unknown value 'tahn' (did you mean"
                + " 'tanh'? valid: relu, tanh, sigmoid, identity)",
                error("n.yaml", "input: 3\nlayers: [4, 2]\nhidden-activation: tahn\n"));
    }

    @Test
    void nonIdentityOutputOverrideIsAnError() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":4: key 'overrides.2.activation' must be identity for the output layer"
                + " (layer 2): softmax + cross-entropy follow it",
                error("n.yaml", "input: 3\nlayers: [4, 2]\noverrides:\n  2: {activation: relu}\n"));
    }

    @Test
    void overrideOfMissingLayerIsAnError() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":4: key 'overrides.3' is outside the network: expected a layer number"
                + " in 1..2", error("n.yaml", "input: 3\nlayers: [4, 2]\noverrides:\n  3: {trainable: false}\n"));
    }

    @Test
    void nonNumericOverrideKeyIsAnError() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":4: key 'overrides.first' is not a layer number: expected a layer"
                + " number in 1..2",
                error("n.yaml", "input: 3\nlayers: [4, 2]\noverrides:\n  first: {trainable: false}\n"));
    }

    @Test
    void sameLayerOverriddenTwiceIsAnError() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":5: key 'overrides.01' overrides layer 1 again (first as '1')",
                error("n.yaml", "input: 3\nlayers: [4, 2]\noverrides:\n  1: {trainable: false}\n  01: {}\n"));
    }

    @Test
    void missingFileIsAnError() {
        final Path missing = dir.resolve("none.yaml");
        assertEquals(missing + ": file not found",
                assertThrows(InvalidInputException.class, () -> NetworkSpecs.load(missing)).getMessage());
    }

    @Test
    void anAbsurdLayerWidthIsRefusedAtItsLine() throws IOException {
        final Path file = write("huge.yaml", "input: 784\nlayers: [2000000000, 10]\n");
        assertEquals(file + ":2: key 'layers' element 1 must be a number in [1, 1048576], got '2000000000'", assertThrows(InvalidInputException.class, () -> NetworkSpecs.load(file))
                .getMessage());
    }

    @Test
    void anAbsurdInputWidthIsRefusedAtItsLine() throws IOException {
        assertTrue(error("n.yaml", "name: n\ninput: 4294967296\nlayers: [10]\n").contains(":2: key 'input'"));
    }

    @Test
    void aLayerWithMoreWeightsThanOneArrayHoldsIsRefused() throws IOException {
        final Path file = write("wide.yaml", "input: 1048576\nlayers: [1048576, 10]\n");
        assertEquals(file + ":2: key 'layers' element 1: layer 1 has 1,048,576 x 1,048,576 = 1,099,511,627,776 "
                + "weights, more than the 1,073,741,824 one layer may have (a layer's weights are one Java array)",
                assertThrows(InvalidInputException.class, () -> NetworkSpecs.load(file)).getMessage());
    }

    @Test
    void everyCatalogNetworkIsWithinTheFileLimits() {
        for (String name : NetworkCatalog.names()) {
            NetworkSpec network = NetworkCatalog.get(name);
            for (int l = 0; l <= network.layerCount(); l++) {
                assertTrue(network.neurons(l) <= (network.output(l).isFlat() ? NetworkSpecs.MAX_NEURONS
                        : NetworkSpecs.MAX_VALUES), name);
                assertTrue(l == 0 || network.weights(l) <= NetworkSpecs.MAX_LAYER_WEIGHTS, name);
            }
        }
    }

    @Test
    void anOverrideNormalisesAHiddenLayer() throws IOException {
        NetworkSpec network = NetworkSpecs.load(write("n.yaml",
                "input: 8\nlayers: [6, 4, 2]\noverrides:\n  2: {normalise: batch}\n"));
        assertEquals(new Dense(6, Activation.RELU, true, false), network.layer(1));
        assertEquals(Dense.normalised(4, Activation.RELU), network.layer(2));
    }

    @Test
    void aDenseEntryNormalisesWithItsKey() throws IOException {
        NetworkSpec network = NetworkSpecs.load(write("n.yaml",
                "input: 8\nlayers:\n  - dense: {units: 6, normalise: batch}\n  - dense: 2\n"));
        assertTrue(((Dense) network.layer(1)).normalised());
        assertFalse(((Dense) network.layer(2)).normalised());
    }

    @Test
    void theOutputLayerCannotBeNormalised() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":4: key 'overrides.2.normalise' cannot be batch for the output layer (layer 2):"
                + " softmax + cross-entropy read its sums",
                error("n.yaml", "input: 8\nlayers: [6, 2]\noverrides:\n  2: {normalise: batch}\n"));
        assertTrue(error("m.yaml", "input: 8\nlayers:\n  - dense: 6\n  - dense: {units: 2, normalise: batch}\n")
                .startsWith(dir.resolve("m.yaml") + ":4: the last layer cannot have normalise: batch"));
    }

    @Test
    void anUnknownNormalisationNamesTheChoices() throws IOException {
        String message = error("n.yaml", "input: 8\nlayers: [6, 2]\noverrides:\n  1: {normalise: layer}\n");
        assertTrue(message.contains("normalise") && message.contains("none") && message.contains("batch")
                && message.contains("layer"), message);
        assertFalse(message.contains("\n"));
    }
}
