package org.neurotile.workloads;

/**
 * A layer kind defined outside this module. It is an ordinary {@link Layer}; neuron-model finds its
 * kernel through the kernel providers on the class path instead of among the built-in kinds.
 */
public non-sealed interface ExtensionLayer extends Layer {
}
