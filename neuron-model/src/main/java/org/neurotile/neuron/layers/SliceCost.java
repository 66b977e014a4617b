package org.neurotile.neuron.layers;

/**
 * What one slice of a layer holds and does per example: {@code units} output units, the
 * {@code weights} they own (biases not included), the {@code inputs} they read, the
 * {@code forwardMacs} of their sums and the {@code propagationMacs} of their share of W^T delta.
 */
public record SliceCost(long units, long weights, long inputs, long forwardMacs, long propagationMacs) {

    public SliceCost {
        if (units < 1 || weights < 0 || inputs < 1 || forwardMacs < 0 || propagationMacs < 0) {
            throw new IllegalArgumentException("invalid slice cost: " + units + " units, " + weights + " weights, "
                    + inputs + " inputs, " + forwardMacs + " + " + propagationMacs + " MACs");
        }
    }
}
