package org.neurotile.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalog's convolutional networks against the weight counts their papers and PyTorch give. */
class ConvNetworksTest {

    /**
     * Weights without biases: Keras' MNIST CNN summary (1,199,882 parameters less 234 biases),
     * torchvision's vgg16 (138,357,544 less 13,416 biases), AlexNet's two-tower layers (about 61
     * million, Krizhevsky et al.), ResNet-18 for CIFAR (11,173,962 parameters less 9,600 batch-norm
     * parameters and 10 biases), VGG16 for CIFAR as pytorch-cifar writes it (14,728,266 parameters less
     * 4,234 biases and 8,448 batch-norm parameters).
     */
    @ParameterizedTest
    @CsvSource({
        "mnist-cnn, 1199648",
        "vgg16, 138344128",
        "alexnet, 60954656",
        "resnet18-cifar, 11164352",
        "vgg16-cifar, 14715584",
    })
    void weightCountsMatchThePublishedSummaries(String name, long weights) {
        NetworkSpec network = NetworkCatalog.get(name);
        long total = 0;
        for (int l = 1; l <= network.layerCount(); l++) {
            total += network.weights(l);
        }
        assertEquals(weights, total);
    }

    @ParameterizedTest
    @CsvSource({
        "cifar100-cnn, cifar100-convnet-fc, 3",
        "alexnet, alexnet-fc, 5",
        "vgg16, vgg16-fc, 13",
    })
    void theFullyConnectedHeadsReadTheLastFeatureMaps(String whole, String head, int convLayers) {
        assertEquals(NetworkCatalog.get(head).inputSize(), NetworkCatalog.get(whole).neurons(convLayers));
    }

    @Test
    void mnistCnnHasTheShapesAndMacsOfKerasExample() {
        NetworkSpec network = NetworkCatalog.get("mnist-cnn");
        assertEquals("1x28x28-32x26x26-64x12x12-128-10", network.describe());
        assertEquals(26L * 26 * 32 * 9, network.shape(1).forwardMacs());
        assertEquals(24L * 24 * 64 * 9 * 32, network.shape(2).forwardMacs());
        assertEquals(9216L * 128, network.shape(3).forwardMacs());
    }

    @Test
    void resnetStagesHalveTheMapsAndProjectTheShortcutWhereChannelsChange() {
        NetworkSpec network = NetworkCatalog.get("resnet18-cifar");
        assertEquals(18, network.layerCount());
        assertEquals(new TensorShape(512, 4, 4), network.shape(16).output());
        assertEquals(512, network.neurons(17));
        // layer 7 (stage 2's second convolution) adds layer 5's 64x32x32 through a 64 x 128 projection
        assertEquals(128L * 128 * 9 + 64 * 128, network.weights(7));
        assertEquals(16L * 16 * (128 * 128 * 9 + 64 * 128), network.shape(7).forwardMacs());
    }
}
