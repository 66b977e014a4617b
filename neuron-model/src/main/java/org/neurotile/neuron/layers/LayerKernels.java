package org.neurotile.neuron.layers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.neurotile.workloads.Conv2d;
import org.neurotile.workloads.Dense;
import org.neurotile.workloads.ExtensionLayer;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.LayerShape;
import org.neurotile.workloads.NetworkSpec;

/**
 * The kernels of a network's layers, and the registry that finds a layer's kernel: the built-in
 * kinds first, then the {@link KernelProvider}s on the class path (in class-name order; the first
 * that knows the kind wins).
 */
public final class LayerKernels {
    private final LayerKernel[] kernels; // index 1..L

    private LayerKernels(LayerKernel[] kernels) {
        this.kernels = kernels;
    }

    /** The kernel of every layer of {@code network}. */
    public static LayerKernels of(NetworkSpec network) {
        LayerKernel[] kernels = new LayerKernel[network.layerCount() + 1];
        for (int l = 1; l <= network.layerCount(); l++) {
            kernels[l] = of(network, l);
        }
        return new LayerKernels(kernels);
    }

    /**
     * The first layer (1-based) whose kernel {@link LayerKernel#normalises} over a minibatch, or 0:
     * such a network trains on minibatches only, and the chip's cost model has no such layer.
     */
    public int firstNormalising() {
        for (int l = 1; l < kernels.length; l++) {
            if (kernels[l].normalises()) {
                return l;
            }
        }
        return 0;
    }

    /** The kernel of layer l, 1-based as in the spec. */
    public LayerKernel layer(int l) {
        if (l < 1 || l >= kernels.length) {
            throw new IndexOutOfBoundsException("layer " + l + " outside 1.." + (kernels.length - 1));
        }
        return kernels[l];
    }

    /** The kernel of layer l of {@code network} alone. */
    public static LayerKernel of(NetworkSpec network, int l) {
        if (network.layer(l) instanceof Conv2d conv) {
            return new ConvKernel(conv, network.shape(l), conv.add().stream().mapToObj(network::output).findFirst());
        }
        return kernel(network.layer(l), network.shape(l));
    }

    /** The kernel of {@code layer} with {@code shape}. */
    public static LayerKernel kernel(Layer layer, LayerShape shape) {
        if (layer instanceof Dense dense) {
            return dense.normalised() ? new NormalisedDenseKernel(dense, shape) : new DenseKernel(dense, shape);
        }
        if (layer instanceof Conv2d conv) {
            return new ConvKernel(conv, shape, Optional.empty());
        }
        if (layer instanceof ExtensionLayer) {
            for (KernelProvider provider : Providers.ALL) {
                Optional<LayerKernel> kernel = provider.kernel(layer, shape);
                if (kernel.isPresent()) {
                    return kernel.get();
                }
            }
        }
        throw new IllegalArgumentException("no kernel for layer kind '" + layer.kind() + "' ("
                + layer.getClass().getName() + "): built in are dense and conv2d; providers on the class path: "
                + (Providers.ALL.isEmpty() ? "none" : Providers.ALL.stream().map(p -> p.getClass().getName())
                        .collect(Collectors.joining(", ")))
                + " (list a KernelProvider in META-INF/services/" + KernelProvider.class.getName() + ")");
    }

    /** The providers on the class path, loaded once (an immutable list). */
    private static final class Providers {
        static final List<KernelProvider> ALL = load();

        private static List<KernelProvider> load() {
            List<KernelProvider> providers = new ArrayList<>();
            ServiceLoader.load(KernelProvider.class, KernelProvider.class.getClassLoader()).forEach(providers::add);
            providers.sort(Comparator.comparing(p -> p.getClass().getName()));
            return List.copyOf(providers);
        }
    }
}
