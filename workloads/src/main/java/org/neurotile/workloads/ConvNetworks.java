package org.neurotile.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The convolutional networks of the catalog, built layer by layer. Hidden layers use relu; batch
 * normalisation, dropout and local response normalisation are left out (they hold no weights the
 * rules train and cost little beside the convolutions).
 */
final class ConvNetworks {
    private static final Activation RELU = NetworkCatalog.HIDDEN_ACTIVATION;

    private ConvNetworks() {}

    /** Keras' MNIST CNN, as the DFA papers train it: conv 3x3 32, conv 3x3 64, maxpool 2x2, fc 128, fc 10. */
    static NetworkSpec mnist() {
        return new Builder(new TensorShape(1, 28, 28))
                .conv(32, 3, 1, 0).conv(32 * 2, 3, 1, 0).maxpool(2, 2, 0)
                .dense(128).output(10).build("mnist-cnn");
    }

    /**
     * The CIFAR network of the sparse-DFA and binary-DFA papers: conv 5x5 96, 128, 256 (padding 2),
     * each followed by maxpool 3x3/2 with padding 1, then fc 2048, fc 2048 and the classes. Its
     * flattened maps are the 4,096 inputs of {@code cifar100-convnet-fc}.
     */
    static NetworkSpec cifar(String name, int classes) {
        Builder builder = new Builder(new TensorShape(3, 32, 32));
        for (int channels : new int[] {96, 128, 256}) {
            builder.conv(channels, 5, 1, 2).maxpool(3, 2, 1);
        }
        return builder.dense(2048).dense(2048).output(classes).build(name);
    }

    /**
     * AlexNet as Krizhevsky et al. (2012) give it, on 224x224x3 with the first convolution padded
     * by 2: 96 11x11/4, 256 5x5 (2 groups), 384 3x3, 384 3x3 (2 groups), 256 3x3 (2 groups), the
     * first, second and fifth followed by maxpool 3x3/2; fc 4096, 4096, 1000. The groups are the
     * paper's two GPUs; torchvision's single-tower variant has 64, 192, 384, 256, 256 channels.
     */
    static NetworkSpec alexnet() {
        return new Builder(new TensorShape(3, 224, 224))
                .conv(96, 11, 4, 2, 1).maxpool(3, 2, 0)
                .conv(256, 5, 1, 2, 2).maxpool(3, 2, 0)
                .conv(384, 3, 1, 1, 1)
                .conv(384, 3, 1, 1, 2)
                .conv(256, 3, 1, 1, 2).maxpool(3, 2, 0)
                .dense(4096).dense(4096).output(1000).build("alexnet");
    }

    /** VGG16 (configuration D): 13 3x3 convolutions padded by 1 in five blocks, each ending in maxpool 2x2. */
    static Builder vggFeatures(TensorShape input) {
        Builder builder = new Builder(input);
        int[][] blocks = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        for (int[] block : blocks) {
            for (int channels : block) {
                builder.conv(channels, 3, 1, 1);
            }
            builder.maxpool(2, 2, 0);
        }
        return builder;
    }

    /** VGG16 on ImageNet (224x224x3): the features, then fc 4096, 4096, 1000 on 25,088 inputs. */
    static NetworkSpec vgg16() {
        return vggFeatures(new TensorShape(3, 224, 224)).dense(4096).dense(4096).output(1000).build("vgg16");
    }

    /** VGG16 on CIFAR-10 (32x32x3): the features leave 512 1x1 maps, read by one fc layer of 10. */
    static NetworkSpec vgg16Cifar() {
        return vggFeatures(new TensorShape(3, 32, 32)).output(10).build("vgg16-cifar");
    }

    /**
     * ResNet-18 for CIFAR-10 (He et al. 2016, the 32x32 variant): conv 3x3 64, four stages of two
     * basic blocks (64, 128, 256, 512 channels; the first convolution of stages 2-4 has stride 2),
     * each block's second convolution adding the block's input (through a 1x1 projection where the
     * shape changes), avgpool 4x4, fc 10.
     */
    static NetworkSpec resnet18Cifar() {
        Builder builder = new Builder(new TensorShape(3, 32, 32)).conv(64, 3, 1, 1);
        int[] stages = {64, 128, 256, 512};
        for (int stage = 0; stage < stages.length; stage++) {
            for (int block = 0; block < 2; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                int blockInput = builder.count();
                builder.conv(stages[stage], 3, stride, 1).residual(stages[stage], blockInput);
            }
        }
        return builder.avgpool(4, 4, 0).output(10).build("resnet18-cifar");
    }

    /** Appends layers; a pool attaches to the convolution before it. */
    static final class Builder {
        private final TensorShape input;
        private final List<Layer> layers = new ArrayList<>();

        Builder(TensorShape input) {
            this.input = input;
        }

        int count() {
            return layers.size();
        }

        Builder conv(int channels, int kernel, int stride, int padding) {
            return conv(channels, kernel, stride, padding, 1);
        }

        Builder conv(int channels, int kernel, int stride, int padding, int groups) {
            layers.add(new Conv2d(channels, kernel, stride, padding, 1, groups, RELU, Optional.empty(),
                    OptionalInt.empty(), true));
            return this;
        }

        /** A 3x3 convolution padded by 1 that adds the output of layer {@code from} before its activation. */
        Builder residual(int channels, int from) {
            layers.add(new Conv2d(channels, 3, 1, 1, 1, 1, RELU, Optional.empty(), OptionalInt.of(from), true));
            return this;
        }

        Builder maxpool(int kernel, int stride, int padding) {
            return pool(new Pool(Pool.Kind.MAX, kernel, stride, padding));
        }

        Builder avgpool(int kernel, int stride, int padding) {
            return pool(new Pool(Pool.Kind.AVG, kernel, stride, padding));
        }

        private Builder pool(Pool pool) {
            int last = layers.size() - 1;
            layers.set(last, ((Conv2d) layers.get(last)).pooled(pool));
            return this;
        }

        Builder dense(int neurons) {
            layers.add(Dense.of(neurons, RELU));
            return this;
        }

        Builder output(int classes) {
            layers.add(Dense.of(classes, Activation.IDENTITY));
            return this;
        }

        NetworkSpec build(String name) {
            return new NetworkSpec(name, input, layers);
        }
    }
}
