/**
 * One kernel per layer kind: the layer's arithmetic (forward, the error sent back, the weight
 * gradient) and its costs (how it is cut into slices that fit a tile, what a slice holds and counts).
 * The step's arithmetic, the plans, the mapping's storage and the closed forms ask the kernel and
 * never assume a layer is dense. Kernels are found by {@link org.neurotile.neuron.layers.LayerKernels}.
 */
package org.neurotile.neuron.layers;
