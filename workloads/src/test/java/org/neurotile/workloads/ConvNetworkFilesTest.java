package org.neurotile.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurotile.sim.InvalidInputException;

/** Network files that list their layers: conv2d, pools, flatten and dense entries. */
class ConvNetworkFilesTest {
    private static final String MNIST_CNN = """
            name: mnist-cnn
            input: [1, 28, 28]
            layers:
              - conv2d: {channels: 32, kernel: 3}
              - conv2d: {channels: 64, kernel: 3}
              - maxpool: 2
              - flatten
              - dense: 128
              - dense: 10
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("n.yaml"), text);
    }

    private String error(String text) throws IOException {
        Path file = write(text);
        return assertThrows(InvalidInputException.class, () -> NetworkSpecs.load(file)).getMessage();
    }

    @Test
    void theCatalogsMnistCnnWrittenAsAFileIsTheSameNetwork() throws IOException {
        assertEquals(NetworkCatalog.get("mnist-cnn"), NetworkSpecs.load(write(MNIST_CNN)));
    }

    @Test
    void theExampleFileIsTheCatalogsMnistCnn() {
        assertEquals(NetworkCatalog.get("mnist-cnn"), NetworkSpecs.load(Path.of("../examples/mnist-cnn.yaml")));
    }

    @Test
    void settingsDefaultAsPyTorchsAndTheLastLayerIsIdentity() throws IOException {
        NetworkSpec network = NetworkSpecs.load(write("""
                input: [3, 32, 32]
                hidden-activation: tanh
                layers:
                  - conv2d: {channels: 8, kernel: 5, stride: 2, padding: 2, dilation: 1, groups: 1}
                  - avgpool: {kernel: 3, stride: 2, padding: 1}
                  - conv2d: {channels: 10, kernel: 1, trainable: false}
                """));
        Conv2d first = (Conv2d) network.layer(1);
        assertEquals(Activation.TANH, first.activation());
        assertEquals(new Pool(Pool.Kind.AVG, 3, 2, 1), first.pool().orElseThrow());
        assertEquals("3x32x32-8x8x8-10x8x8", network.describe());
        assertEquals(Activation.IDENTITY, network.layer(2).activation());
        assertFalse(network.layer(2).trainable());
    }

    @Test
    void aResidualAddNamesTheLayerWhoseOutputItAdds() throws IOException {
        NetworkSpec network = NetworkSpecs.load(write("""
                input: [3, 8, 8]
                layers:
                  - conv2d: {channels: 4, kernel: 3, padding: 1}
                  - conv2d: {channels: 4, kernel: 3, padding: 1}
                  - conv2d: {channels: 8, kernel: 3, padding: 1, stride: 2, add: 1}
                  - dense: 10
                """));
        assertEquals(8L * 4 * 9 + 4 * 8, network.weights(3));
    }

    @Test
    void aKernelLargerThanItsInputIsRefusedAtTheLayersLine() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":4: network 'n': layer 2 (conv2d) cannot read 4x3x3 values: a 5x5 kernel"
                + " is larger than its 3x3 input padded by 0", error("""
                input: [1, 5, 5]
                layers:
                  - conv2d: {channels: 4, kernel: 3}
                  - conv2d: {channels: 4, kernel: 5}
                  - dense: 10
                """));
    }

    @Test
    void aStrideOfZeroIsRefusedWithTheValidRange() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":3: key 'layers.conv2d.stride' must be an integer in [1, 1024], got '0'",
                error("""
                input: [1, 5, 5]
                layers:
                  - conv2d: {channels: 4, kernel: 3, stride: 0}
                  - dense: 10
                """));
    }

    @Test
    void groupsThatDoNotDivideTheInputChannelsAreRefused() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":3: network 'n': layer 1 (conv2d) cannot read 3x8x8 values: 3 input"
                + " channels are not divisible by 2 groups", error("""
                input: [3, 8, 8]
                layers:
                  - conv2d: {channels: 4, kernel: 3, groups: 2}
                  - dense: 10
                """));
    }

    @Test
    void aPoolThatFollowsNoConvolutionIsRefused() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":3: key 'layers.maxpool' must follow a conv2d layer (a pool runs in the"
                + " tiles of the convolution it follows, one pool per convolution)", error("""
                input: [1, 8, 8]
                layers:
                  - maxpool: 2
                  - dense: 10
                """));
    }

    @Test
    void anAddFromALaterLayerIsRefused() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":4: network 'n': layer 2 (conv2d) cannot read 4x8x8 values: its residual"
                + " add names layer 2, valid: 0 (the input) to 0 (an earlier layer than the one it reads)", error("""
                input: [4, 8, 8]
                layers:
                  - conv2d: {channels: 4, kernel: 3, padding: 1}
                  - conv2d: {channels: 4, kernel: 3, padding: 1, add: 2}
                  - dense: 10
                """));
    }

    @Test
    void aLastLayerWithAnActivationIsRefusedAtItsLine() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":4: the last layer's activation must be identity (softmax +"
                + " cross-entropy follow it), got sigmoid", error("""
                input: [1, 8, 8]
                layers:
                  - conv2d: {channels: 2, kernel: 3}
                  - dense: {units: 10, activation: sigmoid}
                """));
    }

    @Test
    void anInputOfTwoNumbersIsRefused() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":1: key 'input' must be a number of values or [channels, height, width]"
                + " of whole numbers, got 2 numbers", error("input: [28, 28]\nlayers: [10]\n"));
    }

    @Test
    void aLayerWrittenAsAPlainWordIsRefusedListingTheKinds() throws IOException {
        assertEquals(dir.resolve("n.yaml") + ":3: a layer of 'layers' must be one of avgpool, conv2d, dense, flatten,"
                + " maxpool with its settings, e.g. '- dense: 128', got 'relu'", error("""
                input: [1, 8, 8]
                layers:
                  - relu
                  - dense: 10
                """));
    }
}
