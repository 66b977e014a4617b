package org.neurotile.workloads;

/**
 * A layer kind defined outside this module. It is an ordinary {@link Layer}; neuron-model finds its
 * kernel through the kernel providers on the class path instead of among the built-in kinds. A kind
 * that reads a flat vector implements {@link #shape(int)}.
 */
public non-sealed interface ExtensionLayer extends Layer {

    /** The shape when reading {@code inputs} values as one vector. */
    LayerShape shape(int inputs);

    @Override
    default LayerShape shape(TensorShape input) {
        return shape(input.size());
    }
}
