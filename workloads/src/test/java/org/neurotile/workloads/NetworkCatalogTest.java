package org.neurotile.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurotile.sim.InvalidInputException;

class NetworkCatalogTest {

    @ParameterizedTest
    @CsvSource({
        "mnist-fc, 784-400-10",
        "cifar10-fc, 3072-1000-1000-1000-10",
        "cifar100-fc, 3072-1000-1000-1000-100",
        "cifar100-convnet-fc, 4096-2048-2048-100",
        "alexnet-fc, 9216-4096-4096-1000",
        "vgg16-fc, 25088-4096-4096-1000",
        "mnist-3x800, 784-800-800-800-10",
    })
    void catalogNetworkHasThePapersShape(String name, String shape) {
        final NetworkSpec network = NetworkCatalog.get(name);
        assertEquals(name, network.name());
        assertEquals(shape, network.describe());
    }

    @Test
    void deepNetworkHasOneHundredHiddenLayersOfTwoHundred() {
        final NetworkSpec deep = NetworkCatalog.get("mnist-deep-100x200");
        assertEquals(101, deep.layerCount());
        assertEquals(784, deep.inputSize());
        assertTrue(deep.layers().subList(0, 100).stream().allMatch(layer -> ((Dense) layer).neurons() == 200));
        assertEquals(10, deep.outputs());
    }

    @Test
    void everyCatalogLayerIsTrainableWithReluHiddenAndIdentityOutput() {
        for (final String name : NetworkCatalog.names()) {
            final List<Layer> layers = NetworkCatalog.get(name).layers();
            assertTrue(layers.stream().allMatch(Layer::trainable), name);
            layers.subList(0, layers.size() - 1).forEach(layer -> assertEquals(Activation.RELU, layer.activation()));
            assertEquals(Activation.IDENTITY, layers.get(layers.size() - 1).activation());
        }
    }

    @Test
    void mnistFcHasThePublishedWeightCount() {
        assertEquals(784L * 400 + 400L * 10, NetworkCatalog.get("mnist-fc").totalTrainableWeights());
    }

    @Test
    void unknownNameErrorListsTheCatalog() {
        final InvalidInputException e = assertThrows(InvalidInputException.class, () -> NetworkCatalog.get("lenet"));
        assertEquals("unknown network 'lenet' (catalog: " + String.join(", ", NetworkCatalog.names()) + ")",
                e.getMessage());
        assertTrue(e.getMessage().contains("mnist-fc, mnist-3x800"));
    }

    @Test
    void namesAreInAFixedOrderStartingWithMnistFc() {
        assertEquals("mnist-fc", NetworkCatalog.names().iterator().next());
        assertEquals(List.of("mnist-fc", "mnist-3x800", "mnist-3x800-bn", "mnist-deep-100x200", "cifar10-fc", "cifar100-fc",
                "cifar100-convnet-fc", "alexnet-fc", "vgg16-fc", "mnist-cnn", "cifar10-cnn", "cifar100-cnn",
                "vgg16-cifar", "resnet18-cifar", "alexnet", "vgg16"), List.copyOf(NetworkCatalog.names()));
    }
}
