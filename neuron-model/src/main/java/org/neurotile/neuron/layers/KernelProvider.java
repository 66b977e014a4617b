package org.neurotile.neuron.layers;

import java.util.Optional;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.LayerShape;

/**
 * Supplies the kernels of layer kinds defined outside the built-ins ({@link org.neurotile.workloads.ExtensionLayer}).
 * Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.neurotile.neuron.layers.KernelProvider}; it needs a public no-argument
 * constructor.
 */
public interface KernelProvider {

    /** The kernel of {@code layer} with its {@code shape}, or empty if this provider does not know its kind. */
    Optional<LayerKernel> kernel(Layer layer, LayerShape shape);
}
