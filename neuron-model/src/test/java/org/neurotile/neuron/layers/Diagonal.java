package org.neurotile.neuron.layers;

import org.neurotile.workloads.Activation;
import org.neurotile.workloads.ExtensionLayer;
import org.neurotile.workloads.LayerShape;

/** A layer kind defined outside the built-ins: h_i = f(w_i x_i + c_i), one weight per unit. */
public record Diagonal(int outputs, Activation activation, boolean trainable) implements ExtensionLayer {

    @Override
    public String kind() {
        return "diagonal";
    }

    /** As many inputs as units; each unit reads one input and each input feeds one unit. */
    @Override
    public LayerShape shape(int inputs) {
        if (inputs != outputs) {
            throw new IllegalArgumentException("a diagonal layer of " + outputs + " units reads " + outputs
                    + " values");
        }
        return new LayerShape(inputs, outputs, outputs, outputs, 1, 1);
    }
}
