package org.neurotile.workloads;

import java.util.Objects;

/**
 * What a layer's size implies, given the shape of the values it reads: its {@code input} and
 * {@code output} shapes, the {@code weights} it stores (biases not included), the
 * {@code forwardMacs} of one forward pass, and how densely it connects: each output sum reads
 * {@code fanIn} inputs (a convolution's kernel taps, padding included) and each input feeds {@code fanOut} outputs (PyTorch's fan-out for a
 * convolution: k^2 C_out). A dense layer of n_l units reading n_{l-1} values has n_l * n_{l-1}
 * weights and MACs, fan-in n_{l-1} and fan-out n_l.
 */
public record LayerShape(TensorShape input, TensorShape output, long weights, long forwardMacs, int fanIn,
                         int fanOut) {

    public LayerShape {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        if (weights < 0 || forwardMacs < 0) {
            throw new IllegalArgumentException("weights and MACs must be >= 0, got " + weights + " and " + forwardMacs);
        }
        if (fanIn < 1 || fanOut < 0) {
            throw new IllegalArgumentException("fan-in must be >= 1 and fan-out >= 0, got " + fanIn + " and " + fanOut);
        }
    }

    /** A layer reading and writing flat vectors. */
    public LayerShape(int inputs, int outputs, long weights, long forwardMacs, int fanIn, int fanOut) {
        this(flat(inputs, "inputs"), flat(outputs, "outputs"), weights, forwardMacs, checkFanIn(fanIn, inputs),
                checkFanOut(fanOut, outputs));
    }

    private static TensorShape flat(int values, String what) {
        if (values < 1) {
            throw new IllegalArgumentException("a layer reads and outputs at least one value, got " + values + " "
                    + what);
        }
        return TensorShape.flat(values);
    }

    private static int checkFanIn(int fanIn, int inputs) {
        if (fanIn > inputs) {
            throw new IllegalArgumentException("fan-in of a flat layer must be in 1.." + inputs + ", got " + fanIn);
        }
        return fanIn;
    }

    private static int checkFanOut(int fanOut, int outputs) {
        if (fanOut > outputs) {
            throw new IllegalArgumentException("fan-out of a flat layer must be in 0.." + outputs + ", got " + fanOut);
        }
        return fanOut;
    }

    /** The values the layer reads. */
    public int inputs() {
        return input.size();
    }

    /** The values the layer outputs (after its pool, if any). */
    public int outputs() {
        return output.size();
    }
}
