package org.neurotile.neuron.layers;

import java.util.Optional;
import org.neurotile.workloads.Layer;
import org.neurotile.workloads.LayerShape;

/** Registers {@link DiagonalKernel} (META-INF/services in the test resources). */
public final class DiagonalKernelProvider implements KernelProvider {

    @Override
    public Optional<LayerKernel> kernel(Layer layer, LayerShape shape) {
        return layer instanceof Diagonal diagonal ? Optional.of(new DiagonalKernel(diagonal, shape)) : Optional.empty();
    }
}
