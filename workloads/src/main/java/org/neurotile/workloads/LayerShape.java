package org.neurotile.workloads;

/**
 * What a layer's size implies, given the number of values it reads: its {@code inputs} and
 * {@code outputs}, the {@code weights} it stores (biases not included), the {@code forwardMacs} of
 * one forward pass, and how densely it connects: each output reads {@code fanIn} inputs and each
 * input feeds {@code fanOut} outputs. A dense layer of n_l units reading n_{l-1} values has
 * n_l * n_{l-1} weights and MACs, fan-in n_{l-1} and fan-out n_l.
 */
public record LayerShape(int inputs, int outputs, long weights, long forwardMacs, int fanIn, int fanOut) {

    public LayerShape {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("a layer reads and outputs at least one value, got " + inputs
                    + " inputs and " + outputs + " outputs");
        }
        if (weights < 0 || forwardMacs < 0) {
            throw new IllegalArgumentException("weights and MACs must be >= 0, got " + weights + " and " + forwardMacs);
        }
        if (fanIn < 1 || fanIn > inputs || fanOut < 0 || fanOut > outputs) {
            throw new IllegalArgumentException("fan-in must be in 1.." + inputs + " and fan-out in 0.." + outputs
                    + ", got " + fanIn + " and " + fanOut);
        }
    }

    /** The input-output pairs the layer connects: each output times its fan-in. */
    public long connections() {
        return (long) outputs * fanIn;
    }
}
